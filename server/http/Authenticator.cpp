#include "http/Authenticator.h"

#include <Poco/String.h>

#include "store/Sha256.h"

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

}  // namespace

bool Principal::hasAnyRole(const std::set<std::string>& wanted) const {
  for (const auto& role : wanted) {
    if (roles.contains(role)) return true;
  }
  return false;
}

Authenticator::Authenticator(std::vector<config::TokenSettings> tokens) : tokens_(std::move(tokens)) {}

std::optional<Principal> Authenticator::authenticate(const std::string& authorization) const {
  constexpr std::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size() ||
      Poco::toLower(authorization.substr(0, kScheme.size())) != kScheme) {
    return std::nullopt;
  }
  const std::string token = Poco::trim(authorization.substr(kScheme.size()));
  if (token.empty()) return std::nullopt;
  const std::string presented = store::sha256Hex(token);
  std::optional<Principal> found;
  for (const auto& configured : tokens_) {
    // No early exit: the time taken does not tell which token matched.
    if (sameInConstantTime(presented, configured.sha256)) found = Principal{configured.name, configured.roles};
  }
  return found;
}

}  // namespace paraph::http
