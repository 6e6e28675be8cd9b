#include "store/Credentials.h"

#include <argon2.h>
#include <sys/random.h>

#include <cerrno>
#include <stdexcept>
#include <vector>

namespace paraph::store {
namespace {

// OWASP's recommended minimum for Argon2id (19 MiB, 2 passes, 1 lane): a sign-in costs tens
// of milliseconds, and guessing offline costs as much memory per guess.
constexpr std::uint32_t kMemoryKiB = 19 * 1024;
constexpr std::uint32_t kPasses = 2;
constexpr std::uint32_t kLanes = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

void fillRandom(unsigned char* data, std::size_t size) {
  std::size_t filled = 0;
  while (filled < size) {
    const ssize_t got = ::getrandom(data + filled, size - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("getrandom failed");
    }
    filled += static_cast<std::size_t>(got);
  }
}

}  // namespace

std::string hashPassword(const std::string& password) {
  std::vector<unsigned char> salt(kSaltBytes);
  fillRandom(salt.data(), salt.size());
  std::vector<char> encoded(argon2_encodedlen(kPasses, kMemoryKiB, kLanes, kSaltBytes, kHashBytes, Argon2_id));
  const int result = argon2id_hash_encoded(kPasses, kMemoryKiB, kLanes, password.data(), password.size(), salt.data(),
                                           salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (result != ARGON2_OK) throw std::runtime_error(std::string("argon2id: ") + argon2_error_message(result));
  return std::string(encoded.data());
}

bool passwordMatches(const std::string& encoded, const std::string& password) {
  if (encoded.rfind("$argon2id$", 0) != 0) return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

std::string randomHex(std::size_t bytes) {
  std::vector<unsigned char> data(bytes);
  fillRandom(data.data(), data.size());
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  text.reserve(2 * bytes);
  for (unsigned char byte : data) {
    text.push_back(kDigits[byte >> 4]);
    text.push_back(kDigits[byte & 0x0f]);
  }
  return text;
}

}  // namespace paraph::store
