// Collation rules of CLDR fr (fr_BE inherits it) and nl, and sort keys that reproduce them
// under a plain byte-wise sort.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "l10n/Formatter.h"

namespace paraph::l10n {
namespace {

using Words = std::vector<std::string>;

Words sortedByCompare(Lang lang, Words words) {
  std::sort(words.begin(), words.end(),
            [lang](const std::string& a, const std::string& b) { return compare(lang, a, b) < 0; });
  return words;
}

Words sortedByKey(Lang lang, Words words) {
  std::sort(words.begin(), words.end(), [lang](const std::string& a, const std::string& b) {
    return collationKey(lang, a) < collationKey(lang, b);
  });
  return words;
}

TEST(Collation, FrenchAccentsAreComparedFromTheStartNotBackwards) {
  // Canadian French compares accents from the end (côte < coté); CLDR fr and fr_BE do not.
  const Words expected{"cote", "cot\u00E9", "c\u00F4te", "C\u00F4te", "c\u00F4t\u00E9"};
  const Words shuffled{"c\u00F4t\u00E9", "C\u00F4te", "cote", "c\u00F4te", "cot\u00E9"};
  EXPECT_EQ(sortedByCompare(Lang::fr, shuffled), expected);
  EXPECT_EQ(sortedByKey(Lang::fr, shuffled), expected);
  EXPECT_TRUE(compare(Lang::fr, "cot\u00E9", "c\u00F4te") < 0);
}

TEST(Collation, FrenchAccentedLettersSortWithTheirBaseLetter) {
  // Byte order would put every accented capital after z.
  const Words expected{"abricot", "eclair", "Eclair", "\u00E9clair", "ete", "\u00E9t\u00E9",
                       "\u00C9t\u00E9", "z\u00E8bre"};
  const Words shuffled{"z\u00E8bre", "\u00C9t\u00E9", "\u00E9clair", "ete", "Eclair",
                       "abricot", "\u00E9t\u00E9", "eclair"};
  EXPECT_EQ(sortedByCompare(Lang::fr, shuffled), expected);
  EXPECT_EQ(sortedByKey(Lang::fr, shuffled), expected);
}

TEST(Collation, DutchSortsIjAsIPlusJNotAsY) {
  // CLDR nl has no tailoring for ij: IJsselmeer files under I, between ij… and ik…
  const Words expected{"Ieper", "ijs", "IJsselmeer", "IJzer", "ik", "Izegem", "yacht", "Ypres"};
  const Words shuffled{"Ypres", "IJzer", "ik", "Izegem", "IJsselmeer", "yacht", "Ieper", "ijs"};
  EXPECT_EQ(sortedByCompare(Lang::nl, shuffled), expected);
  EXPECT_EQ(sortedByKey(Lang::nl, shuffled), expected);
}

TEST(Collation, DutchCaseAndAccentsAreTieBreakersOnly) {
  const Words expected{"een", "E\u00E9n", "\u00E9\u00E9n", "\u00C9\u00E9n", "eender"};
  const Words shuffled{"eender", "\u00C9\u00E9n", "een", "\u00E9\u00E9n", "E\u00E9n"};
  EXPECT_EQ(sortedByCompare(Lang::nl, shuffled), expected);
  EXPECT_EQ(sortedByKey(Lang::nl, shuffled), expected);
}

TEST(Collation, DecomposedAccentsSortLikePrecomposedOnes) {
  EXPECT_TRUE(compare(Lang::fr, "e\u0301t\u00E9", "\u00E9t\u00E9") == 0);
  EXPECT_EQ(collationKey(Lang::fr, "e\u0301t\u00E9"), collationKey(Lang::fr, "\u00E9t\u00E9"));
}

TEST(CollationKey, IsLowercaseHexAndEqualForEqualText) {
  const std::string key = collationKey(Lang::nl, "Brussel");
  ASSERT_FALSE(key.empty());
  EXPECT_EQ(key.size() % 2, 0U);
  EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(key, collationKey(Lang::nl, "Brussel"));
  EXPECT_NE(key, collationKey(Lang::nl, "brussel"));
  EXPECT_EQ(collationKey(Lang::fr, ""), collationKey(Lang::fr, ""));
  EXPECT_LT(collationKey(Lang::fr, ""), collationKey(Lang::fr, "a"));
}

TEST(CollationKey, RejectsInvalidUtf8) {
  EXPECT_THROW(collationKey(Lang::fr, "caf\xE9"), FormatError);  // Latin-1, not UTF-8
}

}  // namespace
}  // namespace paraph::l10n
