#include <gtest/gtest.h>

#include "review/DraftMarking.h"
#include "review/ReviewTestSupport.h"
#include "review/TranslationStatus.h"

using paraph::l10n::Lang;
using paraph::review::changedSegments;
using paraph::review::markMissingTranslations;
using paraph::review::translationStatusOf;
using paraph::testing::fixture;
using paraph::testing::replacedOnce;
using paraph::testing::segmentAt;
using paraph::testing::segmentsOf;
using paraph::testing::sharedPipeline;

TEST(TranslationStatus, AFullyTranslatedFixtureIsComplete) {
  for (const std::string name : {"letter/granted-liege-fr.xml", "letter/refused-gent-nl.xml",
                                 "convention/psychosocial-liege-fr.xml"}) {
    SCOPED_TRACE(name);
    const auto status = translationStatusOf(segmentsOf(fixture(name)));
    EXPECT_TRUE(status.complete());
    EXPECT_TRUE(status.missingTarget.empty());
  }
}

TEST(TranslationStatus, AMissingTranslationMakesADraftNamingTheSegment) {
  const auto document = segmentsOf(fixture("invalid/missing-translation.xml"));
  const auto status = translationStatusOf(document);
  EXPECT_FALSE(status.complete());
  ASSERT_EQ(status.missingTarget.size(), 1u);
  const auto* grounds = segmentAt(document, "/letter/motivation/grounds/p");
  ASSERT_NE(grounds, nullptr);
  EXPECT_EQ(status.missingTarget.front(), grounds->id);
  EXPECT_EQ(status.needingTranslation(document), status.missingTarget);
}

TEST(TranslationStatus, AnEmptyTargetElementIsMissingToo) {
  std::string input = fixture("letter/granted-liege-fr.xml");
  const auto start = input.find("<nl>Uw adviserend arts verklaart");
  const auto end = input.find("</nl>", start) + 5;
  input.replace(start, end - start, "<nl>  </nl>");
  const auto status = translationStatusOf(segmentsOf(input));
  ASSERT_EQ(status.missingTarget.size(), 1u);
  EXPECT_EQ(status.missingTarget.front(), segmentAt(segmentsOf(input), "/letter/motivation/facts/p")->id);
}

TEST(TranslationStatus, ASourceChangedWithoutItsTranslationIsOutdated) {
  const std::string first = fixture("letter/granted-liege-fr.xml");
  const std::string sourceOnly = replacedOnce(first, "lombalgie chronique", "hernie discale");
  const auto previous = segmentsOf(first);
  const auto current = segmentsOf(sourceOnly);
  EXPECT_EQ(changedSegments(previous, current).size(), 1u);
  const auto status = translationStatusOf(current, &previous);
  EXPECT_FALSE(status.complete());
  ASSERT_EQ(status.outdatedTarget.size(), 1u);
  EXPECT_EQ(status.outdatedTarget.front(), segmentAt(current, "/letter/motivation/facts/p")->id);

  // Both languages changed together: a new translation, complete.
  const std::string both = replacedOnce(sourceOnly, "chronische lagerugpijn", "een hernia");
  const auto retranslated = segmentsOf(both);
  const auto bothStatus = translationStatusOf(retranslated, &previous);
  EXPECT_TRUE(bothStatus.complete());
  EXPECT_EQ(bothStatus.changedSource.size(), 1u);
}

TEST(DraftMarking, MissingTextsAreFilledWithTheCatalogMarkerSoTheDraftRendersVisiblyMarked) {
  const auto& pipeline = sharedPipeline();
  const std::string draft = fixture("invalid/missing-translation.xml");
  EXPECT_THROW(pipeline.validate(draft, "draft.xml"), paraph::xml::InvalidInput);

  const auto marked = markMissingTranslations(draft, "draft.xml", pipeline.texts());
  ASSERT_EQ(marked.marked.size(), 1u);
  EXPECT_EQ(marked.marked.front(), translationStatusOf(segmentsOf(draft)).missingTarget.front());
  EXPECT_NE(marked.input.find("<nl>[vertaling ontbreekt]</nl>"), std::string::npos);
  EXPECT_EQ(marked.input.find("[traduction manquante]"), std::string::npos);

  const auto document = pipeline.validate(marked.input, "draft-marked.xml");
  EXPECT_NE(pipeline.renderHtml(document, Lang::nl).html.find("[vertaling ontbreekt]"), std::string::npos);
  EXPECT_EQ(pipeline.renderHtml(document, Lang::fr).html.find("[vertaling ontbreekt]"), std::string::npos);
}

TEST(DraftMarking, AFrenchTargetGetsTheFrenchMarkerAndACompleteDocumentIsUnchanged) {
  const auto& pipeline = sharedPipeline();
  const std::string complete = fixture("letter/refused-gent-nl.xml");
  const auto unchanged = markMissingTranslations(complete, "complete.xml", pipeline.texts());
  EXPECT_TRUE(unchanged.marked.empty());
  EXPECT_EQ(segmentsOf(unchanged.input).segments.size(), segmentsOf(complete).segments.size());

  const std::string input = R"(<doc xmlns="urn:example" id="d" source-language="nl">
  <p><nl>Tekst.</nl></p>
</doc>)";
  const auto marked = markMissingTranslations(input, "d.xml", pipeline.texts());
  EXPECT_NE(marked.input.find("<fr>[traduction manquante]</fr><nl>Tekst.</nl>"), std::string::npos) << marked.input;
}
