// ICU MessageFormat with named arguments: plural and select rules of CLDR fr and nl.
#include <gtest/gtest.h>

#include "l10n/Formatter.h"

namespace paraph::l10n {
namespace {

constexpr const char* kFiles = "{n, plural, one {# dossier} other {# dossiers}}";
constexpr const char* kSalutation =
    "{g, select, f {Madame} m {Monsieur} other {Madame, Monsieur}}";

std::string files(Lang lang, const char* count) {
  return formatMessage(lang, kFiles, {{"n", count}});
}

TEST(FormatMessage, FrenchPluralTreatsZeroAndOneAsSingular) {
  EXPECT_EQ(files(Lang::fr, "0"), "0 dossier");
  EXPECT_EQ(files(Lang::fr, "1"), "1 dossier");
  EXPECT_EQ(files(Lang::fr, "1.5"), "1,5 dossier");  // CLDR fr: one = i is 0 or 1
  EXPECT_EQ(files(Lang::fr, "2"), "2 dossiers");
  EXPECT_EQ(files(Lang::fr, "1234"), "1\u202F234 dossiers");
}

TEST(FormatMessage, DutchPluralTreatsOnlyOneAsSingular) {
  EXPECT_EQ(files(Lang::nl, "0"), "0 dossiers");
  EXPECT_EQ(files(Lang::nl, "1"), "1 dossier");
  EXPECT_EQ(files(Lang::nl, "1.5"), "1,5 dossiers");
  EXPECT_EQ(files(Lang::nl, "1234"), "1.234 dossiers");
}

TEST(FormatMessage, SelectPicksTheSalutation) {
  EXPECT_EQ(formatMessage(Lang::fr, kSalutation, {{"g", "f"}}), "Madame");
  EXPECT_EQ(formatMessage(Lang::fr, kSalutation, {{"g", "m"}}), "Monsieur");
  EXPECT_EQ(formatMessage(Lang::fr, kSalutation, {{"g", "x"}}), "Madame, Monsieur");
  EXPECT_EQ(formatMessage(Lang::fr, kSalutation, {{"g", ""}}), "Madame, Monsieur");
}

TEST(FormatMessage, CombinesTextNumbersAndApostrophes) {
  const char* pattern =
      "{g, select, f {Madame} m {Monsieur} other {Madame, Monsieur}} {name}, l'assur\u00E9 a "
      "{n, plural, one {# dossier ouvert} other {# dossiers ouverts}}.";
  EXPECT_EQ(formatMessage(Lang::fr, pattern, {{"name", "Dupont"}, {"g", "m"}, {"n", "3"}}),
            "Monsieur Dupont, l'assur\u00E9 a 3 dossiers ouverts.");
}

TEST(FormatMessage, NumbersArePassedExactly) {
  EXPECT_EQ(formatMessage(Lang::nl, "{x, number, ::precision-unlimited}",
                          {{"x", "12345678901234567.125"}}),
            "12.345.678.901.234.567,125");
}

TEST(FormatMessage, BrokenPatternIsAFormatError) {
  EXPECT_THROW(formatMessage(Lang::fr, "{n, plural, one {# dossier}", {{"n", "1"}}), FormatError);
  EXPECT_THROW(formatMessage(Lang::nl, "{n, plural, one {x}}", {{"n", "1"}}), FormatError);
}

}  // namespace
}  // namespace paraph::l10n
