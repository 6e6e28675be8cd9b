#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/Settings.h"
#include "store/Store.h"

namespace paraph::http {

// Who made a request: a token's name or a signed-in user's, and the roles.
struct Principal {
  std::string name;
  std::set<std::string> roles;

  bool hasAnyRole(const std::set<std::string>& wanted) const;
};

// Checks "Authorization: Bearer <token>" against the configured tokens (auth.token.<name>)
// and the tokens issued with `paraph token issue` (in the store). Only SHA-256 hashes are
// kept, so a leaked configuration file or database does not leak a usable token; the hash
// of the presented token is compared with every configured hash in constant time. People
// in a browser sign in instead (http/Sessions).
class Authenticator {
 public:
  Authenticator(std::vector<config::TokenSettings> tokens, store::Store& store);

  // The principal for an Authorization header value, or nothing (missing, malformed, not a
  // bearer token, unknown or revoked).
  std::optional<Principal> authenticate(const std::string& authorization) const;
  bool empty() const { return tokens_.empty(); }

 private:
  std::vector<config::TokenSettings> tokens_;
  store::Store& store_;
};

}  // namespace paraph::http
