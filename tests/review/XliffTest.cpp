#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "review/ReviewTestSupport.h"
#include "review/TranslationStatus.h"
#include "review/XliffExporter.h"
#include "review/XliffImporter.h"
#include "xml/XPath.h"

using paraph::l10n::Lang;
using paraph::review::SegmentedDocument;
using paraph::review::translationStatusOf;
using paraph::review::XliffExporter;
using paraph::review::XliffImporter;
using paraph::review::XliffImportReport;
using paraph::review::XliffImportRequest;
using paraph::testing::fixture;
using paraph::testing::replacedOnce;
using paraph::testing::segmentAt;
using paraph::testing::segmentsOf;
using paraph::testing::sharedPipeline;
namespace xml = paraph::xml;

namespace {

const xml::NamespaceMap kXliff{{"x", "urn:oasis:names:tc:xliff:document:2.0"}};

const XliffExporter& exporter() {
  static const XliffExporter instance(sharedPipeline().texts());
  return instance;
}

std::string exportAll(const std::string& input, int version, bool all = true) {
  const auto document = segmentsOf(input);
  return exporter().exportFile(document, version, paraph::l10n::other(document.sourceLanguage),
                               translationStatusOf(document), all);
}

std::vector<xmlNode*> select(const xml::ParsedDocument& parsed, const std::string& expression) {
  return xml::XPathExpression(expression).nodes(parsed.document.get(), nullptr, kXliff);
}

std::string evaluate(const xml::ParsedDocument& parsed, const std::string& expression) {
  return xml::XPathExpression(expression).string(parsed.document.get(), nullptr, kXliff);
}

// What a translation tool does: a <target> for each unit named, as XLIFF content.
std::string translated(const std::string& xliff, const std::map<std::string, std::string>& targets) {
  std::string result = xliff;
  for (const auto& [id, content] : targets) {
    const auto unit = result.find("<unit id=\"" + id + "\"");
    if (unit == std::string::npos) throw std::runtime_error("no unit " + id);
    const auto sourceEnd = result.find("</source>", unit) + std::string("</source>").size();
    const auto segmentEnd = result.find("</segment>", unit);
    result.replace(sourceEnd, segmentEnd - sourceEnd, "<target>" + content + "</target>");
  }
  return result;
}

XliffImportRequest requestFor(const std::string& documentId, int version, const std::string& input) {
  XliffImportRequest request;
  request.documentId = documentId;
  request.currentVersion = version;
  request.currentInput = input;
  request.currentInputName = "current.xml";
  return request;
}

const std::string kGroundsNl =
    "Het gevraagde programma valoriseert uw potentiële arbeidsvermogen met het oog op een volledige herinschakeling in "
    "een arbeidsmilieu, in de zin van artikel 109bis van de wet betreffende de verplichte verzekering voor "
    "geneeskundige verzorging en uitkeringen, gecoördineerd op 14 juli 1994, en van de artikelen 215quater en volgende "
    "van het koninklijk besluit van 3 juli 1996.";

}  // namespace

TEST(XliffExport, ARealLetterExportsAsXliff21WithOneUnitPerSegmentAndContextNotes) {
  const std::string input = fixture("letter/granted-liege-fr.xml");
  const auto document = segmentsOf(input);
  const std::string xliff = exportAll(input, 3);
  const auto parsed = xml::parseUntrusted(xliff, "export.xlf", {});
  xmlNode* root = xmlDocGetRootElement(parsed.document.get());
  ASSERT_NE(root->ns, nullptr);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->ns->href), "urn:oasis:names:tc:xliff:document:2.0");
  EXPECT_EQ(xml::attribute(root, "version"), "2.1");
  EXPECT_EQ(xml::attribute(root, "srcLang"), "fr-BE");
  EXPECT_EQ(xml::attribute(root, "trgLang"), "nl-BE");
  EXPECT_EQ(evaluate(parsed, "string(/x:xliff/x:file/@original)"), "paraph:RP-2026-00412/v3");
  const auto units = select(parsed, "/x:xliff/x:file/x:unit");
  ASSERT_EQ(units.size(), document.segments.size());
  for (std::size_t index = 0; index < units.size(); ++index) {
    EXPECT_EQ(xml::attribute(units[index], "id"), document.segments[index].id);
  }
  const auto& facts = *segmentAt(document, "/letter/motivation/facts/p");
  const std::string unit = "/x:xliff/x:file/x:unit[@id='" + facts.id + "']";
  EXPECT_EQ(evaluate(parsed, "string(" + unit + "/x:notes/x:note[@category='document-type'])"), "letter");
  EXPECT_NE(evaluate(parsed, "string(" + unit + "/x:notes/x:note[@category='location'])").find("motivation/facts/p"),
            std::string::npos);
  EXPECT_EQ(evaluate(parsed, "string(" + unit + "/x:notes/x:note[@category='terminology'])"),
            "terms: médecin-conseil = adviserend arts");
  EXPECT_EQ(evaluate(parsed, "string(" + unit + "/x:segment/x:source)"), facts.source().plainText());
  EXPECT_EQ(evaluate(parsed, "string(" + unit + "/x:segment/x:target)"), facts.target().plainText());
  EXPECT_EQ(evaluate(parsed, "string(" + unit + "/x:segment/@state)"), "translated");
}

TEST(XliffExport, ByDefaultOnlyTheSegmentsNeedingTranslationAndNoTargetForThem) {
  const std::string draft = fixture("invalid/missing-translation.xml");
  const auto parsed = xml::parseUntrusted(exportAll(draft, 1, false), "export.xlf", {});
  const auto units = select(parsed, "/x:xliff/x:file/x:unit");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(xml::attribute(units[0], "id"), segmentAt(segmentsOf(draft), "/letter/motivation/grounds/p")->id);
  EXPECT_TRUE(select(parsed, "//x:target").empty());
  EXPECT_EQ(evaluate(parsed, "string(//x:segment/@state)"), "initial");
  EXPECT_NE(evaluate(parsed, "string(//x:note[@category='terminology'])").find("arrêté royal = koninklijk besluit"),
            std::string::npos);
}

TEST(XliffExport, ADutchSourceExportsNlToFrAndTheSourceLanguageIsNoTarget) {
  const std::string input = fixture("letter/refused-gent-nl.xml");
  const auto parsed = xml::parseUntrusted(exportAll(input, 1), "export.xlf", {});
  EXPECT_EQ(evaluate(parsed, "string(/x:xliff/@srcLang)"), "nl-BE");
  EXPECT_EQ(evaluate(parsed, "string(/x:xliff/@trgLang)"), "fr-BE");
  const auto document = segmentsOf(input);
  EXPECT_THROW(exporter().exportFile(document, 1, Lang::nl, translationStatusOf(document), true), std::invalid_argument);
  // Returned as it went out: every French target comes back into a valid input.
  const auto report = XliffImporter().importFile(exportAll(input, 1), "returned.xlf",
                                                 requestFor(document.documentId, 1, input));
  ASSERT_TRUE(report.accepted()) << (report.errors.empty() ? "" : report.errors.front().toLine());
  EXPECT_EQ(report.targetLanguage, Lang::fr);
  EXPECT_EQ(report.imported.size(), document.segments.size());
  sharedPipeline().validate(report.newInput, "next-version.xml");
}

TEST(XliffRoundTrip, ATranslatedDraftImportsIntoAValidInputThatRenders) {
  const std::string draft = fixture("invalid/missing-translation.xml");
  const auto groundsId = segmentAt(segmentsOf(draft), "/letter/motivation/grounds/p")->id;
  const std::string returned = translated(exportAll(draft, 1, false), {{groundsId, kGroundsNl}});

  const auto report = XliffImporter().importFile(returned, "returned.xlf", requestFor("RP-2026-00412", 1, draft));
  ASSERT_TRUE(report.accepted()) << (report.errors.empty() ? "" : report.errors.front().toLine());
  EXPECT_EQ(report.fileVersion, 1);
  EXPECT_EQ(report.targetLanguage, Lang::nl);
  EXPECT_EQ(report.imported, std::vector<std::string>{groundsId});
  EXPECT_TRUE(report.skipped.empty());
  ASSERT_FALSE(report.newInput.empty());
  EXPECT_TRUE(translationStatusOf(segmentsOf(report.newInput)).complete());

  const auto& pipeline = sharedPipeline();
  const auto validated = pipeline.validate(report.newInput, "next-version.xml");
  EXPECT_NE(pipeline.renderHtml(validated, Lang::nl).html.find("artikel 109bis"), std::string::npos);
  // The rest of the document is untouched: the same segments as the complete fixture.
  const auto expected = segmentsOf(fixture("letter/granted-liege-fr.xml"));
  const auto actual = segmentsOf(report.newInput);
  ASSERT_EQ(actual.segments.size(), expected.segments.size());
  for (std::size_t index = 0; index < actual.segments.size(); ++index) {
    EXPECT_EQ(actual.segments[index].id, expected.segments[index].id);
    EXPECT_EQ(actual.segments[index].texts, expected.segments[index].texts);
  }
}

TEST(XliffRoundTrip, InlineReferencesOfAConventionComeBackExactly) {
  const std::string input = fixture("convention/psychosocial-liege-fr.xml");
  const std::string xliff = exportAll(input, 2);
  const auto parsed = xml::parseUntrusted(xliff, "export.xlf", {});
  ASSERT_FALSE(select(parsed, "//x:unit/x:segment/x:source/x:ph").empty());
  ASSERT_FALSE(select(parsed, "//x:unit/x:segment/x:target/x:ph").empty());
  EXPECT_EQ(evaluate(parsed, "string((//x:unit[.//x:ph])[1]/x:originalData/x:data[@id='d1'])").rfind("<ref ", 0), 0u);

  // A translator rewrites one sentence around its reference: "in <ref/> bedoelde" -> "bedoeld in <ref/>".
  const auto document = segmentsOf(input);
  const paraph::review::Segment* withReference = nullptr;
  for (const auto& segment : document.segments) {
    if (segment.path.find("/list/item") != std::string::npos && segment.source().markedText().find("<ref ") != std::string::npos) {
      withReference = &segment;
      break;
    }
  }
  ASSERT_NE(withReference, nullptr);
  const std::string returned = translated(
      xliff, {{withReference->id, "\"revalidatiedag\": een dag waarop de rechthebbende ten minste vier uur volgt van het "
                                  "programma bedoeld in <ph id=\"1\" dataRef=\"d1\"/>;"}});
  const auto report = XliffImporter().importFile(returned, "returned.xlf", requestFor("CONV-7.72.015-2026", 2, input));
  ASSERT_TRUE(report.accepted()) << (report.errors.empty() ? "" : report.errors.front().toLine());
  EXPECT_EQ(report.imported.size(), document.segments.size());
  const auto next = segmentsOf(report.newInput);
  const auto* rewritten = next.find(withReference->id);
  ASSERT_NE(rewritten, nullptr);
  EXPECT_EQ(rewritten->target().markedText(),
            "\"revalidatiedag\": een dag waarop de rechthebbende ten minste vier uur volgt van het programma bedoeld in "
            "<ref article=\"art-programme\"/>;");
  for (const auto& segment : document.segments) {
    if (segment.id != withReference->id) {
      EXPECT_EQ(next.find(segment.id)->texts, segment.texts) << segment.id;
    }
  }
  const auto& pipeline = sharedPipeline();
  const auto validated = pipeline.validate(report.newInput, "next-version.xml");  // throws if refused
  EXPECT_NE(pipeline.renderHtml(validated, Lang::nl).html.find("ten minste vier uur volgt van het programma bedoeld in"),
            std::string::npos);
}

TEST(XliffRoundTrip, EmphasisBecomesAPairedCodeAndComesBack) {
  const std::string input = R"(<doc xmlns="urn:example" id="d-1" source-language="fr">
  <p><fr>Un <em class="strong">mot</em> et <ref article="a"/>.</fr></p>
</doc>)";
  const std::string xliff = exportAll(input, 1, false);
  EXPECT_NE(xliff.find("<source>Un <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">mot</pc> et <ph id=\"2\" dataRef=\"d3\"/>.</source>"),
            std::string::npos)
      << xliff;
  EXPECT_NE(xliff.find("<data id=\"d1\">&lt;em class=\"strong\"&gt;</data>"), std::string::npos) << xliff;
  const auto id = segmentsOf(input).segments.at(0).id;
  const std::string returned =
      translated(xliff, {{id, "Een <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\"><mrk id=\"m1\" translate=\"yes\">woord</mrk></pc> en <ph id=\"2\" dataRef=\"d3\"/>."}});
  const auto report = XliffImporter().importFile(returned, "returned.xlf", requestFor("d-1", 1, input));
  ASSERT_TRUE(report.accepted()) << (report.errors.empty() ? "" : report.errors.front().toLine());
  EXPECT_NE(report.newInput.find("<nl>Een <em class=\"strong\">woord</em> en <ref article=\"a\"/>.</nl>"), std::string::npos)
      << report.newInput;
}

class XliffImportRefusal : public ::testing::Test {
 protected:
  void SetUp() override {
    draft = fixture("invalid/missing-translation.xml");
    groundsId = segmentAt(segmentsOf(draft), "/letter/motivation/grounds/p")->id;
    returned = translated(exportAll(draft, 1, false), {{groundsId, kGroundsNl}});
  }
  XliffImportReport import(const std::string& xliff) const {
    return XliffImporter().importFile(xliff, "returned.xlf", requestFor("RP-2026-00412", 1, draft));
  }
  xml::Diagnostic refusal(const std::string& xliff) const {
    try {
      import(xliff);
    } catch (const xml::InvalidInput& error) {
      return error.diagnostics().front();
    }
    ADD_FAILURE() << "the import was not refused";
    return {};
  }
  std::string draft;
  std::string groundsId;
  std::string returned;
};

TEST_F(XliffImportRefusal, AFileOfAnotherDocumentIsRefused) {
  const auto problem = refusal(replacedOnce(returned, "paraph:RP-2026-00412/v1", "paraph:RP-2026-00298/v1"));
  EXPECT_NE(problem.message.find("belongs to document RP-2026-00298"), std::string::npos) << problem.message;
  EXPECT_GT(problem.line, 0);
  EXPECT_GT(problem.column, 0);
  EXPECT_EQ(problem.file, "returned.xlf");
}

TEST_F(XliffImportRefusal, AFileForAVersionThatDoesNotExistIsRefused) {
  EXPECT_NE(refusal(replacedOnce(returned, "/v1\"", "/v7\"")).message.find("version 7"), std::string::npos);
}

TEST_F(XliffImportRefusal, LanguagesThatDoNotMatchTheDocumentAreRefused) {
  const auto problem = refusal(replacedOnce(returned, "trgLang=\"nl-BE\"", "trgLang=\"de-BE\""));
  EXPECT_NE(problem.message.find("de-BE"), std::string::npos) << problem.message;
  EXPECT_GT(problem.line, 0);
  const auto swapped = replacedOnce(replacedOnce(returned, "srcLang=\"fr-BE\"", "srcLang=\"nl-BE\""), "trgLang=\"nl-BE\"",
                                    "trgLang=\"fr-BE\"");
  EXPECT_NE(refusal(swapped).message.find("translates nl-BE into fr-BE"), std::string::npos);
  const auto report = import(replacedOnce(returned, "<target>", "<target xml:lang=\"fr-BE\">"));
  ASSERT_FALSE(report.accepted());
  EXPECT_NE(report.errors.front().message.find("xml:lang"), std::string::npos);
}

TEST_F(XliffImportRefusal, AnUnknownUnitIdIsAnErrorWithItsLineAndColumnAndNothingIsApplied) {
  const auto report = import(replacedOnce(returned, "<unit id=\"" + groundsId + "\"", "<unit id=\"forged-id\""));
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_NE(report.errors.front().message.find("forged-id"), std::string::npos);
  EXPECT_EQ(report.errors.front().line, 3);  // declaration, <xliff><file><notes>, then one unit a line
  EXPECT_EQ(report.errors.front().column, 1);
  EXPECT_EQ(report.errors.front().file, "returned.xlf");
  EXPECT_TRUE(report.newInput.empty());
  EXPECT_TRUE(report.imported.empty());
}

TEST_F(XliffImportRefusal, AnInlineCodeThatIsNotTheSegmentsOwnIsAnError) {
  const auto report = import(replacedOnce(returned, "<target>", "<target><ph id=\"9\" dataRef=\"d9\"/>"));
  ASSERT_FALSE(report.accepted());
  EXPECT_NE(report.errors.front().message.find("id=\"9\""), std::string::npos);
  EXPECT_TRUE(report.newInput.empty());
}

TEST_F(XliffImportRefusal, ADoctypeOrExternalEntityIsRefusedWithItsPlace) {
  const std::string xxe = replacedOnce(returned, "<xliff ",
                                       "<!DOCTYPE xliff [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<xliff ");
  const auto problem = refusal(replacedOnce(xxe, kGroundsNl, "&secret;"));
  EXPECT_NE(problem.message.find("DOCTYPE"), std::string::npos) << problem.message;
  EXPECT_GT(problem.line, 0);
  EXPECT_GT(problem.column, 0);
  const auto xliff12 = refusal("<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>");
  EXPECT_NE(xliff12.message.find("not an XLIFF 2 file"), std::string::npos) << xliff12.message;
  EXPECT_EQ(xliff12.line, 2);
  EXPECT_EQ(xliff12.column, 1);
}

TEST(XliffImport, AFileFromAnOlderVersionImportsOnlyTheUnchangedSegmentsAndReportsTheRest) {
  // Version 1: the draft; exported whole to the translation service.
  const std::string version1 = fixture("invalid/missing-translation.xml");
  const auto segments1 = segmentsOf(version1);
  const auto groundsId = segmentAt(segments1, "/letter/motivation/grounds/p")->id;
  const auto factsId = segmentAt(segments1, "/letter/motivation/facts/p")->id;
  const std::string xliff = exportAll(version1, 1);
  // Version 2, meanwhile: staff changed the facts in both languages.
  const std::string version2 = replacedOnce(replacedOnce(version1, "lombalgie chronique", "hernie discale"),
                                            "chronische lagerugpijn", "een hernia");
  // The translator returns the version-1 file with the grounds translated and the facts revised.
  const std::string returned = translated(xliff, {{groundsId, kGroundsNl}, {factsId, "Een oude herziene vertaling."}});

  auto request = requestFor("RP-2026-00412", 2, version2);
  request.segmentsOfVersion = [&](int version) -> std::optional<SegmentedDocument> {
    if (version == 1) return segments1;
    return std::nullopt;
  };
  const auto report = XliffImporter().importFile(returned, "returned.xlf", request);
  ASSERT_TRUE(report.accepted()) << (report.errors.empty() ? "" : report.errors.front().toLine());
  EXPECT_EQ(report.fileVersion, 1);
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_EQ(report.skipped.front().id, factsId);
  EXPECT_NE(report.skipped.front().reason.find("changed since version 1"), std::string::npos);
  EXPECT_GT(report.skipped.front().line, 0);
  EXPECT_NE(std::find(report.imported.begin(), report.imported.end(), groundsId), report.imported.end());
  EXPECT_EQ(std::find(report.imported.begin(), report.imported.end(), factsId), report.imported.end());

  const auto next = segmentsOf(report.newInput);
  EXPECT_EQ(segmentAt(next, "/letter/motivation/grounds/p")->target().plainText(), kGroundsNl);
  EXPECT_NE(segmentAt(next, "/letter/motivation/facts/p")->target().plainText().find("een hernia"), std::string::npos);
  sharedPipeline().validate(report.newInput, "version-3.xml");

  // Without the older version's segments, the import cannot tell changed from forged.
  request.segmentsOfVersion = nullptr;
  EXPECT_THROW(XliffImporter().importFile(returned, "returned.xlf", request), xml::InvalidInput);
}

// A translation tool that writes its XLIFF on one line, with many (empty) annotations: finding
// each element's column by scanning back to the line's start made the import quadratic (9 s
// for 381 KB). Asked for by issue 13, with a wide margin for CI.
TEST(XliffImport, AOneLineFileOfSeveralHundredKilobytesImportsInLinearTime) {
  const std::string draft = fixture("invalid/missing-translation.xml");
  const auto groundsId = segmentAt(segmentsOf(draft), "/letter/motivation/grounds/p")->id;
  std::string annotations;
  for (int number = 0; number < 25000; ++number) annotations += "<mrk id=\"m" + std::to_string(number) + "\"/>";
  std::string oneLine = translated(exportAll(draft, 1, false), {{groundsId, kGroundsNl + annotations}});
  for (auto lineBreak = oneLine.find(">\n"); lineBreak != std::string::npos; lineBreak = oneLine.find(">\n", lineBreak)) {
    oneLine.erase(lineBreak + 1, 1);
  }
  ASSERT_EQ(oneLine.find('\n'), std::string::npos);
  ASSERT_GT(oneLine.size(), 350'000u);

  const auto started = std::chrono::steady_clock::now();
  const auto report = XliffImporter().importFile(oneLine, "returned.xlf", requestFor("RP-2026-00412", 1, draft));
  const auto elapsed = std::chrono::steady_clock::now() - started;

  EXPECT_LT(elapsed, std::chrono::seconds(1))
      << "took " << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms";
  ASSERT_TRUE(report.accepted()) << (report.errors.empty() ? "" : report.errors.front().toLine());
  EXPECT_EQ(report.imported, std::vector<std::string>{groundsId});
}
