// FormatError: input that cannot be formatted (an impossible date, a malformed number, a
// broken message pattern). The message names the offending value so it can be shown as is.
#pragma once

#include <stdexcept>
#include <string>

namespace paraph::l10n {

class FormatError : public std::runtime_error {
 public:
  explicit FormatError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace paraph::l10n
