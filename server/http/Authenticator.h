#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/Settings.h"

namespace paraph::http {

// Who made a request: the configured token's name and its roles.
struct Principal {
  std::string name;
  std::set<std::string> roles;

  bool hasAnyRole(const std::set<std::string>& wanted) const;
};

// Checks "Authorization: Bearer <token>" (or, where the caller allows it — a browser on the
// review page — "Basic" with the token as the password) against the configured tokens. Only SHA-256 hashes
// are configured, so a leaked configuration file does not leak a usable token; the hash of
// the presented token is compared with every configured hash in constant time.
class Authenticator {
 public:
  explicit Authenticator(std::vector<config::TokenSettings> tokens);

  // The principal for an Authorization header value, or nothing (missing, malformed, unknown,
  // or Basic where it is not allowed: the API takes bearer tokens only).
  std::optional<Principal> authenticate(const std::string& authorization, bool allowBasic = false) const;
  bool empty() const { return tokens_.empty(); }

 private:
  std::vector<config::TokenSettings> tokens_;
};

}  // namespace paraph::http
