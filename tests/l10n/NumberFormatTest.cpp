// Amounts and numbers as ICU 72 writes them for fr_BE and nl_BE, from exact decimal strings.
#include <gtest/gtest.h>

#include "l10n/Formatter.h"

namespace paraph::l10n {
namespace {

Money amount(const char* text) { return Money::parse(text).value(); }

// U+202F NARROW NO-BREAK SPACE groups French thousands; U+00A0 NO-BREAK SPACE separates
// the euro sign in both languages.
TEST(FormatMoney, FrenchPutsTheEuroSignAfterANoBreakSpace) {
  EXPECT_EQ(formatMoney(Lang::fr, amount("1234.56")), "1\u202F234,56\u00A0\u20AC");
  EXPECT_EQ(formatMoney(Lang::fr, amount("1234567.89")), "1\u202F234\u202F567,89\u00A0\u20AC");
  EXPECT_EQ(formatMoney(Lang::fr, amount("-1234.56")), "-1\u202F234,56\u00A0\u20AC");
  EXPECT_EQ(formatMoney(Lang::fr, amount("-0.05")), "-0,05\u00A0\u20AC");
  EXPECT_EQ(formatMoney(Lang::fr, amount("0")), "0,00\u00A0\u20AC");
  EXPECT_EQ(formatMoney(Lang::fr, amount("12.5")), "12,50\u00A0\u20AC");
}

TEST(FormatMoney, DutchPutsTheEuroSignFirstWithANoBreakSpace) {
  EXPECT_EQ(formatMoney(Lang::nl, amount("1234.56")), "\u20AC\u00A01.234,56");
  EXPECT_EQ(formatMoney(Lang::nl, amount("1234567.89")), "\u20AC\u00A01.234.567,89");
  // CLDR nl: the minus sign comes after the euro sign.
  EXPECT_EQ(formatMoney(Lang::nl, amount("-1234.56")), "\u20AC\u00A0-1.234,56");
  EXPECT_EQ(formatMoney(Lang::nl, amount("0.05")), "\u20AC\u00A00,05");
}

TEST(FormatMoney, LargestAmountIsPrintedToTheCent) {
  // A double would print ...758,00 here; the decimal string keeps every digit.
  EXPECT_EQ(formatMoney(Lang::fr, Money::fromCents(INT64_MAX)),
            "92\u202F233\u202F720\u202F368\u202F547\u202F758,07\u00A0\u20AC");
  EXPECT_EQ(formatMoney(Lang::nl, Money::fromCents(INT64_MAX)), "\u20AC\u00A092.233.720.368.547.758,07");
}

TEST(FormatNumber, GroupsAndDecimalSeparatorPerLanguage) {
  EXPECT_EQ(formatNumber(Lang::fr, "1234.5", 0, 2), "1\u202F234,5");
  EXPECT_EQ(formatNumber(Lang::nl, "1234.5", 0, 2), "1.234,5");
  EXPECT_EQ(formatNumber(Lang::fr, "7", 2, 2), "7,00");
  EXPECT_EQ(formatNumber(Lang::nl, "-0.5", 1, 3), "-0,5");
  EXPECT_EQ(formatNumber(Lang::fr, "1000", 0, 0), "1\u202F000");  // fr groups from 4 digits
}

TEST(FormatNumber, WithoutLimitsPrintsEveryDigitGiven) {
  EXPECT_EQ(formatNumber(Lang::fr, "1234.56789"), "1\u202F234,56789");
  EXPECT_EQ(formatNumber(Lang::nl, "12345678901234567890.123456789"),
            "12.345.678.901.234.567.890,123456789");
  EXPECT_EQ(formatNumber(Lang::nl, "0.10"), "0,1");  // trailing zeros are not significant
}

TEST(FormatNumber, RoundsHalfAwayFromZeroLikeMoney) {
  EXPECT_EQ(formatNumber(Lang::fr, "2.345", 0, 2), "2,35");   // half-even would give 2,34
  EXPECT_EQ(formatNumber(Lang::fr, "-2.345", 0, 2), "-2,35");
  EXPECT_EQ(formatNumber(Lang::nl, "0.125", 0, 2), "0,13");
  EXPECT_EQ(formatNumber(Lang::nl, "2.5", 0, 0), "3");
  EXPECT_EQ(formatNumber(Lang::nl, "-2.5", 0, 0), "-3");
  EXPECT_EQ(formatNumber(Lang::fr, "2.344", 0, 2), "2,34");
}

TEST(FormatNumber, RejectsAnythingButPlainDecimals) {
  for (const char* text : {"", "1e3", "NaN", "Infinity", "1,5", " 1", "1 234", "+1", ".5", "0x1"}) {
    EXPECT_THROW(formatNumber(Lang::fr, text), FormatError) << text;
    EXPECT_THROW(formatNumber(Lang::fr, text, 0, 2), FormatError) << text;
  }
}

TEST(FormatNumber, RejectsImpossibleFractionDigitLimits) {
  EXPECT_THROW(formatNumber(Lang::fr, "1", 3, 2), FormatError);
  EXPECT_THROW(formatNumber(Lang::fr, "1", -1, 2), FormatError);
  EXPECT_THROW(formatNumber(Lang::fr, "1", 0, 21), FormatError);
}

}  // namespace
}  // namespace paraph::l10n
