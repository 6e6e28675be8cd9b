// Money: an exact amount of euros, held as a whole number of cents. Amounts are parsed from
// and written to plain decimal strings; nothing here ever goes through a float.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace paraph::l10n {

class Decimal;

class Money {
 public:
  // Accepts an optional '-', at least one digit, and optionally '.' followed by one or two
  // digits: "1234", "1234.5", "1234.56", "-12.30". Rejects '+', exponents ("1e3"), spaces,
  // thousands separators, a third decimal and anything outside the int64 range of cents.
  static std::optional<Money> parse(std::string_view text);
  static Money fromCents(std::int64_t cents) { return Money(cents); }

  std::int64_t cents() const { return cents_; }
  bool isPositive() const { return cents_ > 0; }

  // Always two decimals, '.' as separator, no grouping: "1234.56", "-0.05", "0.00".
  // This is the form ICU's decimal formatting and the XML documents exchange.
  std::string toDecimalString() const;

  // Rounding rule for both, documented once: the exact result is rounded to the cent half
  // away from zero ("commercial rounding"): 0.005 -> 0.01, -0.005 -> -0.01.
  // Both throw std::overflow_error when the result does not fit; dividedBy throws
  // std::domain_error when dividing by zero.
  Money times(const Decimal& factor) const;
  Money dividedBy(const Decimal& divisor) const;

  // Throw std::overflow_error instead of wrapping around.
  friend Money operator+(Money left, Money right);
  friend Money operator-(Money left, Money right);
  friend bool operator==(Money left, Money right) = default;
  friend std::strong_ordering operator<=>(Money left, Money right) = default;

 private:
  explicit Money(std::int64_t cents) : cents_(cents) {}

  std::int64_t cents_ = 0;
};

}  // namespace paraph::l10n
