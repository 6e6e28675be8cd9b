#include <gtest/gtest.h>

#include <set>

#include "review/SegmentExtractor.h"
#include "review/ReviewTestSupport.h"

using paraph::l10n::Lang;
using paraph::review::InlineSpan;
using paraph::testing::fixture;
using paraph::testing::replacedOnce;
using paraph::testing::segmentAt;
using paraph::testing::segmentsOf;

namespace {
const std::string kGroundsFr =
    "        <fr>Le programme demandé valorise votre capacité de travail potentielle";
const std::string kNewParagraph =
    "      <p>\n        <fr>Une nouvelle considération, insérée avant les autres.</fr>\n"
    "        <nl>Een nieuwe overweging, ingevoegd vóór de andere.</nl>\n      </p>\n";
}  // namespace

TEST(Segments, EveryBilingualFieldOfALetterIsASegmentWithItsPathContextAndTexts) {
  const auto document = segmentsOf(fixture("letter/refused-charleroi-fr.xml"));
  EXPECT_EQ(document.documentType, "letter");
  EXPECT_EQ(document.documentId, "RP-2026-00298");
  EXPECT_EQ(document.sourceLanguage, Lang::fr);
  // description, facts p, grounds p, two service names, signatory function.
  ASSERT_EQ(document.segments.size(), 6u);
  const auto* grounds = segmentAt(document, "/letter/motivation/grounds/p");
  ASSERT_NE(grounds, nullptr);
  EXPECT_EQ(grounds->context.documentType, "letter");
  EXPECT_EQ(grounds->context.field, "motivation/grounds/p");
  EXPECT_EQ(grounds->id.rfind("motivation.grounds.p-", 0), 0u) << grounds->id;
  EXPECT_EQ(grounds->sourceLanguage, Lang::fr);
  EXPECT_NE(grounds->source().plainText().find("article 109bis"), std::string::npos);
  EXPECT_NE(grounds->target().plainText().find("artikel 109bis"), std::string::npos);
  std::set<std::string> ids;
  for (const auto& segment : document.segments) EXPECT_TRUE(ids.insert(segment.id).second) << segment.id;
}

TEST(Segments, ADutchSourceDocumentHasFrenchTargets) {
  const auto document = segmentsOf(fixture("letter/refused-gent-nl.xml"));
  EXPECT_EQ(document.sourceLanguage, Lang::nl);
  ASSERT_FALSE(document.segments.empty());
  EXPECT_EQ(document.segments.front().targetLanguage(), Lang::fr);
}

TEST(Segments, EveryTypeIsSegmentedWithInlineReferencesKeptAsElements) {
  for (const std::string type : {"letter", "convention", "circular", "press-release", "minutes"}) {
    for (const auto& file : paraph::testing::filesIn(paraph::testing::kHome / "fixtures" / type, ".xml")) {
      SCOPED_TRACE(file.string());
      const auto document = segmentsOf(paraph::testing::readFile(file), file.string());
      EXPECT_EQ(document.documentType, type);
      EXPECT_GE(document.segments.size(), 3u);
    }
  }
  const auto convention = segmentsOf(fixture("convention/psychosocial-liege-fr.xml"));
  bool sawReference = false;
  for (const auto& segment : convention.segments) {
    for (const auto& span : segment.source().spans) {
      if (span.kind == InlineSpan::Kind::standalone && span.text == "ref") {
        sawReference = true;
        EXPECT_EQ(span.markup().rfind("<ref ", 0), 0u);
        EXPECT_NE(segment.context.location.find("article art-"), std::string::npos) << segment.context.location;
      }
    }
  }
  EXPECT_TRUE(sawReference);
}

TEST(Segments, AParagraphInsertedBeforeAnotherLeavesItsIdUnchanged) {
  const std::string before = fixture("letter/granted-liege-fr.xml");
  const std::string after = replacedOnce(before, "      <p>\n" + kGroundsFr, kNewParagraph + "      <p>\n" + kGroundsFr);
  const auto first = segmentsOf(before);
  const auto second = segmentsOf(after);
  ASSERT_EQ(second.segments.size(), first.segments.size() + 1);
  const auto* groundsBefore = segmentAt(first, "/letter/motivation/grounds/p");
  const auto* groundsAfter = segmentAt(second, "/letter/motivation/grounds/p[2]");
  ASSERT_NE(groundsBefore, nullptr);
  ASSERT_NE(groundsAfter, nullptr);
  EXPECT_EQ(groundsAfter->id, groundsBefore->id);  // its position changed, its id did not
  for (const auto& segment : first.segments) EXPECT_NE(second.find(segment.id), nullptr) << segment.id;
}

TEST(Segments, ChangingASourceTextChangesOnlyItsId) {
  const std::string before = fixture("letter/granted-liege-fr.xml");
  const std::string after = replacedOnce(before, "lombalgie chronique", "hernie discale");
  const auto first = segmentsOf(before);
  const auto second = segmentsOf(after);
  ASSERT_EQ(first.segments.size(), second.segments.size());
  std::size_t changed = 0;
  for (std::size_t index = 0; index < first.segments.size(); ++index) {
    if (first.segments[index].id != second.segments[index].id) {
      ++changed;
      EXPECT_EQ(second.segments[index].path, "/letter/motivation/facts/p");
    }
  }
  EXPECT_EQ(changed, 1u);
}

TEST(Segments, ATargetEditOrSpacingInTheSourceKeepsTheId) {
  const std::string before = fixture("letter/granted-liege-fr.xml");
  const auto first = segmentsOf(before);
  const auto retranslated = segmentsOf(replacedOnce(before, "chronische lagerugpijn", "chronische rugpijn"));
  const auto rewrapped = segmentsOf(replacedOnce(before, "en raison d'une lombalgie", "en raison\n   d'une\u00A0lombalgie"));
  for (std::size_t index = 0; index < first.segments.size(); ++index) {
    EXPECT_EQ(retranslated.segments[index].id, first.segments[index].id);
    EXPECT_EQ(rewrapped.segments[index].id, first.segments[index].id);
  }
}

TEST(Segments, IdenticalTextsInTheSameFieldGetDistinctStableIds) {
  const std::string input = R"(<doc xmlns="urn:example" id="d" source-language="fr">
  <p><fr>Même texte.</fr><nl>Zelfde tekst.</nl></p>
  <p><fr>Même texte.</fr><nl>Zelfde tekst.</nl></p>
</doc>)";
  const auto document = segmentsOf(input);
  ASSERT_EQ(document.segments.size(), 2u);
  EXPECT_EQ(document.segments[1].id, document.segments[0].id + "-2");
}

TEST(Segments, AnExplicitPermanentIdIsHonoured) {
  const std::string input = R"(<doc xmlns="urn:example" id="d" source-language="nl">
  <p eId="art_1__para_1"><fr>Texte.</fr><nl>Tekst.</nl></p>
</doc>)";
  const auto document = segmentsOf(input);
  ASSERT_EQ(document.segments.size(), 1u);
  EXPECT_EQ(document.segments[0].id, "art_1__para_1");
  EXPECT_NE(segmentsOf(replacedOnce(input, "Tekst.", "Andere tekst.")).segments[0].fingerprint,
            document.segments[0].fingerprint);
}
