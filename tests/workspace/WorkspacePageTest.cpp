// The workspace's words (catalog/l10n/workspace.{fr,nl}.xml) and its page stylesheet.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "support/Fixtures.h"
#include "support/SharedPipeline.h"
#include "workspace/WorkspacePage.h"

using paraph::l10n::Lang;
using paraph::testing::kHome;
using paraph::testing::readFile;
using paraph::testing::sharedPipeline;
using paraph::workspace::PageModel;
using paraph::workspace::WorkspacePage;

namespace {

// key → text of one workspace table, read as text so the test does not trust the loader.
std::map<std::string, std::string> table(const std::string& lang) {
  const std::string file = readFile(kHome / "catalog" / "l10n" / ("workspace." + lang + ".xml"));
  std::map<std::string, std::string> entries;
  const std::regex entry(R"re(<text key="([^"]+)">([^<]*)</text>)re");
  for (auto it = std::sregex_iterator(file.begin(), file.end(), entry); it != std::sregex_iterator(); ++it) {
    entries[(*it)[1]] = (*it)[2];
  }
  return entries;
}

std::string render(PageModel& model, Lang lang) {
  const auto& pipeline = sharedPipeline();  // installs the resource catalog
  static const WorkspacePage page(pipeline.texts());
  return page.render(model, lang);
}

}  // namespace

TEST(WorkspaceTexts, FrenchAndDutchHaveTheSameKeysAndNoEmptyText) {
  const auto french = table("fr");
  const auto dutch = table("nl");
  ASSERT_GT(french.size(), 50u);
  for (const auto& [key, text] : french) {
    EXPECT_TRUE(dutch.contains(key)) << key << " is in workspace.fr.xml, not in workspace.nl.xml";
    EXPECT_FALSE(text.empty()) << key << " is empty in French";
  }
  for (const auto& [key, text] : dutch) {
    EXPECT_TRUE(french.contains(key)) << key << " is in workspace.nl.xml, not in workspace.fr.xml";
    EXPECT_FALSE(text.empty()) << key << " is empty in Dutch";
  }
}

TEST(WorkspaceTexts, EveryKeyThePageStylesheetNamesExists) {
  const auto french = table("fr");
  const std::string stylesheet = readFile(kHome / "xslt" / "workspace" / "page.xsl") +
                                 readFile(kHome / "xslt" / "workspace" / "batch.xsl");
  const std::regex literal(R"(p:text\('(ws\.[a-z0-9.-]+)')");
  int keys = 0;
  for (auto it = std::sregex_iterator(stylesheet.begin(), stylesheet.end(), literal); it != std::sregex_iterator(); ++it) {
    EXPECT_TRUE(french.contains((*it)[1])) << (*it)[1] << " is used by page.xsl but not in the tables";
    ++keys;
  }
  EXPECT_GT(keys, 20);
}

TEST(WorkspacePage, TheSignInPageIsInTheAskedLanguageAndEscapesWhatWasTyped) {
  PageModel model("signin");
  model.root().set("next", "/").set("form-token", "abc").set("entered-name", "<script>x</script>").set("problem", "failed");
  const std::string french = render(model, Lang::fr);
  EXPECT_NE(french.find("<html lang=\"fr\">"), std::string::npos) << french;
  EXPECT_NE(french.find("Nom d’utilisateur ou mot de passe incorrect."), std::string::npos) << french;
  EXPECT_EQ(french.find("<script>"), std::string::npos) << french;
  EXPECT_NE(french.find("&lt;script&gt;"), std::string::npos) << french;
  const std::string dutch = render(model, Lang::nl);
  EXPECT_NE(dutch.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(dutch.find("Gebruikersnaam of wachtwoord onjuist."), std::string::npos) << dutch;
}

namespace {

// The banner's part of every signed-in page, as newPage (server/http/PageSupport) writes it.
PageModel signedInPage(const std::string& name) {
  PageModel model(name);
  model.root().set("user", "alice").set("csrf", std::string(64, 'c')).flag("can-submit", true).set("path", "/");
  return model;
}

void addDocument(PageModel::Node root, const std::string& id, const std::string& state, bool pending) {
  root.add("document")
      .set("url", "/documents/" + id)
      .set("id", id)
      .set("type-label", "Lettre de notification")
      .set("reference", "REF/" + id)
      .set("title", "Décision de réadaptation professionnelle")
      .set("state", state)
      .set("by", "alice")
      .flag("pending", pending)
      .set("at", "2026-03-04T10:15:30.123Z")
      .set("local-at", "2026-03-04T11:15");
}

// Every page the workspace serves, in its real states, as the HTTP layer fills them.
std::vector<std::pair<std::string, PageModel>> samplePages() {
  std::vector<std::pair<std::string, PageModel>> pages;
  {
    PageModel model("signin");
    model.root().set("next", "/").set("form-token", std::string(64, 'f')).set("entered-name", "");
    pages.emplace_back("signin", std::move(model));
  }
  {
    PageModel model("signin");
    model.root().set("next", "/").set("form-token", std::string(64, 'f')).set("entered-name", "alice").set("problem", "failed");
    pages.emplace_back("signin-failed", std::move(model));
  }
  {
    PageModel model("signin");
    model.root().set("next", "/").set("form-token", std::string(64, 'f')).set("entered-name", "alice");
    model.root().set("problem", "throttled").set("wait", 40);
    pages.emplace_back("signin-throttled", std::move(model));
  }
  {
    PageModel model("signin");
    model.root().set("next", "/").set("form-token", std::string(64, 'f')).set("problem", "signed-out");
    pages.emplace_back("signin-signed-out", std::move(model));
  }
  {
    auto model = signedInPage("documents");
    auto root = model.root();
    root.set("total", 0).set("page", 1).set("pages", 1).set("type", "").set("state", "");
    root.add("type").set("name", "letter").set("label", "Lettre de notification");
    pages.emplace_back("documents-empty", std::move(model));
  }
  {
    auto model = signedInPage("documents");
    auto root = model.root();
    root.set("total", 45).set("page", 2).set("pages", 3).set("type", "letter").set("state", "in-review");
    root.set("previous-url", "/?page=1").set("next-url", "/?page=3");
    root.add("type").set("name", "letter").set("label", "Lettre de notification").flag("selected", true);
    root.add("type").set("name", "circular").set("label", "Circulaire");
    for (int index = 0; index < 20; ++index) {
      addDocument(root, "DOC-" + std::to_string(index), index % 3 == 0 ? "draft" : "in-review", index == 1);
    }
    pages.emplace_back("documents-long", std::move(model));
  }
  {
    auto model = signedInPage("submit");
    pages.emplace_back("submit", std::move(model));
  }
  {
    auto model = signedInPage("submit");
    auto root = model.root();
    root.set("problem", "empty");
    pages.emplace_back("submit-empty", std::move(model));
  }
  {
    auto model = signedInPage("submit");
    auto root = model.root();
    auto error = root.add("error");
    error.set("line", 12).set("column", 7).set("message", "Element 'amount': '12,5' is not a valid value").set("path", "/letter/decision/amount");
    error.add("line").set("number", 10).text("  <decision>");
    error.add("line").set("number", 11).text("    <outcome>granted</outcome>");
    error.add("line").set("number", 12).flag("marked", true).set("caret", "      ").text("    <amount>12,5</amount>");
    error.add("line").set("number", 13).text("  </decision>");
    root.add("error").set("line", 1).set("column", 1).set("message", "a rule failed").set("path", "");
    root.add("pasted").text("<letter>…</letter>");
    pages.emplace_back("submit-errors", std::move(model));
  }
  {
    auto model = signedInPage("document");
    auto root = model.root();
    root.set("id", "DOC-1").set("type-label", "Lettre de notification").set("reference", "REF/1");
    root.set("review-url", "/review/DOC-1").set("notice", "document.done").flag("pending", true);
    root.add("created").set("at", "2026-03-04T10:15:30.123Z").set("local-at", "2026-03-04T11:15");
    for (int number = 2; number >= 1; --number) {
      auto version = root.add("version");
      version.set("number", number).set("state", number == 2 ? "in-review" : "draft").set("by", "alice");
      version.set("at", "2026-03-04T10:15:30.123Z").set("local-at", "2026-03-04T11:15");
      const std::string base = "/api/v1/documents/DOC-1/versions/" + std::to_string(number) + "/";
      version.add("file").set("url", base + "input.xml").set("name", "input.xml").set("kind", "input").set("edition", "input");
      for (const std::string edition : {"fr", "nl", "fr-nl"}) {
        for (const std::string kind : {"html", "pdf"}) {
          version.add("file").set("url", base + edition + "." + kind).set("name", edition + "." + kind).set("kind", kind).set("edition", edition);
        }
      }
    }
    root.add("action").set("step", "approve").set("url", "/documents/DOC-1/versions/2/approve");
    root.add("action").set("step", "reject").set("url", "/documents/DOC-1/versions/2/reject").flag("needs-comment", true);
    pages.emplace_back("document", std::move(model));
  }
  {
    auto model = signedInPage("document");
    auto root = model.root();
    root.set("id", "DOC-2").set("type-label", "Circulaire").set("reference", "REF/2").set("review-url", "/review/DOC-2");
    root.add("created").set("at", "2026-03-04T10:15:30.123Z").set("local-at", "2026-03-04T11:15");
    pages.emplace_back("document-no-versions", std::move(model));
  }
  {
    auto model = signedInPage("error");
    model.root().set("status", 403).set("message", "user 'alice' lacks a role for this page").set("request-id", "ab-1");
    pages.emplace_back("error-403", std::move(model));
  }
  // The batch pages (xslt/workspace/batch.xsl): the form, a batch running, a batch finished
  // with its errors and downloads. Without their live script (BatchRoutes adds it, allowed by
  // its hash): the pages must stand without it.
  pages.emplace_back("batch-new", signedInPage("batch-new"));
  {
    auto model = signedInPage("batch");
    model.root().set("id", "council-2026-03").set("total", 200).set("done", 120).set("failed", 5).set("waiting", 75);
    model.root().set("percent", 62).set("state", "running").set("mail-room", "pending").set("rate", "1.9");
    model.root().set("seconds-left", 39).set("notice", "batch.accepted");
    model.root().add("error").set("place", "council.zip: 0042.xml").set("document", "RP-2026-00431").set("line", 11)
        .set("column", 20).set("message", "Le code postal doit compter quatre chiffres.");
    model.root().add("download").set("kind", "report").set("url", "/api/v1/batches/council-2026-03/report.csv");
    model.root().add("download").set("kind", "pdfs").set("url", "/api/v1/batches/council-2026-03/pdfs.zip");
    pages.emplace_back("batch-running", std::move(model));
  }
  {
    auto model = signedInPage("batch");
    model.root().set("id", "council-2026-03").set("total", 200).set("done", 195).set("failed", 5).set("waiting", 0);
    model.root().set("percent", 100).set("state", "finished").set("mail-room", "built").set("rate", "2.1");
    model.root().add("error").set("place", "council.zip: readme.txt").set("document", "").set("line", 0)
        .set("column", 0).set("message", "Ce fichier du lot n’est pas un fichier XML.");
    model.root().add("error").set("place", "council.zip: 0150.xml").set("document", "RP-2026-00150")
        .set("message", "timeout").flag("job-failed", true);
    for (const char* kind : {"report", "pdfs", "mail-room.fr", "mail-room.nl"}) {
      model.root().add("download").set("kind", kind).set("url", std::string("/api/v1/batches/council-2026-03/") + kind);
    }
    pages.emplace_back("batch-finished", std::move(model));
  }
  return pages;
}

}  // namespace

TEST(WorkspacePage, EveryPageRendersInBothLanguagesWithTheWordsOfItsOwnLanguage) {
  for (auto& [name, model] : samplePages()) {
    const std::string french = render(model, Lang::fr);
    const std::string dutch = render(model, Lang::nl);
    EXPECT_NE(french.find("<html lang=\"fr\">"), std::string::npos) << name;
    EXPECT_NE(dutch.find("<html lang=\"nl\">"), std::string::npos) << name;
    EXPECT_NE(french, dutch) << name;
    EXPECT_EQ(french.find("<script"), std::string::npos) << name;
    EXPECT_EQ(french.find("http://"), std::string::npos) << name << ": no external resource";
  }
}

// Writes every sample page, in both languages, into $PARAPH_WORKSPACE_SAMPLE_DIR for the
// accessibility check (tests/a11y/run.sh); does nothing without it.
TEST(WorkspacePageSample, WritesEveryPageInBothLanguages) {
  const char* folder = std::getenv("PARAPH_WORKSPACE_SAMPLE_DIR");
  if (folder == nullptr) GTEST_SKIP() << "PARAPH_WORKSPACE_SAMPLE_DIR is not set";
  for (auto& [name, model] : samplePages()) {
    for (const auto lang : {Lang::fr, Lang::nl}) {
      const auto path = std::filesystem::path(folder) / ("workspace-" + name + "." + std::string(paraph::l10n::code(lang)) + ".html");
      std::ofstream(path, std::ios::binary) << render(model, lang);
    }
  }
}
