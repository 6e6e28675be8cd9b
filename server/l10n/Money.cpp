#include "l10n/Money.h"

#include <stdexcept>

#include "l10n/Decimal.h"
#include "l10n/FixedPoint.h"

namespace paraph::l10n {

namespace {
constexpr int kCentDecimals = 2;
}

std::optional<Money> Money::parse(std::string_view text) {
  const auto parsed = fixed_point::parse(text, kCentDecimals);
  if (!parsed) return std::nullopt;
  // "12.3" was read as 123 with one decimal; bring it to cents.
  const fixed_point::Wide cents =
      parsed->scaledValue * fixed_point::powerOfTen(kCentDecimals - parsed->decimals);
  try {
    return Money(fixed_point::toInt64(cents, "amount"));
  } catch (const std::overflow_error&) {
    return std::nullopt;
  }
}

std::string Money::toDecimalString() const { return fixed_point::toString(cents_, kCentDecimals); }

Money Money::times(const Decimal& factor) const {
  const fixed_point::Wide exact = fixed_point::Wide{cents_} * factor.mantissa();
  return Money(fixed_point::toInt64(
      fixed_point::divideRoundingHalfAwayFromZero(exact, fixed_point::powerOfTen(factor.scale())),
      "amount times factor"));
}

Money Money::dividedBy(const Decimal& divisor) const {
  if (divisor.isZero()) throw std::domain_error("amount divided by zero");
  // cents / (mantissa / 10^scale) == cents * 10^scale / mantissa, all in 128 bits.
  const fixed_point::Wide numerator =
      fixed_point::Wide{cents_} * fixed_point::powerOfTen(divisor.scale());
  return Money(fixed_point::toInt64(
      fixed_point::divideRoundingHalfAwayFromZero(numerator, divisor.mantissa()),
      "amount divided by divisor"));
}

Money operator+(Money left, Money right) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(left.cents_, right.cents_, &sum)) {
    throw std::overflow_error("sum of amounts does not fit in 64 bits");
  }
  return Money(sum);
}

Money operator-(Money left, Money right) {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(left.cents_, right.cents_, &difference)) {
    throw std::overflow_error("difference of amounts does not fit in 64 bits");
  }
  return Money(difference);
}

}  // namespace paraph::l10n
