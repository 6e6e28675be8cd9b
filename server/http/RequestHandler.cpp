#include "http/RequestHandler.h"

#include <Poco/URI.h>

#include <chrono>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/Idempotency.h"
#include "http/RouteTable.h"
#include "store/StorageUnavailable.h"

namespace paraph::http {
namespace {

std::string joined(const std::set<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : ", ") + word;
  return text;
}

// Sets exchange.principal, or throws 401/403. The API takes bearer tokens only; the review
// page, for a person at a browser, also Basic with the token as the password.
void authorise(Exchange& exchange, Access access) {
  if (access == Access::everyone) return;
  const bool allowBasic = access == Access::reviewPage;
  exchange.principal = exchange.context.authenticator.authenticate(exchange.request.get("Authorization", ""), allowBasic);
  if (!exchange.principal) {
    throw HttpError(401, "a valid bearer token is required (Authorization: Bearer <token>)");
  }
  const auto roles = rolesOf(access);
  if (!exchange.principal->hasAnyRole(roles)) {
    throw HttpError(403, "token '" + exchange.principal->name + "' lacks a role for this request (one of: " +
                             joined(roles) + ")");
  }
}

void route(Exchange& exchange) {
  const std::string path = Poco::URI(exchange.request.getURI()).getPath();
  const std::string& method = exchange.request.getMethod();
  const auto match = matchRoute(method, path);
  if (match.route == nullptr) {
    if (match.samePath.empty()) {
      // An unknown path tells a stranger nothing: credentials first.
      authorise(exchange, Access::readers);
      throw HttpError(404, "no such resource: " + path);
    }
    const Route& first = *match.samePath.front();
    exchange.browserPage = first.access == Access::reviewPage;
    authorise(exchange, first.access);
    std::set<std::string> allowed;
    for (const Route* route : match.samePath) {
      allowed.insert(route->method);
      if (route->alsoHead) allowed.insert("HEAD");
    }
    exchange.response.set("Allow", joined(allowed));
    throw HttpError(405, method + " is not allowed here; use " + joined(allowed));
  }
  exchange.browserPage = match.route->access == Access::reviewPage;
  exchange.parameters = match.parameters;
  authorise(exchange, match.route->access);
  if (takesIdempotencyKey(*match.route) && exchange.request.has("Idempotency-Key")) {
    answerIdempotently(exchange, *match.route);
  } else {
    match.route->handle(exchange);
  }
}

}  // namespace

void RequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  const auto start = std::chrono::steady_clock::now();
  const std::string given = request.get("X-Request-Id", "");
  Exchange exchange{context_, request, response,
                    acceptableRequestId(given)
                        ? given
                        : context_.requestIdPrefix + "-" + std::to_string(context_.requestCounter.fetch_add(1) + 1),
                    {}, std::nullopt, false, std::nullopt, nullptr};
  response.set("X-Request-Id", exchange.requestId);
  Poco::JSON::Object fields = orderedObject();
  try {
    route(exchange);
  } catch (const HttpError& error) {
    if (!response.sent()) sendError(exchange, error.status(), error.what(), error.errors());
    fields.set("error", std::string(error.what()));
  } catch (const store::StorageUnavailable& error) {
    // Nothing was stored; the client tries again once space returns.
    if (!response.sent()) {
      response.set("Retry-After", std::to_string(context_.settings.queue.retryAfterSeconds));
      sendError(exchange, 507, "the store cannot write now (disk full or failing); nothing was stored, try again later",
                nullptr);
    }
    fields.set("error", std::string(error.what()));
  } catch (const std::exception& error) {
    if (!response.sent()) sendError(exchange, 500, "internal error (request " + exchange.requestId + ")", nullptr);
    fields.set("error", std::string(error.what()));
  }
  const int status = static_cast<int>(response.getStatus());
  context_.metrics.countResponse(status);
  fields.set("request_id", exchange.requestId);
  fields.set("method", request.getMethod());
  fields.set("path", request.getURI());
  fields.set("status", status);
  fields.set("ms", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  if (exchange.principal) fields.set("principal", exchange.principal->name);
  if (status >= 500) {
    context_.log.error("request", fields);
  } else {
    context_.log.info("request", fields);
  }
}

}  // namespace paraph::http
