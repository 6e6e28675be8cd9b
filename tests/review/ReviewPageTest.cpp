#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <thread>

#include <libxml/HTMLparser.h>

#include "review/QaChecker.h"
#include "review/ReviewPage.h"
#include "review/ReviewTestSupport.h"
#include "xml/ResourceCatalog.h"
#include "xml/XPath.h"

using paraph::l10n::Lang;
using paraph::review::Finding;
using paraph::review::QaChecker;
using paraph::review::ReviewComment;
using paraph::review::ReviewFinding;
using paraph::review::ReviewPage;
using paraph::review::ReviewPageModel;
using paraph::review::ReviewTransition;
using paraph::review::SegmentedDocument;
using paraph::review::Severity;
using paraph::testing::fixture;
using paraph::testing::replacedOnce;
using paraph::testing::segmentAt;
using paraph::testing::segmentsOf;

namespace {

// The page needs the catalog's texts and its URI mapping, not the document types: loading
// just those keeps these tests (and the sample pages the accessibility check reads) apart
// from every type's schemas and stylesheets. Same home and folders as sharedPipeline(), so
// the process-wide resource catalog is the same whichever installs it first.
const paraph::pipeline::TextCatalog& texts() {
  static const paraph::pipeline::TextCatalog catalog = [] {
    const paraph::pipeline::Home home{paraph::testing::kHome};
    paraph::xml::ResourceCatalog::install(home.catalog() / "catalog.xml", {home.catalog(), home.xslt(), home.styles()});
    return paraph::pipeline::TextCatalog(home.catalog() / "l10n", home.catalog() / "terminology.xml", home.styles());
  }();
  return catalog;
}

const ReviewPage& page() {
  static const ReviewPage instance(texts());
  return instance;
}

const QaChecker& qa() {
  static const QaChecker checker(texts());
  return checker;
}

// Ids as the HTTP layer gives them: "<segment>:<check>", ":2"… for a further one.
std::vector<ReviewFinding> reviewed(const std::vector<Finding>& findings) {
  std::vector<ReviewFinding> result;
  std::map<std::string, int> seen;
  for (const auto& finding : findings) {
    const std::string base = finding.segmentId + ":" + finding.check;
    const int number = ++seen[base];
    result.push_back({finding, number == 1 ? base : base + ":" + std::to_string(number), false, ""});
  }
  return result;
}

// The refusal letter with, on purpose: the Dutch description missing (an error), the
// signatory's function left untranslated (a warning) and a double space in the facts.
const SegmentedDocument& refusal() {
  static const SegmentedDocument document = [] {
    std::string input = fixture("letter/refused-charleroi-fr.xml");
    input = replacedOnce(input,
                         "Master in de psychologische wetenschappen (twee jaar voltijds studeren) aan een "
                         "privéuniversiteit in het buitenland, met inbegrip van het inschrijvingsgeld en de "
                         "verblijfskosten.",
                         "");
    input = replacedOnce(input, "Voorzitter van de Hoge Commissie van de Geneeskundige raad voor invaliditeit",
                         "Présidente de la Commission supérieure du Conseil médical de l'invalidité");
    input = replacedOnce(input, "pendant quinze ans", "pendant  quinze ans");
    input = replacedOnce(input, "Le programme demandé ne répond pas",
                         "Le programme <em>demandé</em> ne répond pas");
    input = replacedOnce(input, "Het gevraagde programma voldoet", "Het <em>gevraagde</em> programma voldoet");
    return segmentsOf(input);
  }();
  return document;
}

ReviewPageModel modelOf(const SegmentedDocument& segments) {
  ReviewPageModel model;
  model.documentId = segments.documentId;
  model.documentType = segments.documentType;
  model.documentLabel = "Lettre de décision";
  model.reference = "RP/2026/00298";
  model.version = 2;
  model.versions = {1, 2};
  model.state = "in-review";
  model.sourceLanguage = segments.sourceLanguage;
  model.segments = &segments;
  model.findings = reviewed(qa().check(segments));
  model.canReview = model.canComment = true;
  model.formToken = "tok-3f9a";
  model.basePath = "/review/" + segments.documentId;
  model.userName = "Anne Reviewer";
  model.history = {{"", "draft", "import", "2026-03-02T09:00:00Z", ""},
                   {"draft", "in-review", "Jan Vertaler", "2026-03-04T10:15:30.123Z", "Vertaling klaar."}};
  return model;
}

const std::string& idAt(const SegmentedDocument& document, const std::string& path) {
  const auto* segment = segmentAt(document, path);
  if (segment == nullptr) throw std::runtime_error("no segment at " + path);
  return segment->id;
}

// A rendered page, parsed back with libxml2's HTML parser to ask XPath questions of it.
class Html {
 public:
  explicit Html(const std::string& html)
      : document_(htmlReadMemory(html.data(), static_cast<int>(html.size()), "review.html", "UTF-8",
                                 HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)) {
    if (!document_) throw std::runtime_error("the page does not parse as HTML");
  }
  std::size_t count(const std::string& xpath) const { return nodes(xpath).size(); }
  std::vector<xmlNode*> nodes(const std::string& xpath) const {
    return paraph::xml::XPathExpression(xpath).nodes(document_.get(), nullptr, {});
  }
  std::string string(const std::string& xpath) const {
    return paraph::xml::XPathExpression("string(" + xpath + ")").string(document_.get(), nullptr, {});
  }
  std::vector<std::string> strings(const std::string& xpath) const {
    std::vector<std::string> values;
    for (xmlNode* node : nodes(xpath)) {
      paraph::xml::XmlCharPtr text(xmlNodeGetContent(node));
      values.emplace_back(text ? reinterpret_cast<const char*>(text.get()) : "");
    }
    return values;
  }

 private:
  paraph::xml::DocPtr document_;
};

const Finding* firstFinding(const std::vector<ReviewFinding>& findings, const std::string& check) {
  for (const auto& finding : findings) {
    if (finding.finding.check == check) return &finding.finding;
  }
  return nullptr;
}

}  // namespace

TEST(ReviewPage, AFindingAppearsOnTheRowOfItsSegmentAndOnNoOther) {
  const auto model = modelOf(refusal());
  const Finding* identical = firstFinding(model.findings, "identical-target");
  ASSERT_NE(identical, nullptr);
  EXPECT_EQ(identical->segmentId, idAt(refusal(), "/letter/signatory/function"));
  const Html html(page().render(model, Lang::fr));
  const std::string row = "//tr[@data-segment='" + identical->segmentId + "']";
  ASSERT_EQ(html.count(row), 1u);
  EXPECT_EQ(html.string(row + "/@id"), "seg-" + identical->segmentId);
  EXPECT_EQ(html.count(row + "//li[@class][contains(@class, 'finding')][@data-check='identical-target']"), 1u);
  EXPECT_EQ(html.count("//tr[@data-segment != '" + identical->segmentId + "']//li[@data-check='identical-target']"), 0u);
  // Each finding sits in the row of its own segment, with its id, severity and message.
  for (const auto& finding : model.findings) {
    SCOPED_TRACE(finding.findingId);
    const std::string item = "//tr[@data-segment='" + finding.finding.segmentId + "']//li[@data-finding='" +
                             finding.findingId + "']";
    ASSERT_EQ(html.count(item), 1u);
    EXPECT_EQ(html.string(item + "/@data-check"), finding.finding.check);
    EXPECT_EQ(html.string(item + "/@data-severity"), std::string(paraph::review::nameOf(finding.finding.severity)));
    EXPECT_NE(html.string(item).find(finding.finding.message), std::string::npos);
  }
  // One row per segment, in document order.
  std::vector<std::string> expected;
  for (const auto& segment : refusal().segments) expected.push_back(segment.id);
  std::vector<std::string> rows;
  for (xmlNode* element : html.nodes("//tbody/tr")) rows.push_back(paraph::xml::attribute(element, "data-segment"));
  EXPECT_EQ(rows, expected);
}

TEST(ReviewPage, SeverityIsWrittenAsTextNotOnlyAsColour) {
  const Html html(page().render(modelOf(refusal()), Lang::fr));
  EXPECT_EQ(html.string("//li[@data-check='missing-target']//*[contains(@class, 'severity')]"), "Erreur");
  EXPECT_EQ(html.string("//li[@data-check='identical-target']//*[contains(@class, 'severity')]"), "Avertissement");
  EXPECT_EQ(html.string("//li[@data-check='identical-target']//*[contains(@class, 'finding-check')]"),
            "Traduction identique au texte source");
}

TEST(ReviewPage, TheFindingsFilterOutputsOnlyRowsWithFindingsAndSaysHowMany) {
  auto model = modelOf(refusal());
  model.filter = "findings";
  std::set<std::string> withFindings;
  for (const auto& finding : model.findings) withFindings.insert(finding.finding.segmentId);
  ASSERT_FALSE(withFindings.empty());
  ASSERT_LT(withFindings.size(), refusal().segments.size());
  const Html html(page().render(model, Lang::fr));
  std::set<std::string> rows;
  for (xmlNode* row : html.nodes("//tbody/tr")) rows.insert(paraph::xml::attribute(row, "data-segment"));
  EXPECT_EQ(rows, withFindings);
  EXPECT_EQ(html.string("//*[@id='review-count']/@data-shown"), std::to_string(withFindings.size()));
  EXPECT_EQ(html.string("//*[@id='review-count']/@data-total"), std::to_string(refusal().segments.size()));
  EXPECT_EQ(html.string("//*[@id='review-count']"),
            std::to_string(withFindings.size()) + " segments affichés sur " + std::to_string(refusal().segments.size()));
  EXPECT_EQ(html.string("//a[@aria-current='page'][contains(@href, 'filter=')]/@href"), "?version=2&filter=findings");
}

TEST(ReviewPage, TheChangedFilterOutputsOnlyChangedRowsFlaggedAsSuch) {
  auto model = modelOf(refusal());
  const std::string changed = idAt(refusal(), "/letter/motivation/grounds/p");
  model.changedSinceLastVersion = {changed};
  model.filter = "changed";
  const Html html(page().render(model, Lang::fr));
  ASSERT_EQ(html.count("//tbody/tr"), 1u);
  EXPECT_EQ(html.string("//tbody/tr/@data-segment"), changed);
  EXPECT_EQ(html.string("//tbody/tr//*[contains(@class, 'changed-flag')]"), "Modifié depuis la version précédente");
  EXPECT_EQ(html.string("//*[@id='review-count']"), "1 segment affiché sur " + std::to_string(refusal().segments.size()));

  model.filter = "all";
  const Html all(page().render(model, Lang::fr));
  EXPECT_EQ(all.count("//tbody/tr"), refusal().segments.size());
  EXPECT_EQ(all.count("//*[contains(@class, 'changed-flag')]"), 1u);
  EXPECT_EQ(all.count("//tr[@data-segment='" + changed + "']//*[contains(@class, 'changed-flag')]"), 1u);
  // Every filter and version link keeps the other parameter.
  EXPECT_EQ(all.strings("//nav[contains(@class, 'review-filter')]//a/@href"),
            (std::vector<std::string>{"?version=2&filter=all", "?version=2&filter=findings", "?version=2&filter=changed"}));
  EXPECT_EQ(all.strings("//nav[contains(@class, 'review-versions')]//a/@href"),
            (std::vector<std::string>{"?version=1&filter=all", "?version=2&filter=all"}));
  EXPECT_EQ(all.string("//nav[contains(@class, 'review-versions')]//a[@aria-current='page']"), "Version 2");
}

TEST(ReviewPage, MarkupInASegmentACommentOrANameIsOnlyEverText) {
  const auto hostile = segmentsOf(
      R"(<letter xmlns="https://paraph.inami.fgov.be/ns/letter/1" id="RP-2026-00999" source-language="fr">)"
      R"(<request><description><fr>Avant &lt;script&gt;alert(1)&lt;/script&gt; après.</fr>)"
      R"(<nl>"&gt;&lt;img src=x onerror=alert(2)&gt; na.</nl></description></request></letter>)");
  ASSERT_EQ(hostile.segments.size(), 1u);
  auto model = modelOf(hostile);
  model.comments = {{hostile.segments[0].id, "<b>Eve</b>", "2026-03-04T10:00:00Z", "</textarea><script>alert(3)</script>"},
                    {"", "Eve\"><svg onload=alert(4)>", "not a date", "<iframe src=//evil.example>"}};
  model.userName = "<script>alert(5)</script>";
  model.formToken = "\"><script>alert(6)</script>";
  model.findings = {{{hostile.segments[0].id, "figures", Severity::error, "<img src=x onerror=alert(7)>"},
                     hostile.segments[0].id + ":figures", false, ""}};
  for (const auto lang : paraph::l10n::kAllLangs) {
    const std::string html = page().render(model, lang);
    for (const std::string injected : {"<script", "<img", "<svg", "<iframe", "</textarea><script", "<b>"}) {
      // Raw markup never appears; the texts do, escaped.
      EXPECT_EQ(html.find(injected), std::string::npos) << injected;
    }
    EXPECT_NE(html.find("Avant &lt;script&gt;alert(1)&lt;/script&gt; après."), std::string::npos);
    EXPECT_NE(html.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
    const Html parsed(html);
    EXPECT_EQ(parsed.count("//script | //img | //svg | //iframe | //*[@onerror] | //*[@onload]"), 0u);
    EXPECT_EQ(parsed.string("//td[@lang='fr']//*[contains(@class, 'segment-content')]"),
              "Avant <script>alert(1)</script> après.");
    EXPECT_EQ(parsed.string("//td[@lang='nl']//*[contains(@class, 'segment-content')]"),
              "\"><img src=x onerror=alert(2)> na.");
    EXPECT_EQ(parsed.string("//li[contains(@class, 'comment')]//*[contains(@class, 'comment-text')]"),
              "</textarea><script>alert(3)</script>");
    for (const auto& token : parsed.strings("//input[@name='csrf']/@value")) EXPECT_EQ(token, model.formToken);
  }
}

TEST(ReviewPage, BytesThatAreNotXmlTextCannotBreakThePage) {
  auto model = modelOf(refusal());
  // A form may send anything: broken UTF-8, a control character, a lone surrogate.
  model.comments = {{"", std::string("Eve\x01"), "2026-03-04T10:00:00Z", std::string("caf\xC3 \xED\xA0\x80 ok\x07")}};
  const std::string html = page().render(model, Lang::fr);
  const Html parsed(html);
  EXPECT_EQ(parsed.string("//*[contains(@class, 'review-version-comments')]//*[contains(@class, 'comment-text')]"),
            "caf\uFFFD \uFFFD\uFFFD\uFFFD ok");
  EXPECT_EQ(html.find('\x01'), std::string::npos);
}

TEST(ReviewPage, RendersFromManyThreadsAtOnce) {
  const auto model = modelOf(refusal());
  const std::string expected = page().render(model, Lang::nl);
  std::vector<std::string> pages(4);
  std::vector<std::thread> threads;
  for (auto& rendered : pages) {
    threads.emplace_back([&model, &rendered] {
      for (int round = 0; round < 5; ++round) rendered = page().render(model, Lang::nl);
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& rendered : pages) EXPECT_EQ(rendered, expected);
}

TEST(ReviewPage, ApprovalIsDisabledWhileAnErrorExists) {
  const auto model = modelOf(refusal());
  ASSERT_TRUE(QaChecker::hasErrors([&] {
    std::vector<Finding> findings;
    for (const auto& finding : model.findings) findings.push_back(finding.finding);
    return findings;
  }()));
  const Html html(page().render(model, Lang::fr));
  const std::string form = "//form[@action='/review/RP-2026-00298/versions/2/approve']";
  ASSERT_EQ(html.count(form), 1u);
  EXPECT_EQ(html.string(form + "/@method"), "post");
  EXPECT_EQ(html.count(form + "//button[@type='submit'][@disabled]"), 1u);
  EXPECT_EQ(html.string(form + "//button"), "Approuver cette version");
  EXPECT_NE(html.string(form).find("Une erreur doit être corrigée avant l’approbation."), std::string::npos)
      << html.string(form);
  // The explanation is the button's description, for a screen reader too.
  EXPECT_EQ(html.string(form + "//button/@aria-describedby"), "approve-status");
  EXPECT_EQ(html.count("//*[@id='approve-status']"), 1u);
}

TEST(ReviewPage, ApprovalNeedsEveryWarningAcknowledgedAndAVersionInReview) {
  const auto& segments = refusal();
  auto model = modelOf(segments);
  std::vector<ReviewFinding> warnings;
  for (const auto& finding : model.findings) {
    if (finding.finding.severity == Severity::warning) warnings.push_back(finding);
  }
  ASSERT_GE(warnings.size(), 2u);
  model.findings = warnings;
  const std::string button = "//form[contains(@action, '/approve')]//button";
  {
    const Html html(page().render(model, Lang::nl));
    EXPECT_EQ(html.count(button + "[@disabled]"), 1u);
    EXPECT_NE(html.string("//*[@id='approve-status']").find(std::to_string(warnings.size()) +
                                                            " waarschuwingen moeten nog worden aanvaard."),
              std::string::npos);
    // One acknowledge form per unacknowledged warning, posting to the finding's own URL.
    EXPECT_EQ(html.count("//form[contains(@action, '/acknowledge')]"), warnings.size());
    for (const auto& warning : warnings) {
      EXPECT_EQ(html.count("//li[@data-finding='" + warning.findingId + "']//form[@method='post'][@action='/review/" +
                           segments.documentId + "/versions/2/findings/" + warning.findingId + "/acknowledge']"),
                1u);
    }
  }
  for (auto& warning : model.findings) {
    warning.acknowledged = true;
    warning.acknowledgedBy = "Anne Reviewer";
  }
  {
    const Html html(page().render(model, Lang::nl));
    EXPECT_EQ(html.count(button), 1u);
    EXPECT_EQ(html.count(button + "[@disabled]"), 0u);
    EXPECT_EQ(html.string(button), "Deze versie goedkeuren");
    EXPECT_EQ(html.count("//form[contains(@action, '/acknowledge')]"), 0u);
    EXPECT_EQ(html.string("//li[@data-finding='" + warnings[0].findingId + "']//*[contains(@class, 'finding-acknowledged')]"),
              "Aanvaard door Anne Reviewer");
  }
  model.state = "approved";
  {
    const Html html(page().render(model, Lang::fr));
    EXPECT_EQ(html.count(button + "[@disabled]"), 1u);
    EXPECT_NE(html.string("//*[@id='approve-status']").find("«\u00A0Approuvée\u00A0»"), std::string::npos);
    EXPECT_EQ(html.count("//form[contains(@action, '/reject')]//textarea"), 0u);
    EXPECT_EQ(html.string("//*[contains(@class, 'state')][@data-state]"), "Approuvée");
  }
  model.canReview = false;
  EXPECT_EQ(Html(page().render(model, Lang::fr)).count("//form[contains(@action, '/approve') or contains(@action, '/reject')]"), 0u);
}

TEST(ReviewPage, LabelsAreInTheInterfaceLanguage) {
  const auto model = modelOf(refusal());
  const Html french(page().render(model, Lang::fr));
  const Html dutch(page().render(model, Lang::nl));
  EXPECT_EQ(french.string("/html/@lang"), "fr");
  EXPECT_EQ(dutch.string("/html/@lang"), "nl");
  EXPECT_EQ(french.string("/html/head/title"), "Révision de RP-2026-00298, version 2");
  EXPECT_EQ(dutch.string("/html/head/title"), "Nazicht van RP-2026-00298, versie 2");
  EXPECT_EQ(dutch.strings("//thead//th"),
            (std::vector<std::string>{"Segment", "Frans", "Nederlands", "Bevindingen en opmerkingen"}));
  EXPECT_EQ(french.strings("//thead//th"),
            (std::vector<std::string>{"Segment", "Français", "Néerlandais", "Constats et commentaires"}));
  EXPECT_EQ(dutch.string("//*[@data-state]"), "In nazicht");
  EXPECT_EQ(dutch.string("//li[@data-check='missing-target']//*[contains(@class, 'severity')]"), "Fout");
  EXPECT_EQ(dutch.string("//form[contains(@action, '/reject')]//label"), "Reden van de terugzending (verplicht)");
  EXPECT_EQ(dutch.string("//a[contains(@class, 'skip-link')]"), "Naar de hoofdinhoud");
  // Times in Brussels: 10:15 UTC on 4 March is 11:15 in winter.
  EXPECT_NE(french.string("//*[contains(@class, 'review-history')]//li[2]").find("4 mars 2026 à 11:15"), std::string::npos)
      << french.string("//*[contains(@class, 'review-history')]//li[2]");
  EXPECT_EQ(french.string("//*[contains(@class, 'review-history')]//li[2]//time/@datetime"), "2026-03-04T10:15:30.123Z");
  EXPECT_NE(dutch.string("//*[contains(@class, 'review-history')]//li[2]").find("Ontwerp → In nazicht, door Jan Vertaler"),
            std::string::npos);
}

TEST(ReviewPage, TextCellsCarryTheirLanguageTheSourceIsMarkedAndAGapIsVisible) {
  const auto model = modelOf(refusal());
  const std::string missing = idAt(refusal(), "/letter/request/description");
  for (const auto ui : paraph::l10n::kAllLangs) {
    const Html html(page().render(model, ui));
    const std::string row = "//tr[@data-segment='" + missing + "']";
    EXPECT_EQ(html.string(row + "/td[1]/@lang"), "fr");
    EXPECT_EQ(html.string(row + "/td[2]/@lang"), "nl");
    EXPECT_EQ(html.string(row + "/th/@scope"), "row");
    EXPECT_NE(html.string(row + "/td[1]/@class").find("segment-source"), std::string::npos);
    EXPECT_EQ(html.string(row + "/td[1]//*[contains(@class, 'source-label')]"), ui == Lang::fr ? "texte source" : "brontekst");
    EXPECT_EQ(html.string(row + "/td[2]//*[contains(@class, 'segment-missing')]"), "[vertaling ontbreekt]");
    EXPECT_EQ(html.count("//td[contains(@class, 'segment-source')]"), refusal().segments.size());
    // Inline elements show as their tags, never as markup.
    const std::string grounds = "//tr[@data-segment='" + idAt(refusal(), "/letter/motivation/grounds/p") + "']";
    EXPECT_EQ(html.strings(grounds + "/td[1]//code[contains(@class, 'inline-code')]"),
              (std::vector<std::string>{"<em>", "</em>"}));
    EXPECT_EQ(html.count(grounds + "//em"), 0u);
    EXPECT_EQ(html.count("//table/caption"), 1u);
    EXPECT_EQ(html.count("//thead//th[@scope='col']"), 4u);
  }
}

TEST(ReviewPage, EveryFormPostsBelowTheBasePathWithTheTokenAndEveryControlHasALabel) {
  auto model = modelOf(refusal());
  const std::string commented = idAt(refusal(), "/letter/motivation/facts/p");
  model.comments = {{commented, "Jan Vertaler", "2026-07-01T10:00:00Z", "« caissière » : kassierster of kassamedewerker?"},
                    {"", "Anne Reviewer", "2026-07-01T10:05:00Z", "Versie nagekeken."}};
  const Html html(page().render(model, Lang::fr));
  const auto forms = html.nodes("//form");
  ASSERT_GE(forms.size(), 4u);
  for (xmlNode* form : forms) {
    const std::string action = paraph::xml::attribute(form, "action");
    SCOPED_TRACE(action);
    EXPECT_EQ(action.rfind(model.basePath + "/versions/2/", 0), 0u);
    EXPECT_EQ(paraph::xml::attribute(form, "method"), "post");
  }
  EXPECT_EQ(html.count("//form[input[@type='hidden'][@name='csrf'][@value='tok-3f9a']]"), forms.size());
  EXPECT_EQ(html.count("//form[@action='" + model.basePath + "/versions/2/segments/" + commented +
                       "/comments']//textarea[@name='comment'][@required]"),
            1u);
  EXPECT_EQ(html.count("//form[@action='" + model.basePath + "/versions/2/reject']//textarea[@name='comment'][@required]"), 1u);
  for (xmlNode* control : html.nodes("//textarea | //input[not(@type='hidden')] | //select")) {
    const std::string id = paraph::xml::attribute(control, "id");
    ASSERT_FALSE(id.empty());
    EXPECT_EQ(html.count("//label[@for='" + id + "']"), 1u) << id;
  }
  for (const auto& name : html.strings("//button")) EXPECT_FALSE(name.empty());
  // Comments: the segment's in its row, the version's in their own section; times in Brussels (summer).
  EXPECT_EQ(html.string("//tr[@data-segment='" + commented + "']//*[contains(@class, 'comment-meta')]"),
            "Jan Vertaler, 1 juillet 2026 à 12:00");
  EXPECT_EQ(html.count("//tbody//li[contains(@class, 'comment')]"), 1u);
  EXPECT_EQ(html.string("//*[contains(@class, 'review-version-comments')]//*[contains(@class, 'comment-text')]"),
            "Versie nagekeken.");
  // Landmarks and headings.
  EXPECT_EQ(html.count("//main"), 1u);
  EXPECT_EQ(html.count("//h1"), 1u);
  EXPECT_EQ(html.string("//a[contains(@class, 'skip-link')]/@href"), "#main");
  EXPECT_EQ(html.string("//main/@id"), "main");
}

TEST(ReviewPage, FormsAreOfferedOnlyWhenAllowed) {
  auto model = modelOf(refusal());
  model.canReview = model.canComment = false;
  const Html html(page().render(model, Lang::fr));
  EXPECT_EQ(html.count("//form"), 0u);
  EXPECT_EQ(html.count("//textarea"), 0u);
}

TEST(ReviewPage, FindingsOnSegmentsThisVersionLacksAreShownApart) {
  auto model = modelOf(refusal());
  model.findings.push_back({{"gone-1234abcd", "spacing", Severity::warning, "double space in fr"}, "gone-1234abcd:spacing", false, ""});
  const Html html(page().render(model, Lang::fr));
  EXPECT_EQ(html.count("//tbody//li[@data-finding='gone-1234abcd:spacing']"), 0u);
  EXPECT_EQ(html.count("//*[contains(@class, 'review-other-findings')]//li[@data-finding='gone-1234abcd:spacing']"), 1u);
}

TEST(ReviewPage, ThePageReferencesNothingOutside) {
  auto model = modelOf(refusal());
  model.comments = {{"", "Eve", "2026-03-04T10:00:00Z", "voir https://example.org/x.css et //cdn.example/y.js"}};
  for (const auto lang : paraph::l10n::kAllLangs) {
    const std::string html = page().render(model, lang);
    for (const std::string external : {"src=", "href=\"http", "href='http", "href=\"//", "href='//", "file:", "<link",
                                       "@import", "url(", "<script"}) {
      EXPECT_EQ(html.find(external), std::string::npos) << external;
    }
    const Html parsed(html);
    for (const auto& href : parsed.strings("//@href | //@action")) {
      const bool local = href.rfind("#", 0) == 0 || href.rfind("?", 0) == 0 || href.rfind(model.basePath + "/", 0) == 0;
      EXPECT_TRUE(local) << href;
    }
    EXPECT_EQ(parsed.count("//link | //script | //img | //iframe | //object | //embed"), 0u);
    EXPECT_EQ(parsed.count("//style"), 1u);
    EXPECT_EQ(paraph::testing::count(html, "<!DOCTYPE html>"), 1u);
  }
}

// Writes sample pages for the accessibility check (tests/a11y/run.sh: vnu and axe-core over
// each) into $PARAPH_REVIEW_SAMPLE_DIR:
//   review-fr.html, review-nl.html    a draft-quality version: findings of every kind, a
//                                     missing target, comments, history, a changed segment
//   review-findings-nl.html           the same, filtered to rows with findings
//   flow-0.html … flow-N.html         a clean letter with N warnings, after 0…N acknowledgements
//   flow-approved.html                the same version once approved
TEST(ReviewPageSample, WritesSamplePagesWhenAsked) {
  const char* folder = std::getenv("PARAPH_REVIEW_SAMPLE_DIR");
  if (folder == nullptr || *folder == '\0') GTEST_SKIP() << "PARAPH_REVIEW_SAMPLE_DIR is not set";
  const std::filesystem::path out(folder);
  std::filesystem::create_directories(out);
  const auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream stream(out / name, std::ios::binary);
    stream << content;
    ASSERT_TRUE(stream.good()) << (out / name);
  };

  auto model = modelOf(refusal());
  model.changedSinceLastVersion = {idAt(refusal(), "/letter/motivation/grounds/p")};
  model.comments = {{idAt(refusal(), "/letter/motivation/facts/p"), "Jan Vertaler", "2026-03-04T10:20:00Z",
                     "« caissière » : kassierster of kassamedewerker?"},
                    {"", "Anne Reviewer", "2026-03-04T11:00:00Z", "Beschrijving nog te vertalen."}};
  model.findings.front().acknowledged = false;
  for (auto& finding : model.findings) {
    if (finding.finding.check == "spacing") {
      finding.acknowledged = true;
      finding.acknowledgedBy = "Anne Reviewer";
    }
  }
  write("review-fr.html", page().render(model, Lang::fr));
  write("review-nl.html", page().render(model, Lang::nl));
  model.filter = "findings";
  write("review-findings-nl.html", page().render(model, Lang::nl));

  // The flow: a complete letter whose only findings are warnings (two untranslated names).
  static const SegmentedDocument clean = [] {
    std::string input = fixture("letter/granted-liege-fr.xml");
    input = replacedOnce(input, "Dienst voor uitkeringen – Cel Beroepsherscholing",
                         "Service des indemnités – Cellule Réadaptation professionnelle");
    return segmentsOf(input);
  }();
  auto flow = modelOf(clean);
  flow.reference = "RP/2026/00412";
  flow.versions = {1};
  flow.version = 1;
  flow.history = {{"", "in-review", "import", "2026-03-02T09:00:00Z", ""}};
  ASSERT_FALSE(flow.findings.empty());
  for (const auto& finding : flow.findings) {
    ASSERT_EQ(finding.finding.severity, Severity::warning) << finding.finding.message;
  }
  for (std::size_t acknowledged = 0; acknowledged <= flow.findings.size(); ++acknowledged) {
    for (std::size_t index = 0; index < flow.findings.size(); ++index) {
      flow.findings[index].acknowledged = index < acknowledged;
      flow.findings[index].acknowledgedBy = index < acknowledged ? "Anne Reviewer" : "";
    }
    write("flow-" + std::to_string(acknowledged) + ".html", page().render(flow, Lang::fr));
  }
  flow.state = "approved";
  flow.history.push_back({"in-review", "approved", "Anne Reviewer", "2026-03-05T08:30:00Z", ""});
  write("flow-approved.html", page().render(flow, Lang::fr));
}

// A long document is paged (review.segments_per_page): each page has its share of the rows,
// in document order, and links to the previous and next page keeping version and filter.
TEST(ReviewPage, ALongDocumentIsPagedWithLinksToThePreviousAndNextPage) {
  auto model = modelOf(refusal());
  const std::size_t total = refusal().segments.size();
  ASSERT_GE(total, 5u);
  model.pageSize = 2;
  const std::size_t pages = (total + 1) / 2;
  std::vector<std::string> seen;
  for (std::size_t number = 1; number <= pages; ++number) {
    SCOPED_TRACE("page " + std::to_string(number));
    model.page = number;
    const Html html(page().render(model, Lang::fr));
    for (xmlNode* row : html.nodes("//tbody/tr")) seen.push_back(paraph::xml::attribute(row, "data-segment"));
    EXPECT_LE(html.count("//tbody/tr"), 2u);
    EXPECT_EQ(html.string("//nav[@class='review-pages']/h3"),
              "Page " + std::to_string(number) + " sur " + std::to_string(pages));
    const std::string previous = html.string("//nav[@class='review-pages']//a[@rel='prev']/@href");
    const std::string next = html.string("//nav[@class='review-pages']//a[@rel='next']/@href");
    EXPECT_EQ(previous, number > 1 ? "?version=2&filter=all&page=" + std::to_string(number - 1) : "");
    EXPECT_EQ(next, number < pages ? "?version=2&filter=all&page=" + std::to_string(number + 1) : "");
    if (number > 1) {
      EXPECT_EQ(html.string("//a[@rel='prev']"), "Page précédente");
    }
    if (number < pages) {
      EXPECT_EQ(html.string("//a[@rel='next']"), "Page suivante");
    }
  }
  std::vector<std::string> all;
  for (const auto& segment : refusal().segments) all.push_back(segment.id);
  EXPECT_EQ(seen, all) << "every segment on exactly one page, in document order";

  // Dutch interface, and the findings filter pages what it keeps.
  model.page = 1;
  model.filter = "findings";
  model.pageSize = 1;
  std::set<std::string> withFindings;
  for (const auto& finding : model.findings) withFindings.insert(finding.finding.segmentId);
  ASSERT_GE(withFindings.size(), 2u);
  const Html dutch(page().render(model, Lang::nl));
  EXPECT_EQ(dutch.count("//tbody/tr"), 1u);
  EXPECT_TRUE(withFindings.contains(dutch.string("//tbody/tr/@data-segment")));
  EXPECT_EQ(dutch.string("//nav[@class='review-pages']/h3"), "Pagina 1 van " + std::to_string(withFindings.size()));
  EXPECT_EQ(dutch.string("//a[@rel='next']"), "Volgende pagina");
  EXPECT_EQ(dutch.string("//a[@rel='next']/@href"), "?version=2&filter=findings&page=2");
}

TEST(ReviewPage, AShortDocumentHasNoPageLinks) {
  const Html html(page().render(modelOf(refusal()), Lang::fr));
  EXPECT_EQ(html.count("//nav[@class='review-pages']"), 0u);
  EXPECT_EQ(html.count("//tbody/tr"), refusal().segments.size());
}
