#include "http/RequestHandler.h"

#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>
#include <sstream>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/Idempotency.h"
#include "http/PageSupport.h"
#include "http/Sessions.h"
#include "http/RouteTable.h"
#include "store/StorageUnavailable.h"
#include "xml/Escape.h"

namespace paraph::http {
namespace {

std::string joined(const std::set<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : ", ") + word;
  return text;
}

bool isRead(const std::string& method) { return method == "GET" || method == "HEAD"; }

// A page's posted form, read whole (up to server.max_request_bytes): fields into
// exchange.form, the files of a multipart form into exchange.uploads.
class UploadCollector : public Poco::Net::PartHandler {
 public:
  explicit UploadCollector(std::map<std::string, std::string>& uploads) : uploads_(uploads) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection parameters;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, parameters);
    // Read through the istream, not its streambuf: the stream must see its end, or Poco's
    // multipart reader goes on reading into the next part (the pasted XML after an empty
    // file field was lost).
    std::string content;
    Poco::StreamCopier::copyToString(stream, content);
    uploads_[parameters.get("name", "")] = std::move(content);
  }

 private:
  std::map<std::string, std::string>& uploads_;
};

void readPageForm(Exchange& exchange) {
  const std::string media = mediaTypeOf(exchange.request.getContentType());
  if (media != "application/x-www-form-urlencoded" && media != "multipart/form-data") {
    throw HttpError(415, "send the form as application/x-www-form-urlencoded or multipart/form-data");
  }
  std::istringstream body(readBody(exchange, exchange.context.settings.server.maxRequestBytes));
  UploadCollector collector(exchange.uploads);
  exchange.form = std::make_shared<Poco::Net::HTMLForm>();
  exchange.form->setFieldLimit(1000);
  // A pasted document is one field: as long as the body may be.
  exchange.form->setValueLengthLimit(
      static_cast<int>(std::min<std::size_t>(exchange.context.settings.server.maxRequestBytes, 1u << 30)));
  try {
    exchange.form->load(exchange.request, body, collector);
  } catch (const Poco::Exception& error) {
    throw HttpError(400, "the form cannot be read: " + error.message());
  }
}

// A page's form: posted from this server's pages (Origin), with the CSRF token of the
// session (or, for the sign-in form, of the sign-in cookie). Refused with 403, before the
// handler runs and so before anything changes.
void checkPageForm(Exchange& exchange, const std::string& subject) {
  if (!fromThisOrigin(exchange)) {
    throw HttpError(403, "a form from " + exchange.request.get("Origin", exchange.request.get("Referer", "")) +
                             " may not act on this server");
  }
  readPageForm(exchange);
  if (!validCsrfToken(exchange, subject, exchange.form->get("csrf", ""))) {
    throw HttpError(403, "this form has expired or was not made by this server: reload the page and try again");
  }
}

// Sets exchange.principal, or answers (303 to the sign-in page) and returns false, or throws
// 401/403. The API takes bearer tokens, or a session with its CSRF token in the
// X-CSRF-Token header for anything but a read; pages take sessions only.
bool authorise(Exchange& exchange, Access access) {
  if (access == Access::everyone) return true;
  const std::string& method = exchange.request.getMethod();
  if (access == Access::signIn) {
    if (!isRead(method)) checkPageForm(exchange, "signin\n" + cookie(exchange, kSignInCookie));
    return true;
  }
  const auto roles = rolesOf(access);
  if (isPage(access)) {
    const auto state = readSession(exchange);
    if (state != SessionState::valid) {
      if (!isRead(method)) throw HttpError(403, "sign in first: this form's session has ended");
      std::string location = "/signin?next=" + xml::percentEncoded(exchange.request.getURI(), "/");
      if (state == SessionState::expired) location += "&expired=1";
      redirect(exchange, location);
      return false;
    }
    if (!exchange.principal->hasAnyRole(roles)) {
      throw HttpError(403, "user '" + exchange.principal->name + "' lacks a role for this page (one of: " +
                               joined(roles) + ")");
    }
    if (!isRead(method)) checkPageForm(exchange, exchange.sessionId);
    return true;
  }
  const std::string authorization = exchange.request.get("Authorization", "");
  if (!authorization.empty() || cookie(exchange, kSessionCookie).empty()) {
    exchange.principal = exchange.context.authenticator.authenticate(authorization);
  } else if (readSession(exchange) == SessionState::valid && !isRead(method)) {
    // A browser's script calling the API with the session: only with the page's CSRF token.
    if (!fromThisOrigin(exchange) ||
        !validCsrfToken(exchange, exchange.sessionId, exchange.request.get("X-CSRF-Token", ""))) {
      throw HttpError(403, "with a session cookie, a POST needs the page's X-CSRF-Token header and this server's Origin");
    }
  }
  if (!exchange.principal) {
    throw HttpError(401, "a valid bearer token is required (Authorization: Bearer <token>)");
  }
  if (!exchange.principal->hasAnyRole(roles)) {
    throw HttpError(403, "token '" + exchange.principal->name + "' lacks a role for this request (one of: " +
                             joined(roles) + ")");
  }
  return true;
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
    exchange.browserPage = isPage(first.access);
    if (!authorise(exchange, first.access)) return;
    std::set<std::string> allowed;
    for (const Route* route : match.samePath) {
      allowed.insert(route->method);
      if (route->alsoHead) allowed.insert("HEAD");
    }
    exchange.response.set("Allow", joined(allowed));
    throw HttpError(405, method + " is not allowed here; use " + joined(allowed));
  }
  exchange.browserPage = isPage(match.route->access);
  exchange.parameters = match.parameters;
  if (!authorise(exchange, match.route->access)) return;
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
                    {}, std::nullopt, false, {}, {}, {}, {}, std::nullopt, nullptr};
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
