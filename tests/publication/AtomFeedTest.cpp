// The Atom feeds: what a reader finds in them, paging, hostile text, and validity against
// RFC 4287's own schema (tests/publication/atom.rng).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "publication/AtomFeed.h"
#include "support/AtomSchema.h"
#include "support/Fixtures.h"
#include "xml/XPath.h"
#include "xml/XmlPtr.h"

namespace paraph::publication {
namespace {

using l10n::Lang;
using testing::atomSchema;
using testing::kHome;
using testing::readFile;

const xml::NamespaceMap kNamespaces{{"a", "http://www.w3.org/2005/Atom"},
                                    {"paraph", "https://paraph.inami.fgov.be/ns/feed/1"}};

std::string joined(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& line : lines) all += line + "\n";
  return all;
}

xml::DocPtr parsed(const std::string& feed) {
  xml::DocPtr document(
      xmlReadMemory(feed.data(), static_cast<int>(feed.size()), "feed.atom", nullptr, XML_PARSE_NONET));
  return document;
}

std::string valueOf(xmlDoc* document, const std::string& expression) {
  return xml::XPathExpression(expression).string(document, xmlDocGetRootElement(document), kNamespaces);
}

std::size_t countOf(xmlDoc* document, const std::string& expression) {
  return xml::XPathExpression(expression).nodes(document, xmlDocGetRootElement(document), kNamespaces).size();
}

FeedEntry entry(const std::string& id, const std::string& type, Lang lang, const std::string& title,
                const std::string& updated) {
  FeedEntry made;
  made.documentId = id;
  made.documentType = type;
  made.typeLabel = lang == Lang::fr ? "Communiqué de presse" : "Persbericht";
  made.version = 2;
  made.lang = lang;
  made.title = title;
  made.summary = lang == Lang::fr ? "L'INAMI augmente le budget." : "Het RIZIV verhoogt het budget.";
  made.published = "2026-03-02T09:00:00.000Z";
  made.updated = updated;
  const std::string code(l10n::code(lang));
  const std::string other(l10n::code(l10n::other(lang)));
  made.htmlPath = "/pub/" + type + "/" + id + "/" + code + ".html";
  made.pdfPath = "/pub/" + type + "/" + id + "/" + code + ".pdf";
  made.otherLanguageEntryPath = "/pub/" + type + "/" + id + "/" + other + ".html";
  return made;
}

FeedPage frenchPage() {
  FeedPage page;
  page.feedPath = "/feed/fr.atom";
  page.lang = Lang::fr;
  page.baseUrl = "https://paraph.example.be";
  page.entries.push_back(entry("cp-2026-03-psr-budget", "press-release", Lang::fr,
                               "Budget 2026 des soins psychologiques", "2026-03-04T10:15:00.250Z"));
  page.entries.push_back(
      entry("circ-2026-017", "circular", Lang::fr, "Circulaire aux dispensateurs", "2026-03-01T08:00:00Z"));
  page.updated = page.entries.front().updated;
  return page;
}

TEST(AtomFeed, FrenchFeedHasItsIdTitleLanguageAndLinks) {
  const std::string feed = renderAtom(frenchPage());
  const auto document = parsed(feed);
  ASSERT_TRUE(document) << feed;
  xmlDoc* doc = document.get();
  EXPECT_TRUE(feed.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")) << feed;
  EXPECT_EQ(valueOf(doc, "namespace-uri(/*)"), "http://www.w3.org/2005/Atom");
  EXPECT_EQ(valueOf(doc, "/a:feed/a:id"), "tag:inami.fgov.be,2026:paraph/feed/fr");
  EXPECT_EQ(valueOf(doc, "/a:feed/@xml:lang"), "fr-BE");
  EXPECT_EQ(valueOf(doc, "/a:feed/a:title"), "INAMI – Documents publiés");
  EXPECT_EQ(countOf(doc, "/a:feed/a:subtitle"), 1u);
  EXPECT_EQ(valueOf(doc, "/a:feed/a:updated"), "2026-03-04T10:15:00Z");
  EXPECT_EQ(countOf(doc, "/a:feed/a:author/a:name"), 1u);
  EXPECT_EQ(valueOf(doc, "/a:feed/a:link[@rel='self']/@href"), "https://paraph.example.be/feed/fr.atom");
  EXPECT_EQ(valueOf(doc, "/a:feed/a:link[@rel='self']/@type"), "application/atom+xml");
  EXPECT_EQ(valueOf(doc, "/a:feed/a:link[@rel='first']/@href"), "https://paraph.example.be/feed/fr.atom");
  EXPECT_EQ(valueOf(doc, "/a:feed/a:link[@rel='alternate']/@href"), "https://paraph.example.be/");
  EXPECT_EQ(countOf(doc, "/a:feed/a:entry"), 2u);
}

TEST(AtomFeed, EntryCarriesStableIdDatesCategoryAndThreeAlternates) {
  const auto document = parsed(renderAtom(frenchPage()));
  ASSERT_TRUE(document);
  xmlDoc* doc = document.get();
  const std::string first = "/a:feed/a:entry[1]";
  EXPECT_EQ(valueOf(doc, first + "/a:id"), "tag:inami.fgov.be,2026:paraph/press-release/cp-2026-03-psr-budget/fr");
  EXPECT_EQ(valueOf(doc, first + "/@xml:lang"), "fr-BE");
  EXPECT_EQ(valueOf(doc, first + "/a:title"), "Budget 2026 des soins psychologiques");
  EXPECT_EQ(valueOf(doc, first + "/a:title/@xml:lang"), "fr-BE");
  EXPECT_EQ(valueOf(doc, first + "/a:title/@type"), "text");
  EXPECT_EQ(valueOf(doc, first + "/a:summary"), "L'INAMI augmente le budget.");
  EXPECT_EQ(valueOf(doc, first + "/a:summary/@xml:lang"), "fr-BE");
  EXPECT_EQ(valueOf(doc, first + "/a:published"), "2026-03-02T09:00:00Z");
  EXPECT_EQ(valueOf(doc, first + "/a:updated"), "2026-03-04T10:15:00Z");
  EXPECT_EQ(valueOf(doc, first + "/a:category/@term"), "press-release");
  EXPECT_EQ(valueOf(doc, first + "/a:category/@label"), "Communiqué de presse");
  EXPECT_EQ(valueOf(doc, first + "/a:category/@scheme"), "https://paraph.inami.fgov.be/ns/document-type");
  EXPECT_EQ(valueOf(doc, first + "/paraph:version"), "2");

  const std::string links = first + "/a:link[@rel='alternate']";
  EXPECT_EQ(countOf(doc, links), 3u);
  EXPECT_EQ(valueOf(doc, links + "[@type='text/html'][@hreflang='fr-BE']/@href"),
            "https://paraph.example.be/pub/press-release/cp-2026-03-psr-budget/fr.html");
  EXPECT_EQ(valueOf(doc, links + "[@type='application/pdf'][@hreflang='fr-BE']/@href"),
            "https://paraph.example.be/pub/press-release/cp-2026-03-psr-budget/fr.pdf");
  EXPECT_EQ(valueOf(doc, links + "[@type='text/html'][@hreflang='nl-BE']/@href"),
            "https://paraph.example.be/pub/press-release/cp-2026-03-psr-budget/nl.html");
  // RFC 4287 §4.1.1: no two alternates of an entry share both type and hreflang.
  for (xmlNode* link : xml::XPathExpression(links).nodes(doc, xmlDocGetRootElement(doc), kNamespaces)) {
    const std::string type = xml::attribute(link, "type"), hreflang = xml::attribute(link, "hreflang");
    EXPECT_EQ(countOf(doc, links + "[@type='" + type + "'][@hreflang='" + hreflang + "']"), 1u) << type << hreflang;
  }
}

TEST(AtomFeed, EntryIdIsTheSameForEveryVersionAndInTheBilingualFeed) {
  FeedPage page = frenchPage();
  const auto before = parsed(renderAtom(page));
  page.entries.front().version = 3;
  page.entries.front().title = "Budget 2026 des soins psychologiques (corrigé)";
  page.entries.front().updated = "2026-03-05T12:00:00Z";
  page.lang.reset();
  page.feedPath = "/feed.atom";
  const auto after = parsed(renderAtom(page));
  ASSERT_TRUE(before && after);
  EXPECT_EQ(valueOf(before.get(), "/a:feed/a:entry[1]/a:id"), valueOf(after.get(), "/a:feed/a:entry[1]/a:id"));
  EXPECT_EQ(valueOf(after.get(), "/a:feed/a:entry[1]/paraph:version"), "3");
  EXPECT_EQ(entryId("press-release", "cp-2026-03-psr-budget", Lang::nl),
            "tag:inami.fgov.be,2026:paraph/press-release/cp-2026-03-psr-budget/nl");
  // An odd id cannot break the tag: URI.
  EXPECT_EQ(entryId("letter", "a b/c", Lang::fr), "tag:inami.fgov.be,2026:paraph/letter/a%20b%2Fc/fr");
}

TEST(AtomFeed, DutchAndBilingualFeedsSpeakTheirLanguages) {
  FeedPage dutch = frenchPage();
  dutch.lang = Lang::nl;
  dutch.feedPath = "/feed/nl.atom";
  for (auto& item : dutch.entries) item = entry(item.documentId, item.documentType, Lang::nl, "Titel", item.updated);
  const auto nl = parsed(renderAtom(dutch));
  ASSERT_TRUE(nl);
  EXPECT_EQ(valueOf(nl.get(), "/a:feed/a:id"), "tag:inami.fgov.be,2026:paraph/feed/nl");
  EXPECT_EQ(valueOf(nl.get(), "/a:feed/@xml:lang"), "nl-BE");
  EXPECT_EQ(valueOf(nl.get(), "/a:feed/a:title"), "RIZIV – Gepubliceerde documenten");
  EXPECT_EQ(valueOf(nl.get(), "/a:feed/a:entry[1]/a:link[@type='text/html'][@hreflang='fr-BE']/@href"),
            "https://paraph.example.be/pub/press-release/cp-2026-03-psr-budget/fr.html");

  FeedPage both = frenchPage();
  both.lang.reset();
  both.feedPath = "/feed.atom";
  both.entries.insert(both.entries.begin() + 1, entry("cp-2026-03-psr-budget", "press-release", Lang::nl, "Budget 2026",
                                                      both.entries[0].updated));
  const auto bilingual = parsed(renderAtom(both));
  ASSERT_TRUE(bilingual);
  EXPECT_EQ(valueOf(bilingual.get(), "/a:feed/a:id"), "tag:inami.fgov.be,2026:paraph/feed");
  EXPECT_EQ(valueOf(bilingual.get(), "/a:feed/@xml:lang"), "mul");
  const std::string title = valueOf(bilingual.get(), "/a:feed/a:title");
  EXPECT_NE(title.find("INAMI – Documents publiés"), std::string::npos) << title;
  EXPECT_NE(title.find("RIZIV – Gepubliceerde documenten"), std::string::npos) << title;
  EXPECT_EQ(valueOf(bilingual.get(), "/a:feed/a:entry[1]/@xml:lang"), "fr-BE");
  EXPECT_EQ(valueOf(bilingual.get(), "/a:feed/a:entry[2]/@xml:lang"), "nl-BE");
  EXPECT_EQ(valueOf(bilingual.get(), "/a:feed/a:entry[2]/a:id"),
            "tag:inami.fgov.be,2026:paraph/press-release/cp-2026-03-psr-budget/nl");
  EXPECT_EQ(valueOf(bilingual.get(), "/a:feed/a:link[@rel='self']/@href"), "https://paraph.example.be/feed.atom");
  EXPECT_TRUE(atomSchema().errors(bilingual.get()).empty()) << joined(atomSchema().errors(bilingual.get()));
}

TEST(AtomFeed, PagingLinksFollowRfc5005) {
  FeedPage page = frenchPage();
  page.page = 1;
  page.hasNext = false;
  auto only = parsed(renderAtom(page));
  EXPECT_EQ(countOf(only.get(), "/a:feed/a:link[@rel='next']"), 0u);
  EXPECT_EQ(countOf(only.get(), "/a:feed/a:link[@rel='previous']"), 0u);
  EXPECT_EQ(countOf(only.get(), "/a:feed/a:link[@rel='first']"), 1u);

  page.hasNext = true;
  auto first = parsed(renderAtom(page));
  EXPECT_EQ(valueOf(first.get(), "/a:feed/a:link[@rel='next']/@href"), "https://paraph.example.be/feed/fr.atom?page=2");
  EXPECT_EQ(countOf(first.get(), "/a:feed/a:link[@rel='previous']"), 0u);

  page.page = 2;
  auto second = parsed(renderAtom(page));
  EXPECT_EQ(valueOf(second.get(), "/a:feed/a:link[@rel='self']/@href"),
            "https://paraph.example.be/feed/fr.atom?page=2");
  EXPECT_EQ(valueOf(second.get(), "/a:feed/a:link[@rel='previous']/@href"), "https://paraph.example.be/feed/fr.atom");
  EXPECT_EQ(valueOf(second.get(), "/a:feed/a:link[@rel='next']/@href"),
            "https://paraph.example.be/feed/fr.atom?page=3");
  EXPECT_EQ(valueOf(second.get(), "/a:feed/a:link[@rel='first']/@href"), "https://paraph.example.be/feed/fr.atom");

  page.page = 3;
  page.hasNext = false;
  auto last = parsed(renderAtom(page));
  EXPECT_EQ(valueOf(last.get(), "/a:feed/a:link[@rel='previous']/@href"),
            "https://paraph.example.be/feed/fr.atom?page=2");
  EXPECT_EQ(countOf(last.get(), "/a:feed/a:link[@rel='next']"), 0u);
  // The feed's id does not depend on the page: it is one feed.
  EXPECT_EQ(valueOf(last.get(), "/a:feed/a:id"), valueOf(first.get(), "/a:feed/a:id"));
}

TEST(AtomFeed, HostileTitlesAreEscapedOrDroppedAndTheFeedStaysWellFormed) {
  FeedPage page = frenchPage();
  const std::string hostile = "<script>alert('x')</script> R&D ]]> \"quoted\" \x01\x08\x0B\x1F end\xEF\xBF\xBE";
  page.entries[0].title = hostile;
  page.entries[0].summary = "<![CDATA[ x ]]> &amp; \x7F ok";
  page.entries[0].typeLabel = "\"><injected attr=\"";
  page.entries[1].title = std::string("broken \xC3 utf-8 \xED\xA0\x80 surrogate");
  const std::string feed = renderAtom(page);
  EXPECT_EQ(feed.find("<script>"), std::string::npos) << feed;
  EXPECT_EQ(feed.find("<injected"), std::string::npos) << feed;
  EXPECT_EQ(feed.find("]]>"), std::string::npos) << feed;
  EXPECT_EQ(feed.find('\x01'), std::string::npos);
  const auto document = parsed(feed);
  ASSERT_TRUE(document) << feed;
  xmlDoc* doc = document.get();
  EXPECT_EQ(valueOf(doc, "/a:feed/a:entry[1]/a:title"), "<script>alert('x')</script> R&D ]]> \"quoted\"  end");
  EXPECT_EQ(valueOf(doc, "/a:feed/a:entry[1]/a:summary"), "<![CDATA[ x ]]> &amp; \x7F ok");
  EXPECT_EQ(valueOf(doc, "/a:feed/a:entry[1]/a:category/@label"), "\"><injected attr=\"");
  EXPECT_EQ(valueOf(doc, "/a:feed/a:entry[2]/a:title"), "broken \uFFFD utf-8 \uFFFD\uFFFD\uFFFD surrogate");
  EXPECT_TRUE(atomSchema().errors(doc).empty()) << joined(atomSchema().errors(doc));
}

TEST(AtomFeed, ValidatesAgainstRfc4287Schema) {
  for (const bool empty : {false, true}) {
    FeedPage page = frenchPage();
    if (empty) page.entries.clear();
    page.page = 2;
    page.hasNext = true;
    const auto document = parsed(renderAtom(page));
    ASSERT_TRUE(document);
    const auto errors = atomSchema().errors(document.get());
    EXPECT_TRUE(errors.empty()) << joined(errors);
  }
}

TEST(AtomFeed, SchemaRejectsBrokenFeeds) {
  const std::string feed = renderAtom(frenchPage());
  auto valid = parsed(feed);
  ASSERT_TRUE(atomSchema().errors(valid.get()).empty());

  // Each change breaks one of RFC 4287's requirements.
  const auto removeFirst = [&](const std::string& expression) {
    auto document = parsed(feed);
    auto found =
        xml::XPathExpression(expression).nodes(document.get(), xmlDocGetRootElement(document.get()), kNamespaces);
    EXPECT_FALSE(found.empty()) << expression;
    for (xmlNode* node : found) {
      xmlUnlinkNode(node);
      xmlFreeNode(node);
    }
    return document;
  };
  for (const std::string expression :
       {"/a:feed/a:entry[1]/a:id", "/a:feed/a:entry[2]/a:updated", "/a:feed/a:entry[1]/a:title", "/a:feed/a:id",
        "/a:feed/a:title", "/a:feed/a:updated", "/a:feed/a:author", "/a:feed/a:entry[1]/a:link"}) {
    const auto broken = removeFirst(expression);
    EXPECT_FALSE(atomSchema().errors(broken.get()).empty()) << "without " << expression;
  }

  // Two ids in one entry; a date that is not RFC 3339.
  auto twice = parsed(feed);
  xmlNode* id = xml::XPathExpression("/a:feed/a:entry[1]/a:id")
                    .nodes(twice.get(), xmlDocGetRootElement(twice.get()), kNamespaces)
                    .front();
  xmlAddNextSibling(id, xmlCopyNode(id, 1));
  EXPECT_FALSE(atomSchema().errors(twice.get()).empty());
  auto badDate = parsed(feed);
  xmlNode* updated = xml::XPathExpression("/a:feed/a:updated")
                         .nodes(badDate.get(), xmlDocGetRootElement(badDate.get()), kNamespaces)
                         .front();
  xmlNodeSetContent(updated, BAD_CAST "4 March 2026");
  EXPECT_FALSE(atomSchema().errors(badDate.get()).empty());

  // Authors on every entry instead of the feed are fine, as RFC 4287 says.
  auto moved = parsed(feed);
  xmlNode* root = xmlDocGetRootElement(moved.get());
  xmlNode* author = xml::XPathExpression("/a:feed/a:author").nodes(moved.get(), root, kNamespaces).front();
  for (xmlNode* entryNode : xml::XPathExpression("/a:feed/a:entry").nodes(moved.get(), root, kNamespaces)) {
    xmlAddChild(entryNode, xmlCopyNode(author, 1));
  }
  xmlUnlinkNode(author);
  xmlFreeNode(author);
  EXPECT_TRUE(atomSchema().errors(moved.get()).empty()) << joined(atomSchema().errors(moved.get()));
}

TEST(AtomFeed, EmptyFeedUsesTheEpochAndAnEmptyTitleFallsBackToTheId) {
  FeedPage page = frenchPage();
  page.updated.clear();
  page.entries.clear();
  EXPECT_EQ(valueOf(parsed(renderAtom(page)).get(), "/a:feed/a:updated"), "1970-01-01T00:00:00Z");
  page = frenchPage();
  page.updated.clear();
  page.entries[0].title.clear();
  page.entries[0].summary.clear();
  page.entries[0].pdfPath.clear();
  const auto document = parsed(renderAtom(page));
  EXPECT_EQ(valueOf(document.get(), "/a:feed/a:updated"), "2026-03-04T10:15:00Z");
  EXPECT_EQ(valueOf(document.get(), "/a:feed/a:entry[1]/a:title"), "cp-2026-03-psr-budget");
  EXPECT_EQ(countOf(document.get(), "/a:feed/a:entry[1]/a:summary"), 0u);
  EXPECT_EQ(countOf(document.get(), "/a:feed/a:entry[1]/a:link[@type='application/pdf']"), 0u);
  EXPECT_TRUE(atomSchema().errors(document.get()).empty());
}

TEST(AtomFeed, BaseUrlGetsNoDoubleSlashAndPathsAreMadeIriSafe) {
  FeedPage page = frenchPage();
  page.baseUrl = "http://127.0.0.1:8080/";
  page.entries[0].htmlPath = "/pub/letter/a b\"c/fr.html";
  const auto document = parsed(renderAtom(page));
  EXPECT_EQ(valueOf(document.get(), "/a:feed/a:link[@rel='self']/@href"), "http://127.0.0.1:8080/feed/fr.atom");
  EXPECT_EQ(valueOf(document.get(), "/a:feed/a:entry[1]/a:link[@type='text/html'][@hreflang='fr-BE']/@href"),
            "http://127.0.0.1:8080/pub/letter/a%20b%22c/fr.html");
}

std::string refusal(const FeedPage& page) {
  try {
    renderAtom(page);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "accepted";
}

TEST(AtomFeed, RefusesAPageThatCannotMakeAValidFeed) {
  FeedPage page = frenchPage();
  page.page = 0;
  EXPECT_NE(refusal(page).find("feed page 0"), std::string::npos) << refusal(page);
  page = frenchPage();
  page.baseUrl = "paraph.example.be";
  EXPECT_NE(refusal(page).find("base URL 'paraph.example.be'"), std::string::npos) << refusal(page);
  page = frenchPage();
  page.entries[1].htmlPath.clear();
  EXPECT_NE(refusal(page).find("entry circular/circ-2026-017/fr: htmlPath is required"), std::string::npos)
      << refusal(page);
  page = frenchPage();
  page.entries[0].pdfPath = "pub/x.pdf";
  EXPECT_NE(refusal(page).find("pdfPath 'pub/x.pdf'"), std::string::npos) << refusal(page);
  page = frenchPage();
  page.entries[0].updated = "2026-03-04 10:15";
  EXPECT_NE(refusal(page).find("entry press-release/cp-2026-03-psr-budget/fr updated: date-time '2026-03-04 10:15'"),
            std::string::npos)
      << refusal(page);
}

}  // namespace
}  // namespace paraph::publication
