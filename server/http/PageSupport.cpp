#include "http/PageSupport.h"

#include "http/Sessions.h"

namespace paraph::http {
namespace {

constexpr const char* kPagePolicy =
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

}  // namespace

void securePage(Poco::Net::HTTPServerResponse& response) {
  response.set("Content-Security-Policy", kPagePolicy);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("X-Frame-Options", "DENY");
  response.set("Referrer-Policy", "same-origin");
  response.set("Cache-Control", "no-store");
}

workspace::PageModel newPage(const Exchange& exchange, const std::string& name) {
  workspace::PageModel model(name);
  auto root = model.root();
  if (exchange.principal && !exchange.sessionId.empty()) {
    root.set("user", exchange.principal->name);
    root.set("csrf", csrfToken(exchange, exchange.sessionId));
    root.flag("can-submit", exchange.principal->hasAnyRole({"submitter", "admin"}));
  }
  root.set("path", exchange.request.getURI());
  return model;
}

void sendPage(Exchange& exchange, int status, const workspace::PageModel& model) {
  securePage(exchange.response);
  sendBytes(exchange, status, "text/html; charset=utf-8",
            exchange.context.workspacePage->render(model, interfaceLanguage(exchange)));
}

void redirect(Exchange& exchange, const std::string& location) {
  securePage(exchange.response);
  exchange.response.set("Location", location);
  sendBytes(exchange, 303, "text/html; charset=utf-8", "");
}

std::string errorPageFor(Exchange& exchange, int status, const std::string& message) {
  auto model = newPage(exchange, "error");
  model.root().set("status", status).set("message", message).set("request-id", exchange.requestId);
  securePage(exchange.response);
  return exchange.context.workspacePage->render(model, interfaceLanguage(exchange));
}

std::string localPath(const std::string& wanted) {
  if (wanted.empty() || wanted.front() != '/' || wanted.rfind("//", 0) == 0 || wanted.find('\\') != std::string::npos ||
      wanted.find_first_of("\r\n") != std::string::npos) {
    return "/";
  }
  return wanted;
}

}  // namespace paraph::http
