// Decimal: exact fixed-point quantities (FTE, capacities, days) that scale money.
#include "l10n/Decimal.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace paraph::l10n {
namespace {

Decimal decimal(const char* text) {
  const auto parsed = Decimal::parse(text);
  if (!parsed) throw std::invalid_argument(std::string("test decimal does not parse: ") + text);
  return *parsed;
}

TEST(DecimalParse, ReadsMantissaAndScaleAsWritten) {
  EXPECT_EQ(decimal("0.75").mantissa(), 75);
  EXPECT_EQ(decimal("0.75").scale(), 2);
  EXPECT_EQ(decimal("365").scale(), 0);
  EXPECT_EQ(decimal("-3.125").mantissa(), -3125);
  EXPECT_EQ(decimal("0.000000001").scale(), Decimal::kMaxScale);
}

TEST(DecimalParse, RejectsNonPlainOrTooPreciseOrTooLargeInput) {
  for (const char* text : {"", "-", "1e3", "+1", "1,5", ".5", "5.", " 1", "0.0000000001",
                           "9223372036854775808", "NaN"}) {
    EXPECT_FALSE(Decimal::parse(text)) << '"' << text << '"';
  }
  EXPECT_TRUE(Decimal::parse("-9223372036854775808"));
}

TEST(DecimalToString, KeepsTheWrittenScale) {
  EXPECT_EQ(decimal("1.50").toString(), "1.50");
  EXPECT_EQ(decimal("-0.5").toString(), "-0.5");
  EXPECT_EQ(decimal("12").toString(), "12");
  EXPECT_EQ(Decimal::fromParts(5, 3).toString(), "0.005");
  EXPECT_THROW(Decimal::fromParts(5, Decimal::kMaxScale + 1), std::invalid_argument);
}

TEST(DecimalCompare, ComparesValuesNotSpellings) {
  EXPECT_EQ(decimal("1.5"), decimal("1.50"));
  EXPECT_LT(decimal("0.999"), decimal("1"));
  EXPECT_GT(decimal("-0.1"), decimal("-0.11"));
}

TEST(DecimalTimes, IsExact) {
  EXPECT_EQ(decimal("12").times(decimal("365")).toString(), "4380");
  EXPECT_EQ(decimal("0.75").times(decimal("1.5")).toString(), "1.125");
  EXPECT_EQ(decimal("-0.1").times(decimal("0.1")).toString(), "-0.01");
  // Trailing zeros are dropped only when needed to stay within kMaxScale.
  EXPECT_EQ(decimal("0.00005").times(decimal("0.00002")).toString(), "0.000000001");
}

TEST(DecimalTimes, ThrowsWhenTheExactProductDoesNotFit) {
  EXPECT_THROW(decimal("0.000000001").times(decimal("0.1")), std::overflow_error);
  EXPECT_THROW(decimal("9223372036854775807").times(decimal("2")), std::overflow_error);
}

}  // namespace
}  // namespace paraph::l10n
