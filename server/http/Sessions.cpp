#include "http/Sessions.h"

#include "http/HmacSha256.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/SHA2Engine.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <chrono>

#include "store/Credentials.h"
#include "xml/Sha256.h"

namespace paraph::http {
namespace {

Poco::DigestEngine::Digest csrfDigest(const Exchange& exchange, const std::string& subject) {
  Poco::HMACEngine<HmacSha256Engine> hmac(exchange.context.formSecret);
  hmac.update("csrf\n" + subject);
  return hmac.digest();
}

// scheme://host[:port] of a URL, lower-case; empty when it has none.
std::string originOf(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  const auto path = url.find('/', scheme + 3);
  return Poco::toLower(url.substr(0, path));
}

// This server's origin: server.public_url, else the scheme it was reached by and its Host.
std::string ownOrigin(const Exchange& exchange) {
  const std::string& publicUrl = exchange.context.settings.server.publicUrl;
  if (!publicUrl.empty()) return Poco::toLower(publicUrl);
  return "http://" + Poco::toLower(exchange.request.getHost());
}

}  // namespace

std::int64_t nowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string cookie(const Exchange& exchange, const std::string& name) {
  Poco::Net::NameValueCollection cookies;
  exchange.request.getCookies(cookies);
  return cookies.get(name, "");
}

void setCookie(Exchange& exchange, const std::string& name, const std::string& value) {
  Poco::Net::HTTPCookie cookie(name, value);
  cookie.setPath("/");
  cookie.setHttpOnly(true);
  cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  cookie.setSecure(exchange.context.settings.server.publicUrl.rfind("https://", 0) == 0);
  if (value.empty()) cookie.setMaxAge(0);
  exchange.response.addCookie(cookie);
}

SessionState readSession(Exchange& exchange) {
  const std::string id = cookie(exchange, kSessionCookie);
  if (id.size() != 64 || id.find_first_not_of("0123456789abcdef") != std::string::npos) return SessionState::none;
  auto& store = exchange.context.store;
  const std::string idHash = xml::sha256Hex(id);
  const auto session = store.session(idHash);
  if (!session) return SessionState::none;
  const auto& auth = exchange.context.settings.auth;
  const std::int64_t now = nowSeconds();
  const bool idle = now - session->seenAt > static_cast<std::int64_t>(auth.sessionIdleSeconds);
  const bool old = now - session->createdAt > static_cast<std::int64_t>(auth.sessionLifetimeSeconds);
  const auto user = store.user(session->userName);
  if (idle || old || !user || user->disabled) {
    store.endSession(idHash);
    return SessionState::expired;
  }
  // One write a second at most per session: enough for an idle timeout counted in minutes.
  if (now > session->seenAt) store.touchSession(idHash, now);
  exchange.principal = Principal{user->name, user->roles};
  exchange.sessionId = id;
  exchange.userLanguage = user->language;
  return SessionState::valid;
}

void startSession(Exchange& exchange, const std::string& userName) {
  const std::string id = store::randomHex(32);
  const std::int64_t now = nowSeconds();
  exchange.context.store.createSession({xml::sha256Hex(id), userName, now, now});
  setCookie(exchange, kSessionCookie, id);
  exchange.sessionId = id;
}

void endSession(Exchange& exchange) {
  if (!exchange.sessionId.empty()) exchange.context.store.endSession(xml::sha256Hex(exchange.sessionId));
  setCookie(exchange, kSessionCookie, "");
  exchange.sessionId.clear();
}

std::string csrfToken(const Exchange& exchange, const std::string& subject) {
  return Poco::DigestEngine::digestToHex(csrfDigest(exchange, subject));
}

bool validCsrfToken(const Exchange& exchange, const std::string& subject, const std::string& token) {
  if (subject.empty() || token.size() != 2 * HmacSha256Engine::DIGEST_SIZE ||
      token.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return false;
  }
  return Poco::DigestEngine::constantTimeEquals(Poco::DigestEngine::digestFromHex(token), csrfDigest(exchange, subject));
}

bool fromThisOrigin(const Exchange& exchange) {
  const std::string origin = exchange.request.get("Origin", "");
  if (!origin.empty()) return Poco::toLower(origin) == ownOrigin(exchange);
  const std::string referer = exchange.request.get("Referer", "");
  if (!referer.empty()) return originOf(referer) == ownOrigin(exchange);
  return true;
}

l10n::Lang interfaceLanguage(const Exchange& exchange) {
  if (const auto saved = l10n::parseLang(exchange.userLanguage)) return *saved;
  // The first of fr / nl the browser lists; French otherwise.
  const std::string accepted = Poco::toLower(exchange.request.get("Accept-Language", ""));
  const auto french = accepted.find("fr");
  const auto dutch = accepted.find("nl");
  return dutch != std::string::npos && (french == std::string::npos || dutch < french) ? l10n::Lang::nl
                                                                                      : l10n::Lang::fr;
}

}  // namespace paraph::http
