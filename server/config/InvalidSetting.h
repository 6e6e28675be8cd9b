// paraph::config::InvalidSetting: a settings file paraph cannot start with.
#pragma once

#include <stdexcept>
#include <string>

namespace paraph::config {

// A key paraph does not know, or a value it cannot use; the message names the key. A
// configuration mistake rather than an internal failure, so the command line can say so.
class InvalidSetting : public std::runtime_error {
 public:
  explicit InvalidSetting(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace paraph::config
