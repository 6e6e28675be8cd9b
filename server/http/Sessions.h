// Sign-in sessions of the workspace and the review page (docs/workspace.md, "Sessions"):
// server-side records in the store, a random cookie that holds only the session's id, CSRF
// tokens for every form, and the Origin check of every form a browser posts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "http/Exchange.h"
#include "l10n/Lang.h"

namespace paraph::http {

constexpr const char* kSessionCookie = "paraph_session";
// Set by the sign-in page, so that its form carries a CSRF token before any session exists.
constexpr const char* kSignInCookie = "paraph_signin";

enum class SessionState { none, expired, valid };

// Reads the session cookie: on a valid session (known, not idle too long, not too old, its
// user still active) sets exchange.principal, exchange.sessionId and exchange.userLanguage,
// and records the request as the session's last use. An expired session is ended.
SessionState readSession(Exchange& exchange);

// A new session for `userName` (random 256-bit id, only its SHA-256 stored) and its cookie.
void startSession(Exchange& exchange, const std::string& userName);
// Ends the exchange's session in the store and clears its cookie.
void endSession(Exchange& exchange);

// Set-Cookie for `name`: HttpOnly; SameSite=Strict; Path=/, Secure when server.public_url
// is https. An empty value expires the cookie.
void setCookie(Exchange& exchange, const std::string& name, const std::string& value);
std::string cookie(const Exchange& exchange, const std::string& name);

// HMAC-SHA256, under the secret kept in the store, of `subject` (a session id, or the
// sign-in cookie), as hex; checked in constant time.
std::string csrfToken(const Exchange& exchange, const std::string& subject);
bool validCsrfToken(const Exchange& exchange, const std::string& subject, const std::string& token);

// Whether a browser's POST comes from this server's own pages: Origin (or, without it,
// Referer) names this server. A request naming neither is let through (not a browser
// form); its CSRF token still has to be right.
bool fromThisOrigin(const Exchange& exchange);

// The interface language: the user's saved one, else the first of fr / nl that
// Accept-Language lists, else French.
l10n::Lang interfaceLanguage(const Exchange& exchange);

std::int64_t nowSeconds();

}  // namespace paraph::http
