// Translation review and publication against one real `paraph serve` (real SQLite, real
// Chromium, real HTTP): a French-only draft goes to translation as XLIFF, comes back, is
// reviewed, fixed, approved, published in the feeds and at the public URLs, and withdrawn.
// The review page is driven in real headless Chromium (tests/browser/review-page.js).
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <libxml/parser.h>

#include <cstdio>
#include <map>
#include <memory>
#include <regex>

#include "http/ApiClient.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"
#include "http/WebSession.h"
#include "support/AtomSchema.h"
#include "support/Command.h"
#include "support/Fixtures.h"
#include "xml/XmlPtr.h"

using namespace paraph::testing;

namespace {

const std::filesystem::path kPressRelease = kHome / "fixtures" / "press-release" / "psr-budget-2026-fr.xml";

// The input with every Dutch text removed: what a French author submits first.
std::string frenchOnly(const std::string& xml) { return std::regex_replace(xml, std::regex(R"(<nl>[\s\S]*?</nl>)"), ""); }

// XLIFF units: id → the unit's XML.
std::map<std::string, std::string> unitsOf(const std::string& xliff) {
  std::map<std::string, std::string> units;
  const std::regex unit(R"re(<unit id="([^"]+)"[\s\S]*?</unit>)re");
  for (auto it = std::sregex_iterator(xliff.begin(), xliff.end(), unit); it != std::sregex_iterator(); ++it) {
    units[(*it)[1]] = (*it)[0];
  }
  return units;
}

// id → the inner XML of the unit's <target> (inline codes kept as they are).
std::map<std::string, std::string> targetsOf(const std::string& xliff) {
  std::map<std::string, std::string> targets;
  for (const auto& [id, unit] : unitsOf(xliff)) {
    std::smatch match;
    if (std::regex_search(unit, match, std::regex(R"(<target[^>]*>([\s\S]*?)</target>)"))) targets[id] = match[1];
  }
  return targets;
}

// The translator's work: every unit of `xliff` gets the target given for its id (replacing
// one already there), and is marked translated.
std::string withTargets(std::string xliff, const std::map<std::string, std::string>& targets) {
  for (const auto& [id, unit] : unitsOf(xliff)) {
    std::string translated = std::regex_replace(unit, std::regex(R"(<target[^>]*>[\s\S]*?</target>)"), "");
    translated = std::regex_replace(translated, std::regex(R"(state="[a-z]+")"), "state=\"translated\"");
    const auto found = targets.find(id);
    if (found == targets.end()) continue;
    translated = std::regex_replace(translated, std::regex("</source>"), "</source><target>" + found->second + "</target>",
                                    std::regex_constants::format_first_only);
    xliff.replace(xliff.find(unit), unit.size(), translated);
  }
  return xliff;
}

// Atom (RFC 4287) by its own RELAX NG schema; the errors in words, empty when valid.
std::string atomErrors(const std::string& feed) {
  paraph::xml::DocPtr document(xmlReadMemory(feed.data(), static_cast<int>(feed.size()), "feed.atom", nullptr,
                                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!document) return "not well-formed XML";
  std::string all;
  for (const auto& error : atomSchema().errors(document.get())) all += error + "\n";
  return all;
}

// The <entry> of a feed whose id ends with "/{document}/{lang}", or empty.
std::string entryOf(const std::string& feed, const std::string& document, const std::string& lang) {
  const std::regex entry(R"(<entry[\s>][\s\S]*?</entry>)");
  for (auto it = std::sregex_iterator(feed.begin(), feed.end(), entry); it != std::sregex_iterator(); ++it) {
    const std::string text = (*it)[0];
    if (text.find("/" + document + "/" + lang + "</id>") != std::string::npos) return text;
  }
  return {};
}

class Publication : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One document per feed page, so that paging shows with a few publications.
    server_ = std::make_unique<ServerProcess>(testFolder("publication"), "server.feed_page_size = 1\n");
    server_->addUser("reviewer", "reviewer", kReviewerPassword);
    server_->start();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->stop(), 0) << server_->log();
    server_.reset();
    std::filesystem::remove_all(testFolder("publication"));
  }

  ApiClient submitter() const { return ApiClient(server_->port(), kSubmitterToken); }
  ApiClient translator() const { return ApiClient(server_->port(), kTranslatorToken); }
  ApiClient reviewer() const { return ApiClient(server_->port(), kReviewerToken); }
  ApiClient publisher() const { return ApiClient(server_->port(), kPublisherToken); }
  ApiClient anonymous() const { return ApiClient(server_->port()); }

  static std::string versionPath(const std::string& id, int number) {
    return "/api/v1/documents/" + id + "/versions/" + std::to_string(number);
  }

  // Waits for the job an accepted submission (or import) answered with; returns its version.
  int versionOf(const Answer& accepted) const {
    EXPECT_EQ(accepted.status, 202) << accepted.body;
    if (accepted.status != 202) return 0;
    const auto job = submitter().waitForJob(accepted.json()->getValue<std::int64_t>("job"));
    EXPECT_EQ(job->getValue<std::string>("state"), "done") << job->getValue<std::string>("error") << server_->log();
    return job->getValue<int>("version");
  }

  int submit(const std::string& xml) const { return versionOf(submitter().post("/api/v1/documents", xml)); }

  Poco::JSON::Object::Ptr review(const std::string& id, int number) const {
    const auto answer = translator().get(versionPath(id, number) + "/review");
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json();
  }

  Answer step(const ApiClient& client, const std::string& id, int number, const std::string& name,
              const std::string& comment = {}) const {
    return client.post(versionPath(id, number) + "/" + name,
                       comment.empty() ? std::string() : "{\"comment\": \"" + comment + "\"}", "application/json");
  }

  // The reviewer acknowledges every warning still open, then approves.
  void acknowledgeWarningsAndApprove(const std::string& id, int number) const {
    const auto findings = review(id, number)->getArray("findings");
    for (std::size_t index = 0; index < findings->size(); ++index) {
      const auto finding = findings->getObject(static_cast<unsigned>(index));
      ASSERT_EQ(finding->getValue<std::string>("severity"), "warning") << finding->getValue<std::string>("message");
      if (finding->has("acknowledge_url")) {
        const auto acknowledged = reviewer().post(finding->getValue<std::string>("acknowledge_url"), "", "application/json");
        EXPECT_EQ(acknowledged.status, 201) << acknowledged.body;
      }
    }
    const auto approved = step(reviewer(), id, number, "approve", "relu, conforme / nagelezen, conform");
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(approved.json()->getValue<std::string>("state"), "approved");
  }

  static std::unique_ptr<ServerProcess> server_;
};

std::unique_ptr<ServerProcess> Publication::server_;

TEST_F(Publication, AFrenchDraftIsTranslatedReviewedFixedApprovedPublishedAndWithdrawn) {
  const std::string original = readFile(kPressRelease);
  const std::string id = documentIdOf(original);

  // 1. A French-only draft is accepted, rendered with the gaps marked, and cannot be published.
  const auto accepted = submitter().post("/api/v1/documents", frenchOnly(original));
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  EXPECT_TRUE(accepted.json()->getValue<bool>("draft"));
  const int draft = versionOf(accepted);
  ASSERT_EQ(draft, 1);
  EXPECT_EQ(review(id, draft)->getValue<std::string>("state"), "draft");
  const auto listed = translator().get("/api/v1/documents/" + id).json()->getArray("versions");
  EXPECT_EQ(listed->getObject(0)->getValue<std::string>("state"), "draft");
  EXPECT_NE(translator().get(versionPath(id, draft) + "/nl.html").body.find("[vertaling ontbreekt]"), std::string::npos);
  EXPECT_EQ(step(publisher(), id, draft, "publish").status, 409);
  EXPECT_EQ(step(translator(), id, draft, "submit-for-review").status, 409);  // incomplete

  // 2. The XLIFF holds every segment needing Dutch; the translator fills it in (the Dutch of
  //    the fixture, taken from the export of a complete copy), with one figure mistyped.
  const auto exported = translator().get(versionPath(id, draft) + "/translation.xlf?target=nl");
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_EQ(exported.header("Content-Type"), "application/xliff+xml; charset=utf-8");
  EXPECT_NE(exported.body.find("original=\"paraph:" + id + "/v1\""), std::string::npos);
  const auto units = unitsOf(exported.body);
  EXPECT_EQ(units.size(), review(id, draft)->getObject("translation")->getArray("missing")->size());
  const std::string referenceId = id + "-reference";
  ASSERT_EQ(submit(withDocumentId(original, referenceId)), 1);
  auto dutch = targetsOf(translator().get(versionPath(referenceId, 1) + "/translation.xlf?target=nl&all=true").body);
  ASSERT_EQ(dutch.size(), units.size());
  std::string titleId;
  for (const auto& [unitId, target] : dutch) {
    if (unitId.starts_with("title")) titleId = unitId;
  }
  ASSERT_FALSE(titleId.empty());
  ASSERT_NE(dutch[titleId].find("8,4"), std::string::npos) << dutch[titleId];
  auto mistyped = dutch;
  mistyped[titleId] = replacedOnce(dutch[titleId], "8,4", "8,6");

  // A hostile file (an external entity) or one from the wrong role changes nothing.
  const std::string hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]>\n" +
                              exported.body.substr(exported.body.find("<xliff"));
  const auto refused = translator().post(versionPath(id, draft) + "/translation.xlf", hostile, "application/xliff+xml");
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_NE(refused.body.find("\"line\":2"), std::string::npos) << refused.body;
  EXPECT_EQ(submitter().post(versionPath(id, draft) + "/translation.xlf", withTargets(exported.body, dutch),
                             "application/xliff+xml").status,
            403);
  EXPECT_EQ(translator().get("/api/v1/documents/" + id).json()->getValue<int>("latest_version"), 1);

  // 3. Import: a new version, complete, in review.
  const auto imported = translator().post(versionPath(id, draft) + "/translation.xlf",
                                          withTargets(exported.body, mistyped), "application/xliff+xml");
  ASSERT_EQ(imported.status, 202) << imported.body;
  EXPECT_EQ(imported.json()->getObject("import")->getArray("imported")->size(), units.size());
  const int translated = versionOf(imported);
  ASSERT_EQ(translated, 2);
  const auto firstReview = review(id, translated);
  EXPECT_EQ(firstReview->getValue<std::string>("state"), "in-review");
  EXPECT_TRUE(firstReview->getObject("translation")->getValue<bool>("complete"));

  // 4. The mistyped figure is an error on the title's row, and blocks approval …
  bool figuresOnTitle = false;
  const auto findings = firstReview->getArray("findings");
  for (std::size_t index = 0; index < findings->size(); ++index) {
    const auto finding = findings->getObject(static_cast<unsigned>(index));
    if (finding->getValue<std::string>("check") == "figures") {
      EXPECT_EQ(finding->getValue<std::string>("segment"), titleId);
      EXPECT_EQ(finding->getValue<std::string>("severity"), "error");
      figuresOnTitle = true;
    }
  }
  EXPECT_TRUE(figuresOnTitle) << firstReview->getArray("findings")->size();
  const auto blocked = step(reviewer(), id, translated, "approve");
  EXPECT_EQ(blocked.status, 409) << blocked.body;
  EXPECT_NE(blocked.body.find("error"), std::string::npos) << blocked.body;
  EXPECT_EQ(step(translator(), id, translated, "approve").status, 403);  // not a reviewer

  // … until the translator fixes it: exported again, corrected, imported (version 3).
  const auto again = translator().get(versionPath(id, translated) + "/translation.xlf?target=nl&all=true");
  ASSERT_EQ(again.status, 200);
  const auto fixedImport = translator().post(versionPath(id, translated) + "/translation.xlf",
                                             withTargets(again.body, dutch), "application/xliff+xml");
  const int fixed = versionOf(fixedImport);
  ASSERT_EQ(fixed, 3);
  const auto fixedReview = review(id, fixed);
  EXPECT_EQ(fixedReview->getValue<int>("errors"), 0) << fixedReview->getArray("findings")->size();
  EXPECT_EQ(step(reviewer(), id, fixed, "reject").status, 422);  // a rejection must say why

  // 5. Approve and publish.
  acknowledgeWarningsAndApprove(id, fixed);
  EXPECT_EQ(step(reviewer(), id, fixed, "publish").status, 403);  // a reviewer does not publish
  const auto published = step(publisher(), id, fixed, "publish");
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json()->getValue<std::string>("state"), "published");
  const auto history = review(id, fixed)->getArray("history");
  ASSERT_GE(history->size(), 3u);
  EXPECT_EQ(history->getObject(static_cast<unsigned>(history->size() - 1))->getValue<std::string>("actor"), "publisher");

  // 6. Both feeds have the entry, in their language, with the hreflang alternate; the
  //    bilingual feed has both; all are Atom; an unchanged feed answers 304.
  const std::string pub = "/pub/press-release/" + id;
  for (const std::string lang : {"fr", "nl"}) {
    const std::string other = lang == "fr" ? "nl" : "fr";
    const auto feed = anonymous().get("/feed/" + lang + ".atom");
    ASSERT_EQ(feed.status, 200) << feed.body;
    EXPECT_EQ(feed.header("Content-Type"), "application/atom+xml; charset=utf-8");
    EXPECT_EQ(atomErrors(feed.body), "") << feed.body;
    const auto entry = entryOf(feed.body, id, lang);
    ASSERT_FALSE(entry.empty()) << feed.body;
    EXPECT_TRUE(entryOf(feed.body, id, other).empty()) << "the " << lang << " feed has the other language";
    EXPECT_NE(entry.find(lang == "fr" ? "Réadaptation psychosociale" : "Psychosociale revalidatie"), std::string::npos)
        << entry;
    const std::string otherLanguage = "hreflang=\"" + other + "-BE\" href=\"http://127.0.0.1:" +
                                      std::to_string(server_->port()) + pub + "/" + other + ".html\"";
    EXPECT_NE(entry.find(otherLanguage), std::string::npos) << entry;
    EXPECT_NE(entry.find(pub + "/" + other + ".html"), std::string::npos) << entry;
    EXPECT_NE(entry.find(pub + "/" + lang + ".pdf"), std::string::npos) << entry;
    EXPECT_NE(entry.find("<category term=\"press-release\""), std::string::npos) << entry;
    EXPECT_NE(entry.find("<published>"), std::string::npos) << entry;
    EXPECT_NE(entry.find("<updated>"), std::string::npos) << entry;

    const auto byTag = anonymous().get("/feed/" + lang + ".atom", {{"If-None-Match", feed.header("ETag")}});
    EXPECT_EQ(byTag.status, 304);
    EXPECT_TRUE(byTag.body.empty());
    const auto byDate = anonymous().get("/feed/" + lang + ".atom", {{"If-Modified-Since", feed.header("Last-Modified")}});
    EXPECT_EQ(byDate.status, 304);

    const auto pdf = anonymous().get(pub + "/" + lang + ".pdf");
    ASSERT_EQ(pdf.status, 200) << pdf.body;
    EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
    const std::string text = pdfText(pdf.body);
    EXPECT_NE(text.find(lang == "fr" ? "8,4 millions" : "8,4 miljoen"), std::string::npos) << text;
    EXPECT_EQ(text.find("[vertaling ontbreekt]"), std::string::npos) << text;
    EXPECT_EQ(anonymous().get(pub + "/" + lang + ".pdf", {{"If-None-Match", pdf.header("ETag")}}).status, 304);
  }
  const auto bilingual = anonymous().get("/feed.atom");
  ASSERT_EQ(bilingual.status, 200);
  EXPECT_EQ(atomErrors(bilingual.body), "") << bilingual.body;
  EXPECT_FALSE(entryOf(bilingual.body, id, "fr").empty());
  EXPECT_FALSE(entryOf(bilingual.body, id, "nl").empty());
  EXPECT_EQ(anonymous().get("/pub/press-release/" + referenceId + "/fr.pdf").status, 404);  // never published
  EXPECT_EQ(anonymous().get("/pub/letter/" + id + "/fr.pdf").status, 404);                  // not its type

  // 7. Withdrawn: the public URLs answer 410 Gone and the feeds drop the entry.
  const auto frenchFeed = anonymous().get("/feed/fr.atom");
  const auto withdrawn = step(publisher(), id, fixed, "withdraw", "chiffres à revoir / cijfers te herzien");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.json()->getValue<std::string>("state"), "withdrawn");
  EXPECT_EQ(anonymous().get(pub + "/fr.pdf").status, 410);
  EXPECT_EQ(anonymous().get(pub + "/nl.html").status, 410);
  const auto afterWithdrawal =
      anonymous().get("/feed/fr.atom", {{"If-None-Match", frenchFeed.header("ETag")},
                                         {"If-Modified-Since", frenchFeed.header("Last-Modified")}});
  ASSERT_EQ(afterWithdrawal.status, 200) << "a reader's copy still listing the withdrawn document was called current";
  EXPECT_TRUE(entryOf(afterWithdrawal.body, id, "fr").empty());
  EXPECT_EQ(step(publisher(), id, fixed, "withdraw").status, 409);  // only once
}

TEST_F(Publication, AnEmbargoedPressReleaseStaysOutOfTheFeedsAndThePublicUrlsUntilItsTime) {
  const std::string original = readFile(kPressRelease);
  const std::string id = documentIdOf(original) + "-embargoed";
  const std::string embargoed =
      std::regex_replace(withDocumentId(original, id), std::regex("<embargo>[^<]*</embargo>"),
                         "<embargo>2099-03-03T10:00</embargo>");
  const int version = submit(embargoed);
  ASSERT_EQ(version, 1);
  acknowledgeWarningsAndApprove(id, version);
  ASSERT_EQ(step(publisher(), id, version, "publish").status, 200);
  for (const std::string feed : {"/feed/fr.atom", "/feed/nl.atom", "/feed.atom"}) {
    const auto answer = anonymous().get(feed);
    ASSERT_EQ(answer.status, 200);
    EXPECT_TRUE(entryOf(answer.body, id, "fr").empty()) << feed << " shows an embargoed press release";
    EXPECT_TRUE(entryOf(answer.body, id, "nl").empty()) << feed << " shows an embargoed press release";
  }
  EXPECT_EQ(anonymous().get("/pub/press-release/" + id + "/fr.html").status, 404);

  // The same release with its embargo passed (the fixture's, in March 2026) is public.
  const std::string liftedId = documentIdOf(original) + "-lifted";
  ASSERT_EQ(submit(withDocumentId(original, liftedId)), 1);
  acknowledgeWarningsAndApprove(liftedId, 1);
  ASSERT_EQ(step(publisher(), liftedId, 1, "publish").status, 200);
  EXPECT_FALSE(entryOf(anonymous().get("/feed/fr.atom").body, liftedId, "fr").empty());
  EXPECT_EQ(anonymous().get("/pub/press-release/" + liftedId + "/fr.html").status, 200);
}

TEST_F(Publication, TheFeedsPageWithRelNextThroughEveryLiveDocumentOnce) {
  const std::string original = readFile(kPressRelease);
  for (const std::string suffix : {"-page-a", "-page-b"}) {
    const std::string id = documentIdOf(original) + suffix;
    ASSERT_EQ(submit(withDocumentId(original, id)), 1);
    acknowledgeWarningsAndApprove(id, 1);
    ASSERT_EQ(step(publisher(), id, 1, "publish").status, 200);
  }
  const std::string origin = "http://127.0.0.1:" + std::to_string(server_->port());
  std::map<std::string, int> seen;  // entry id → how many times
  int pages = 0;
  std::string path = "/feed/nl.atom";
  while (!path.empty() && pages < 50) {
    const auto page = anonymous().get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_EQ(atomErrors(page.body), "") << page.body;
    ++pages;
    const std::regex entryId(R"(<entry[\s\S]*?<id>([^<]+)</id>)");
    for (auto it = std::sregex_iterator(page.body.begin(), page.body.end(), entryId); it != std::sregex_iterator(); ++it) {
      ++seen[(*it)[1]];
    }
    std::smatch next;
    path.clear();
    if (std::regex_search(page.body, next, std::regex(R"re(<link rel="next"[^>]*href="([^"]+)")re"))) {
      const std::string href = next[1];
      ASSERT_TRUE(href.starts_with(origin)) << href;
      path = std::regex_replace(href.substr(origin.size()), std::regex("&amp;"), "&");
    }
  }
  EXPECT_GE(pages, 2);
  for (const auto& [entry, count] : seen) EXPECT_EQ(count, 1) << entry << " on several pages";
  for (const std::string suffix : {"-page-a", "-page-b"}) {
    EXPECT_EQ(seen.count("tag:inami.fgov.be,2026:paraph/press-release/" + documentIdOf(original) + suffix + "/nl"), 1u);
  }
  EXPECT_EQ(anonymous().get("/feed/nl.atom?page=" + std::to_string(pages + 1)).status, 404);
  EXPECT_EQ(anonymous().get("/feed/nl.atom?page=0").status, 400);
  EXPECT_EQ(anonymous().get("/feed/nl.atom?since=yesterday").status, 400);
}

TEST_F(Publication, TheReviewPageShowsTheMismatchOnItsRowAndApprovesByKeyboardInChromium) {
  const std::string original = readFile(kPressRelease);
  const std::string id = documentIdOf(original) + "-browser";
  // Known mismatch: the Dutch title says 8,6 million where the French says 8,4.
  const std::string mismatched = replacedOnce(withDocumentId(original, id), "revalidatie: 8,4 miljoen",
                                                "revalidatie: 8,6 miljoen");
  ASSERT_EQ(submit(mismatched), 1);
  std::string segment;
  const auto findings = review(id, 1)->getArray("findings");
  for (std::size_t index = 0; index < findings->size(); ++index) {
    const auto finding = findings->getObject(static_cast<unsigned>(index));
    if (finding->getValue<std::string>("check") == "figures") segment = finding->getValue<std::string>("segment");
  }
  ASSERT_FALSE(segment.empty()) << "no figures finding for the mistyped title";

  const std::string script = (kHome / "tests" / "browser" / "review-page.js").string();
  const std::string base = "http://127.0.0.1:" + std::to_string(server_->port());
  const auto blocked = runCommand("node " + script + " " + base + " " + id + " reviewer '" + kReviewerPassword + "' " +
                                  segment + " figures blocked");
  ASSERT_EQ(blocked.exitCode, 0) << blocked.output;

  // Fixed in a new version: the page acknowledges its warnings and approves it.
  ASSERT_EQ(submit(withDocumentId(original, id)), 2);
  const auto approved =
      runCommand("node " + script + " " + base + " " + id + " reviewer '" + kReviewerPassword + "' - - approve");
  ASSERT_EQ(approved.exitCode, 0) << approved.output;
  EXPECT_EQ(review(id, 2)->getValue<std::string>("state"), "approved");
  EXPECT_EQ(review(id, 1)->getValue<std::string>("state"), "in-review");  // the page acted on the latest only
}

TEST_F(Publication, TheReviewPageSendsToSignInAndRefusesAFormFromAnotherSite) {
  const auto page = anonymous().get("/review/anything");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.header("Location"), "/signin?next=/review/anything");
  // A token as a Basic password opens nothing any more.
  const auto basic = anonymous().get("/review/anything", {{"Authorization", "Basic cmV2aWV3ZXI6dGVzdC1yZXZpZXdlci10b2tlbg=="}});
  EXPECT_EQ(basic.status, 303);

  const std::string original = readFile(kPressRelease);
  const std::string id = documentIdOf(original) + "-forged";
  ASSERT_EQ(submit(withDocumentId(original, id)), 1);
  WebSession browser(server_->port());
  ASSERT_EQ(browser.signIn("reviewer", kReviewerPassword).status, 303);
  const auto forged = browser.postForm("/review/" + id + "/versions/1/approve", {{"csrf", "guessed"}});
  EXPECT_EQ(forged.status, 403) << forged.body;
  // A genuine token, as the reviewer's own page holds it: only the Origin gives the forgery away.
  const auto reviewPage = browser.get("/review/" + id);
  ASSERT_EQ(reviewPage.status, 200) << reviewPage.body;
  ASSERT_FALSE(browser.csrf().empty()) << reviewPage.body;
  const auto otherSite =
      browser.postForm("/review/" + id + "/versions/1/approve", {}, {{"Origin", "https://evil.example"}});
  EXPECT_EQ(otherSite.status, 403) << otherSite.body;
  EXPECT_NE(otherSite.body.find("a form from https://evil.example"), std::string::npos) << otherSite.body;
  EXPECT_EQ(review(id, 1)->getValue<std::string>("state"), "in-review");  // nothing happened
}

}  // namespace
