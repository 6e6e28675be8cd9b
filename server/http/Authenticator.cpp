#include "http/Authenticator.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Exception.h>
#include <Poco/String.h>

#include <iterator>
#include <sstream>

#include "xml/Sha256.h"

namespace paraph::http {
namespace {

bool sameInConstantTime(const std::string& left, const std::string& right) {
  if (left.size() != right.size()) return false;
  unsigned char difference = 0;
  for (std::size_t index = 0; index < left.size(); ++index) {
    difference = static_cast<unsigned char>(difference | (left[index] ^ right[index]));
  }
  return difference == 0;
}

// The token in "Bearer <token>", or the password in "Basic base64(<name>:<token>)" (what a
// browser sends for the review page; the name is only what the user typed); empty otherwise.
std::string presentedToken(const std::string& authorization, bool allowBasic) {
  const auto space = authorization.find(' ');
  if (space == std::string::npos) return {};
  const std::string scheme = Poco::toLower(authorization.substr(0, space));
  const std::string credentials = Poco::trim(authorization.substr(space + 1));
  if (scheme == "bearer") return credentials;
  if (!allowBasic || scheme != "basic" || credentials.size() > 4096) return {};
  std::istringstream encoded(credentials);
  Poco::Base64Decoder decoder(encoded);
  std::string decoded;
  try {
    decoded.assign(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
  } catch (const Poco::Exception&) {
    return {};  // not base64
  }
  const auto colon = decoded.find(':');
  return colon == std::string::npos ? std::string() : decoded.substr(colon + 1);
}

}  // namespace

bool Principal::hasAnyRole(const std::set<std::string>& wanted) const {
  for (const auto& role : wanted) {
    if (roles.contains(role)) return true;
  }
  return false;
}

Authenticator::Authenticator(std::vector<config::TokenSettings> tokens) : tokens_(std::move(tokens)) {}

std::optional<Principal> Authenticator::authenticate(const std::string& authorization, bool allowBasic) const {
  const std::string token = presentedToken(authorization, allowBasic);
  if (token.empty()) return std::nullopt;
  const std::string presented = xml::sha256Hex(token);
  std::optional<Principal> found;
  for (const auto& configured : tokens_) {
    // No early exit: the time taken does not tell which token matched.
    if (sameInConstantTime(presented, configured.sha256)) found = Principal{configured.name, configured.roles};
  }
  return found;
}

}  // namespace paraph::http
