// Decimal: an exact fixed-point number for the quantities that multiply or divide money
// (full-time equivalents, capacities, days, rates). Never a float: every value is an int64
// mantissa and a count of decimals, so "0.1" is exactly one tenth.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace paraph::l10n {

class Decimal {
 public:
  // Enough for rates and FTE products; keeps mantissa * 10^scale arithmetic within __int128.
  static constexpr int kMaxScale = 9;

  // Accepts an optional '-', at least one digit, and optionally '.' followed by 1 to
  // kMaxScale digits ("12", "0.75", "-3.125"). No '+', exponent, spaces or separators.
  // Returns nullopt when the text is not such a number or does not fit in an int64 mantissa.
  static std::optional<Decimal> parse(std::string_view text);

  // mantissa / 10^scale. Throws std::invalid_argument when scale is outside 0..kMaxScale.
  static Decimal fromParts(std::int64_t mantissa, int scale);

  std::int64_t mantissa() const { return mantissa_; }
  int scale() const { return scale_; }
  bool isZero() const { return mantissa_ == 0; }

  // Keeps the scale it was written with: parse("1.50").toString() == "1.50".
  std::string toString() const;

  // The exact product. Trailing zeros are dropped only when needed to fit kMaxScale; throws
  // std::overflow_error when the exact product cannot be represented.
  Decimal times(const Decimal& other) const;

  // Compares values, not spellings: 1.5 == 1.50 (hence weak: equal values may print apart).
  friend bool operator==(const Decimal& left, const Decimal& right);
  friend std::weak_ordering operator<=>(const Decimal& left, const Decimal& right);

 private:
  Decimal(std::int64_t mantissa, int scale) : mantissa_(mantissa), scale_(scale) {}

  std::int64_t mantissa_ = 0;
  int scale_ = 0;
};

}  // namespace paraph::l10n
