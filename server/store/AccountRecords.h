// The rows of the workspace's server-side state: staff accounts, API tokens issued from the
// command line, sign-in sessions, the sign-in throttle and the server's secrets. Kept apart
// from Records.h so that a second store (PostgreSQL) ports them as one group.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace paraph::store {

// A person who signs in to the workspace. Only the Argon2id hash of the password is kept.
struct UserRecord {
  std::string name;
  std::set<std::string> roles;   // submitter, translator, reviewer, publisher, admin
  std::string passwordHash;      // Argon2id, PHC string format ("$argon2id$v=19$m=…")
  std::string language;          // "fr", "nl", or empty: the browser's Accept-Language decides
  bool disabled = false;
  std::string createdAt;
  std::string updatedAt;
};

// A machine's token (the website, a script), issued with `paraph token issue`: only its
// SHA-256 is kept. A revoked token stays listed, with when it was revoked.
struct TokenRecord {
  std::string name;
  std::string sha256;
  std::set<std::string> roles;
  std::string createdAt;
  std::string revokedAt;  // empty while the token is valid
};

// A signed-in browser. The cookie holds a random id; the store keeps only its SHA-256, so
// a copy of the database opens no session. Times are Unix seconds (UTC).
struct SessionRecord {
  std::string idSha256;
  std::string userName;
  std::int64_t createdAt = 0;
  std::int64_t seenAt = 0;  // last request, for the idle timeout
};

// Failed sign-ins for one account name, counted whether or not the account exists (so the
// throttle says nothing about which names exist).
struct SignInFailures {
  int count = 0;
  std::int64_t lastAt = 0;  // Unix seconds of the last failure
};

// Roles as the store writes them: "reviewer,translator" (sorted, comma-separated).
std::string joinRoles(const std::set<std::string>& roles);
std::set<std::string> splitRoles(const std::string& text);

}  // namespace paraph::store
