#include "http/Authenticator.h"

#include <Poco/String.h>


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

// The token in "Bearer <token>"; empty otherwise.
std::string presentedToken(const std::string& authorization) {
  const auto space = authorization.find(' ');
  if (space == std::string::npos) return {};
  if (Poco::toLower(authorization.substr(0, space)) != "bearer") return {};
  return Poco::trim(authorization.substr(space + 1));
}

}  // namespace

bool Principal::hasAnyRole(const std::set<std::string>& wanted) const {
  for (const auto& role : wanted) {
    if (roles.contains(role)) return true;
  }
  return false;
}

Authenticator::Authenticator(std::vector<config::TokenSettings> tokens, store::Store& store)
    : tokens_(std::move(tokens)), store_(store) {}

std::optional<Principal> Authenticator::authenticate(const std::string& authorization) const {
  const std::string token = presentedToken(authorization);
  if (token.empty() || token.size() > 4096) return std::nullopt;
  const std::string presented = xml::sha256Hex(token);
  std::optional<Principal> found;
  for (const auto& configured : tokens_) {
    // No early exit: the time taken does not tell which token matched.
    if (sameInConstantTime(presented, configured.sha256)) found = Principal{configured.name, configured.roles};
  }
  if (found) return found;
  // An issued token is looked up by its hash: what the lookup's time could tell is about a
  // hash, which helps nobody find a token.
  if (const auto issued = store_.validToken(presented)) return Principal{issued->name, issued->roles};
  return std::nullopt;
}

}  // namespace paraph::http
