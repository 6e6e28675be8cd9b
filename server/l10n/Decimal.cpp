#include "l10n/Decimal.h"

#include <stdexcept>

#include "l10n/FixedPoint.h"

namespace paraph::l10n {

std::optional<Decimal> Decimal::parse(std::string_view text) {
  const auto parsed = fixed_point::parse(text, kMaxScale);
  if (!parsed) return std::nullopt;
  return Decimal(static_cast<std::int64_t>(parsed->scaledValue), parsed->decimals);
}

Decimal Decimal::fromParts(std::int64_t mantissa, int scale) {
  if (scale < 0 || scale > kMaxScale) {
    throw std::invalid_argument("decimal scale must be between 0 and " +
                                std::to_string(kMaxScale));
  }
  return Decimal(mantissa, scale);
}

std::string Decimal::toString() const { return fixed_point::toString(mantissa_, scale_); }

Decimal Decimal::times(const Decimal& other) const {
  fixed_point::Wide product = fixed_point::Wide{mantissa_} * other.mantissa_;
  int productScale = scale_ + other.scale_;
  // Dropping trailing zeros keeps the value exact; anything else would be rounding.
  while (productScale > kMaxScale && product % 10 == 0) {
    product /= 10;
    --productScale;
  }
  if (productScale > kMaxScale) {
    throw std::overflow_error("product " + toString() + " * " + other.toString() +
                              " needs more than " + std::to_string(kMaxScale) + " decimals");
  }
  return Decimal(fixed_point::toInt64(product, "decimal product"), productScale);
}

bool operator==(const Decimal& left, const Decimal& right) {
  return (left <=> right) == std::weak_ordering::equivalent;
}

std::weak_ordering operator<=>(const Decimal& left, const Decimal& right) {
  // Bring both to the larger scale; int64 * 10^9 fits comfortably in 128 bits.
  const int commonScale = left.scale_ > right.scale_ ? left.scale_ : right.scale_;
  const fixed_point::Wide leftScaled =
      fixed_point::Wide{left.mantissa_} * fixed_point::powerOfTen(commonScale - left.scale_);
  const fixed_point::Wide rightScaled =
      fixed_point::Wide{right.mantissa_} * fixed_point::powerOfTen(commonScale - right.scale_);
  if (leftScaled < rightScaled) return std::weak_ordering::less;
  if (leftScaled > rightScaled) return std::weak_ordering::greater;
  return std::weak_ordering::equivalent;
}

}  // namespace paraph::l10n
