// Passwords and random secrets for the workspace's accounts and sessions.
#pragma once

#include <cstddef>
#include <string>

namespace paraph::store {

// An Argon2id hash of `password` with a fresh random salt, in the PHC string format
// ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash"), which carries its own parameters so that
// stronger ones later still verify the old hashes.
std::string hashPassword(const std::string& password);
// Whether `password` matches `encoded` (false for a malformed hash); constant time in the
// comparison, as libargon2 does it.
bool passwordMatches(const std::string& encoded, const std::string& password);

// `bytes` random bytes from the kernel (getrandom), as lower-case hex.
std::string randomHex(std::size_t bytes);

}  // namespace paraph::store
