// Signing in and out of the workspace (docs/workspace.md, "Accounts and sessions"), and the
// interface language a signed-in user keeps. The forms are checked (Origin, CSRF) by the
// request handler before these run.
#include <Poco/URI.h>

#include <algorithm>
#include <mutex>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/PageSupport.h"
#include "http/Routes.h"
#include "http/Sessions.h"
#include "store/Credentials.h"

namespace paraph::http {
namespace {

// A hash no password matches, checked when the account does not exist, so that the time a
// refusal takes does not tell whether the name is an account.
const std::string& unknownAccountHash() {
  static const std::string hash = store::hashPassword(store::randomHex(16));
  return hash;
}

// How long the next attempt must wait after `failures` failures: nothing within the free
// attempts, then 5 s, doubling with each failure, up to auth.sign_in_max_delay_s.
std::int64_t throttleSeconds(const config::AuthSettings& auth, int failures) {
  if (failures < static_cast<int>(auth.freeSignInAttempts)) return 0;
  const int beyond = std::min(failures - static_cast<int>(auth.freeSignInAttempts), 20);
  return std::min<std::int64_t>(std::int64_t{5} << beyond, auth.maxSignInDelaySeconds);
}

struct SignInForm {
  std::string next = "/";
  std::string problem;  // failed | throttled | expired | signed-out | form-expired
  std::int64_t wait = 0;
  std::string name;
};

void sendSignInPage(Exchange& exchange, int status, const SignInForm& form) {
  // A new sign-in cookie for each page: its form's CSRF token is bound to it.
  const std::string subject = store::randomHex(32);
  setCookie(exchange, kSignInCookie, subject);
  auto model = newPage(exchange, "signin");
  auto root = model.root();
  root.set("next", form.next).set("form-token", csrfToken(exchange, "signin\n" + subject)).set("entered-name", form.name);
  if (!form.problem.empty()) root.set("problem", form.problem);
  if (form.wait > 0) root.set("wait", form.wait);
  sendPage(exchange, status, model);
}

}  // namespace

void signInPage(Exchange& exchange) {
  SignInForm form;
  for (const auto& [name, value] : Poco::URI(exchange.request.getURI()).getQueryParameters()) {
    if (name == "next") {
      form.next = localPath(value);
    } else if (name == "expired") {
      form.problem = "expired";
    } else if (name == "signed-out") {
      form.problem = "signed-out";
    }
  }
  // Already signed in: straight on.
  if (readSession(exchange) == SessionState::valid) return redirect(exchange, form.next);
  exchange.principal.reset();
  sendSignInPage(exchange, 200, form);
}

void signIn(Exchange& exchange) {
  auto& context = exchange.context;
  const auto& auth = context.settings.auth;
  SignInForm form;
  form.next = localPath(exchange.form->get("next", "/"));
  form.name = exchange.form->get("name", "");
  const std::string password = exchange.form->get("password", "");
  if (form.name.empty() || form.name.size() > 64 || password.size() > 1024) {
    form.problem = "failed";
    return sendSignInPage(exchange, 401, form);
  }

  const auto failures = context.store.signInFailures(form.name);
  const std::int64_t wait = failures.lastAt + throttleSeconds(auth, failures.count) - nowSeconds();
  if (wait > 0) {
    Poco::JSON::Object fields = orderedObject();
    fields.set("account", form.name);
    fields.set("failures", failures.count);
    fields.set("wait_s", wait);
    fields.set("request_id", exchange.requestId);
    context.log.warning("sign_in_throttled", fields);
    form.problem = "throttled";
    form.wait = wait;
    exchange.response.set("Retry-After", std::to_string(wait));
    return sendSignInPage(exchange, 429, form);
  }

  const auto user = context.store.user(form.name);
  const bool matches = store::passwordMatches(user ? user->passwordHash : unknownAccountHash(), password);
  if (!user || user->disabled || !matches) {
    const int count = context.store.recordSignInFailure(form.name, nowSeconds());
    Poco::JSON::Object fields = orderedObject();
    fields.set("account", form.name);
    fields.set("failures", count);
    fields.set("request_id", exchange.requestId);
    if (count >= static_cast<int>(auth.freeSignInAttempts)) {
      context.log.warning("sign_in_throttled", fields);
    } else {
      context.log.info("sign_in_failed", fields);
    }
    form.problem = "failed";
    return sendSignInPage(exchange, 401, form);
  }
  context.store.clearSignInFailures(form.name);
  startSession(exchange, user->name);
  setCookie(exchange, kSignInCookie, "");
  exchange.principal = Principal{user->name, user->roles};
  redirect(exchange, form.next);
}

void signOut(Exchange& exchange) {
  endSession(exchange);
  redirect(exchange, "/signin?signed-out=1");
}

void saveLanguage(Exchange& exchange) {
  const std::string language = exchange.form->get("language", "");
  if (language != "fr" && language != "nl") throw HttpError(400, "language: fr or nl, not '" + language + "'");
  exchange.context.store.setUserLanguage(exchange.who().name, language);
  redirect(exchange, localPath(exchange.form->get("next", "/")));
}

}  // namespace paraph::http
