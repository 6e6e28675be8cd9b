// The text helpers of a feed entry's title and summary (the texts themselves are selected
// from the input: tests/document/DocumentServiceTest.cpp).
#include <gtest/gtest.h>

#include <string>

#include "publication/EntryText.h"

namespace paraph::publication {
namespace {

std::size_t codePoints(const std::string& text) {
  std::size_t count = 0;
  for (const char character : text) count += (static_cast<unsigned char>(character) & 0xC0U) != 0x80U ? 1 : 0;
  return count;
}

TEST(EntryText, LongSummaryIsCutAtAWordWithAnEllipsis) {
  std::string words;
  for (int i = 0; i < 80; ++i) words += "mot" + std::to_string(i) + (i % 7 == 6 ? ", " : " ");
  const std::string summary = cutAtWord(collapsedWhitespace(words), kMaxSummaryCharacters);
  EXPECT_LE(codePoints(summary), kMaxSummaryCharacters);
  EXPECT_GT(codePoints(summary), kMaxSummaryCharacters - 10);
  ASSERT_TRUE(summary.ends_with("\u2026")) << summary;
  const std::string kept = summary.substr(0, summary.size() - std::string("\u2026").size());
  EXPECT_EQ(words.find(kept), 0u) << summary;
  EXPECT_TRUE(words[kept.size()] == ' ' || words[kept.size()] == ',') << summary;  // a whole word
  EXPECT_FALSE(kept.ends_with(",")) << summary;

  EXPECT_EQ(cutAtWord("court", 300), "court");
  EXPECT_EQ(cutAtWord("un deux trois", 9), "un deux\u2026");
  EXPECT_EQ(cutAtWord("un deux trois", 8), "un deux\u2026");
  EXPECT_EQ(cutAtWord("un deux trois", 7), "un\u2026");
  EXPECT_EQ(cutAtWord("anticonstitutionnellement", 6), "antic\u2026");
  // Characters, not bytes: é is two bytes and one character.
  EXPECT_EQ(cutAtWord("été été", 7), "été été");
  EXPECT_EQ(cutAtWord("été été été", 8), "été été\u2026");
}

TEST(EntryText, WhitespaceIsCollapsedButNoBreakSpacesAreKept) {
  EXPECT_EQ(collapsedWhitespace("  Budget 2026\n   des soins\t "), "Budget 2026 des soins");
  EXPECT_EQ(collapsedWhitespace("\xC2\xA0Titre\xC2\xA0:"), "\xC2\xA0Titre\xC2\xA0:");
  EXPECT_EQ(collapsedWhitespace(""), "");
}

}  // namespace
}  // namespace paraph::publication
