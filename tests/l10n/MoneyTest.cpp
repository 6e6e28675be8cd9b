// Money: exact cents, strict parsing, and the one rounding rule (half away from zero).
#include "l10n/Money.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "l10n/Decimal.h"

namespace paraph::l10n {
namespace {

Money amount(const char* text) {
  const auto parsed = Money::parse(text);
  if (!parsed) throw std::invalid_argument(std::string("test amount does not parse: ") + text);
  return *parsed;
}

Decimal decimal(const char* text) {
  const auto parsed = Decimal::parse(text);
  if (!parsed) throw std::invalid_argument(std::string("test decimal does not parse: ") + text);
  return *parsed;
}

TEST(MoneyParse, AcceptsWholeEurosAndOneOrTwoDecimals) {
  EXPECT_EQ(amount("1234").cents(), 123400);
  EXPECT_EQ(amount("1234.5").cents(), 123450);
  EXPECT_EQ(amount("1234.56").cents(), 123456);
  EXPECT_EQ(amount("-12.30").cents(), -1230);
  EXPECT_EQ(amount("0").cents(), 0);
  EXPECT_EQ(amount("007.10").cents(), 710);
}

TEST(MoneyParse, SmallNegativeAmountKeepsItsSign) {
  const Money fiveCentsDue = amount("-0.05");
  EXPECT_EQ(fiveCentsDue.cents(), -5);
  EXPECT_EQ(fiveCentsDue.toDecimalString(), "-0.05");
  EXPECT_FALSE(fiveCentsDue.isPositive());
}

TEST(MoneyParse, RejectsAThirdDecimalRatherThanRounding) {
  EXPECT_FALSE(Money::parse("1234.567"));
  EXPECT_FALSE(Money::parse("0.005"));
  EXPECT_FALSE(Money::parse("1.000"));
}

TEST(MoneyParse, RejectsEverythingButPlainDecimals) {
  for (const char* text : {"", "-", "+1", "1e3", "1E3", "1,5", "1 234", "1.234,56", " 1", "1 ",
                           ".5", "5.", "-.5", "1.2.3", "--1", "0x10", "NaN", "inf", "12€",
                           "\xD9\xA1"}) {  // the last is ARABIC-INDIC DIGIT ONE
    EXPECT_FALSE(Money::parse(text)) << '"' << text << '"';
  }
}

TEST(MoneyParse, AcceptsTheFullInt64RangeOfCentsAndRejectsOneMore) {
  EXPECT_EQ(amount("92233720368547758.07").cents(), INT64_MAX);
  EXPECT_EQ(amount("-92233720368547758.08").cents(), INT64_MIN);
  EXPECT_FALSE(Money::parse("92233720368547758.08"));
  EXPECT_FALSE(Money::parse("-92233720368547758.09"));
  EXPECT_FALSE(Money::parse("999999999999999999999999999999999999999999"));
}

TEST(MoneyToDecimalString, AlwaysTwoDecimalsAndRoundTrips) {
  EXPECT_EQ(Money::fromCents(123456).toDecimalString(), "1234.56");
  EXPECT_EQ(Money::fromCents(0).toDecimalString(), "0.00");
  EXPECT_EQ(Money::fromCents(7).toDecimalString(), "0.07");
  EXPECT_EQ(Money::fromCents(-100).toDecimalString(), "-1.00");
  EXPECT_EQ(Money::fromCents(INT64_MIN).toDecimalString(), "-92233720368547758.08");
  EXPECT_EQ(Money::fromCents(INT64_MAX).toDecimalString(), "92233720368547758.07");
  for (const char* text : {"1234.56", "-0.05", "0.10", "-92233720368547758.08"}) {
    EXPECT_EQ(amount(text).toDecimalString(), text);
  }
}

TEST(MoneyArithmetic, AddsSubtractsAndCompares) {
  EXPECT_EQ(amount("0.10") + amount("0.20"), amount("0.30"));  // no binary-fraction drift
  EXPECT_EQ(amount("10.00") - amount("10.01"), amount("-0.01"));
  EXPECT_LT(amount("-0.01"), amount("0"));
  EXPECT_GT(amount("1000"), amount("999.99"));
  EXPECT_TRUE(amount("0.01").isPositive());
  EXPECT_FALSE(amount("0").isPositive());
}

TEST(MoneyArithmetic, OverflowThrowsInsteadOfWrapping) {
  EXPECT_THROW(Money::fromCents(INT64_MAX) + Money::fromCents(1), std::overflow_error);
  EXPECT_THROW(Money::fromCents(INT64_MIN) - Money::fromCents(1), std::overflow_error);
}

TEST(MoneyRounding, HalfCentRoundsAwayFromZeroForBothSigns) {
  EXPECT_EQ(Money::fromCents(1).times(decimal("0.5")).cents(), 1);     // 0.005 -> 0.01
  EXPECT_EQ(Money::fromCents(-1).times(decimal("0.5")).cents(), -1);   // -0.005 -> -0.01
  EXPECT_EQ(Money::fromCents(3).times(decimal("0.5")).cents(), 2);     // 0.015 -> 0.02
  EXPECT_EQ(Money::fromCents(5).times(decimal("0.5")).cents(), 3);     // 0.025 -> 0.03 (not even)
  EXPECT_EQ(Money::fromCents(-5).times(decimal("0.5")).cents(), -3);
  EXPECT_EQ(Money::fromCents(1).times(decimal("0.49")).cents(), 0);    // below half: down
  EXPECT_EQ(Money::fromCents(-1).times(decimal("0.49")).cents(), 0);
  EXPECT_EQ(Money::fromCents(1).dividedBy(decimal("2")).cents(), 1);
  EXPECT_EQ(Money::fromCents(-1).dividedBy(decimal("2")).cents(), -1);
  EXPECT_EQ(Money::fromCents(1).dividedBy(decimal("-2")).cents(), -1);
  EXPECT_EQ(Money::fromCents(-1).dividedBy(decimal("-2")).cents(), 1);
}

TEST(MoneyRounding, ConventionBudgetExamples) {
  // Salary per FTE x FTE: 48 123.45 x 0.75 = 36 092.5875 -> 36 092.59.
  EXPECT_EQ(amount("48123.45").times(decimal("0.75")), amount("36092.59"));
  // Budget / (capacity x days): 1 000 000 / (12 x 365) = 228.3105… -> 228.31.
  const Decimal placeDays = decimal("12").times(decimal("365"));
  EXPECT_EQ(amount("1000000").dividedBy(placeDays), amount("228.31"));
  // 100 / 3 = 33.333… -> 33.33, and 200 / 3 = 66.666… -> 66.67.
  EXPECT_EQ(amount("100").dividedBy(decimal("3")), amount("33.33"));
  EXPECT_EQ(amount("200").dividedBy(decimal("3")), amount("66.67"));
  // Dividing by a fractional divisor: 100 / 0.8 = 125.
  EXPECT_EQ(amount("100").dividedBy(decimal("0.8")), amount("125"));
}

TEST(MoneyRounding, OverflowAndDivisionByZeroThrow) {
  EXPECT_THROW(Money::fromCents(INT64_MAX).times(decimal("2")), std::overflow_error);
  EXPECT_THROW(Money::fromCents(INT64_MIN).times(decimal("-1")), std::overflow_error);
  EXPECT_THROW(amount("1000000000000000").dividedBy(decimal("0.001")), std::overflow_error);
  EXPECT_THROW(amount("100").dividedBy(decimal("0")), std::domain_error);
  EXPECT_THROW(amount("100").dividedBy(decimal("0.000")), std::domain_error);
}

}  // namespace
}  // namespace paraph::l10n
