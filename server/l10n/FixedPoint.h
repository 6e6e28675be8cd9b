// Integer helpers shared by Money and Decimal: parsing a plain decimal string into a scaled
// integer, rounding a quotient half away from zero, and writing a scaled integer back out.
// Internal to paraph::l10n; everything is exact integer arithmetic on 128 bits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace paraph::l10n::fixed_point {

// 128-bit intermediates: int64 * 10^18 still fits, so no product or scaling step overflows
// before the final range check. __extension__ keeps -Wpedantic quiet about the GCC type.
__extension__ typedef __int128 Wide;

struct ParsedNumber {
  Wide scaledValue;  // the number times 10^decimals
  int decimals;      // how many digits followed the '.'
};

// "-?[0-9]+(\.[0-9]{1,maxDecimals})?", value bounded to the int64 range; otherwise nullopt.
std::optional<ParsedNumber> parse(std::string_view text, int maxDecimals);

// 10^exponent for 0 <= exponent <= 36.
Wide powerOfTen(int exponent);

// numerator / denominator rounded to the nearest integer, halves away from zero.
// denominator must not be zero.
Wide divideRoundingHalfAwayFromZero(Wide numerator, Wide denominator);

// Throws std::overflow_error naming `what` when value is outside the int64 range.
std::int64_t toInt64(Wide value, const char* what);

// scaledValue / 10^decimals written as "-?digits[.decimals]" with exactly `decimals` decimals.
std::string toString(std::int64_t scaledValue, int decimals);

}  // namespace paraph::l10n::fixed_point
