#include "l10n/FixedPoint.h"

#include <limits>
#include <stdexcept>

namespace paraph::l10n::fixed_point {

namespace {

bool isDigit(char character) { return character >= '0' && character <= '9'; }

// Magnitudes above this cannot be represented as int64 (the negative side allows one more).
constexpr Wide kLargestMagnitude = Wide{std::numeric_limits<std::int64_t>::max()} + 1;

}  // namespace

std::optional<ParsedNumber> parse(std::string_view text, int maxDecimals) {
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  const std::size_t dot = text.find('.');
  const std::string_view integerDigits = text.substr(0, dot);
  const std::string_view fractionDigits =
      dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (integerDigits.empty()) return std::nullopt;                  // ".5", "-", ""
  if (dot != std::string_view::npos && fractionDigits.empty()) return std::nullopt;  // "5."
  if (fractionDigits.size() > static_cast<std::size_t>(maxDecimals)) return std::nullopt;

  Wide magnitude = 0;
  for (std::string_view digits : {integerDigits, fractionDigits}) {
    for (char character : digits) {
      if (!isDigit(character)) return std::nullopt;
      magnitude = magnitude * 10 + (character - '0');
      // Checked per digit so arbitrarily long input cannot overflow the 128-bit accumulator.
      if (magnitude > kLargestMagnitude) return std::nullopt;
    }
  }
  if (!negative && magnitude == kLargestMagnitude) return std::nullopt;
  return ParsedNumber{negative ? -magnitude : magnitude, static_cast<int>(fractionDigits.size())};
}

Wide powerOfTen(int exponent) {
  if (exponent < 0 || exponent > 36) throw std::invalid_argument("power of ten out of range");
  Wide result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

Wide divideRoundingHalfAwayFromZero(Wide numerator, Wide denominator) {
  if (denominator == 0) throw std::domain_error("division by zero");
  // C++ division truncates toward zero; the remainder tells whether to step one further out.
  Wide quotient = numerator / denominator;
  const Wide remainder = numerator % denominator;
  const Wide absoluteRemainder = remainder < 0 ? -remainder : remainder;
  const Wide absoluteDenominator = denominator < 0 ? -denominator : denominator;
  if (absoluteRemainder * 2 >= absoluteDenominator) {
    const bool resultIsNegative = (numerator < 0) != (denominator < 0);
    quotient += resultIsNegative ? -1 : 1;
  }
  return quotient;
}

std::int64_t toInt64(Wide value, const char* what) {
  if (value > std::numeric_limits<std::int64_t>::max() ||
      value < std::numeric_limits<std::int64_t>::min()) {
    throw std::overflow_error(std::string(what) + " does not fit in 64 bits");
  }
  return static_cast<std::int64_t>(value);
}

std::string toString(std::int64_t scaledValue, int decimals) {
  // Unsigned magnitude so that the int64 minimum has a representable absolute value.
  std::uint64_t magnitude = scaledValue < 0 ? 0 - static_cast<std::uint64_t>(scaledValue)
                                            : static_cast<std::uint64_t>(scaledValue);
  std::string reversedDigits;
  for (int position = 0; magnitude != 0 || position <= decimals; ++position) {
    if (position == decimals && decimals > 0) reversedDigits.push_back('.');
    reversedDigits.push_back(static_cast<char>('0' + magnitude % 10));
    magnitude /= 10;
  }
  if (scaledValue < 0) reversedDigits.push_back('-');
  return {reversedDigits.rbegin(), reversedDigits.rend()};
}

}  // namespace paraph::l10n::fixed_point
