#include <gtest/gtest.h>

#include "pipeline/OutputParity.h"
#include "pipeline/ParityCheck.h"
#include "pipeline/Pipeline.h"
#include "support/Fixtures.h"
#include "support/SharedPipeline.h"

using paraph::l10n::Lang;
using paraph::testing::checkParity;
using paraph::pipeline::Home;
using paraph::pipeline::normalisedFacts;
using paraph::pipeline::Pipeline;
using paraph::testing::sharedPipeline;
using paraph::testing::filesIn;
using paraph::testing::kHome;
using paraph::testing::readFile;

namespace {

std::string describe(const std::vector<paraph::testing::ParityFinding>& findings) {
  std::string text;
  for (const auto& finding : findings) text += finding.segment + ": " + finding.message + "\n";
  return text;
}
}  // namespace

TEST(Parity, NormalisesEachLocalesFormatsToTheSameFacts) {
  EXPECT_EQ(normalisedFacts("Montant : 1\u202F234,56\u00A0€ le 1 mars 2026 (réf. RP/2026/00412)", true),
            normalisedFacts("Bedrag: €\u00A01.234,56 op 1 maart 2026 (ref. RP/2026/00412)", false));
  EXPECT_EQ(normalisedFacts("2,50 ETP", true), normalisedFacts("2,50 VTE", false));
  EXPECT_NE(normalisedFacts("1\u202F234,56\u00A0€", true), normalisedFacts("€\u00A01.243,56", false));
  EXPECT_NE(normalisedFacts("le 1 mars 2026", true), normalisedFacts("op 1 april 2026", false));
  EXPECT_EQ(normalisedFacts("dimanche 1 mars 2026", true), std::vector<std::string>{"date:2026-03-01"});
}

TEST(Parity, EveryValidFixtureOfEveryTypeHasTheSameStructureAndFiguresInBothLanguages) {
  const auto& pipeline = sharedPipeline();
  std::size_t checked = 0;
  for (const auto& type : pipeline.types().all()) {
    const auto fixtures = filesIn(kHome / "fixtures" / type.name, ".xml");
    EXPECT_GE(fixtures.size(), 3u) << "fixtures/" << type.name;
    for (const auto& file : fixtures) {
      SCOPED_TRACE(file.string());
      const auto document = pipeline.validate(readFile(file), file.string());
      const auto frenchTree = pipeline.renderTree(document, Lang::fr);
      const auto dutchTree = pipeline.renderTree(document, Lang::nl);
      const auto french = pipeline.serialize(document, frenchTree).html;
      const auto dutch = pipeline.serialize(document, dutchTree).html;
      const auto findings = checkParity(french, dutch);
      EXPECT_TRUE(findings.empty()) << describe(findings);
      // The side-by-side edition has one row per segment.
      const auto sideBySide = pipeline.renderSideBySide(document, frenchTree, dutchTree).html;
      EXPECT_EQ(paraph::testing::count(sideBySide, "class=\"synopsis-row\""),
                paraph::testing::count(french, "data-segment=\""));
      EXPECT_EQ(sideBySide.find("class=\"segment-missing\""), std::string::npos);
      ++checked;
    }
  }
  EXPECT_GE(checked, 4u);
}

TEST(Parity, ADeliberatelyDisagreeingLetterIsCaught) {
  const auto& pipeline = sharedPipeline();
  const auto file = kHome / "tests" / "pipeline" / "data" / "parity-mismatch-letter.xml";
  const auto document = pipeline.validate(readFile(file), file.string());
  const auto findings =
      checkParity(pipeline.renderHtml(document, Lang::fr).html, pipeline.renderHtml(document, Lang::nl).html);
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings.front().segment, "grounds-p-1");
  EXPECT_NE(findings.front().message.find("FR date:1994-07-14"), std::string::npos) << findings.front().message;
  EXPECT_NE(findings.front().message.find("NL date:1993-07-14"), std::string::npos) << findings.front().message;
}

TEST(Parity, AStructuralDifferenceIsCaught) {
  const std::string french = R"(<html><body><table data-segment="t"><tr><td>1</td></tr><tr><td>2</td></tr></table></body></html>)";
  const std::string dutch = R"(<html><body><table data-segment="t"><tr><td>1</td></tr></table><p data-segment="x">2</p></body></html>)";
  const auto findings = checkParity(french, dutch);
  ASSERT_EQ(findings.size(), 3u) << describe(findings);
  EXPECT_NE(describe(findings).find("t: has a different structure"), std::string::npos);
  EXPECT_NE(describe(findings).find("x: missing in the French version"), std::string::npos);
}
