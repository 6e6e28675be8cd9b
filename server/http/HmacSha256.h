// HMAC-SHA256 through Poco (callback signatures, X-Hub-Signature).
#pragma once

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/SHA2Engine.h>

#include <string>

namespace paraph::http {

// SHA-256 as Poco's HMACEngine wants its engine: with its block and digest sizes.
class HmacSha256Engine : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  HmacSha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

// Lower-case hex of HMAC-SHA256(key, message).
inline std::string hmacSha256Hex(const std::string& key, const std::string& message) {
  Poco::HMACEngine<HmacSha256Engine> hmac(key);
  hmac.update(message);
  return Poco::DigestEngine::digestToHex(hmac.digest());
}

}  // namespace paraph::http
