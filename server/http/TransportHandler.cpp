#include "http/TransportHandler.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>

#include <algorithm>
#include <cctype>

namespace paraph::http {
namespace {

std::size_t countHeaders(const Poco::Net::HTTPServerRequest& request, const std::string& name) {
  std::size_t count = 0;
  for (auto header = request.find(name); header != request.end() && Poco::icompare(header->first, name) == 0;
       ++header) {
    ++count;
  }
  return count;
}

// 1*DIGIT, short enough for a 64-bit number (RFC 9110 §8.6).
bool isContentLength(const std::string& value) {
  return !value.empty() && value.size() <= 18 &&
         std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

void refuse(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
            const std::string& message) {
  const std::string body = "{\"error\":\"" + message + "\"}\n";
  response.setStatusAndReason(status);
  response.setKeepAlive(false);
  response.setContentType("application/json; charset=utf-8");
  response.set("Cache-Control", "no-store");
  response.setContentLength64(static_cast<Poco::Int64>(body.size()));
  response.send() << body;
}

// An Origin is a short ASCII serialisation; anything else is not echoed into a message.
std::string printable(const std::string& origin) {
  if (origin.size() > 200 || !std::all_of(origin.begin(), origin.end(), [](unsigned char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
      })) {
    return "(unprintable)";
  }
  return origin;
}

}  // namespace

std::optional<std::string> TransportHandler::foreignOrigin(const Poco::Net::HTTPServerRequest& request,
                                                           const std::string& publicUrl) {
  const std::string& method = request.getMethod();
  if (method == "GET" || method == "HEAD" || method == "OPTIONS") return std::nullopt;
  if (!request.getURI().starts_with("/api/")) return std::nullopt;  // the review page has its form tokens
  // A client that is not a browser sends no Origin; a browser always does on these methods.
  if (!request.has("Origin")) return std::nullopt;
  const std::string origin = Poco::trim(request.get("Origin"));
  if (!publicUrl.empty()) {
    if (Poco::icompare(origin, publicUrl) == 0) return std::nullopt;
  } else if (request.has("Host")) {
    const std::string host = request.getHost();
    if (Poco::icompare(origin, "http://" + host) == 0 || Poco::icompare(origin, "https://" + host) == 0) {
      return std::nullopt;
    }
  }
  return origin;  // another site's page, or "null" (a sandboxed or local page)
}

std::optional<std::string> TransportHandler::framingProblem(const Poco::Net::HTTPServerRequest& request) {
  const std::size_t lengths = countHeaders(request, "Content-Length");
  const std::size_t encodings = countHeaders(request, "Transfer-Encoding");
  if (lengths > 0 && encodings > 0) return "Content-Length and Transfer-Encoding together";
  if (lengths > 1) return "more than one Content-Length";
  if (lengths == 1 && !isContentLength(request.get("Content-Length"))) return "a malformed Content-Length";
  if (encodings > 1) return "more than one Transfer-Encoding";
  if (encodings == 1 && Poco::icompare(Poco::trim(request.get("Transfer-Encoding")), "chunked") != 0) {
    return "a Transfer-Encoding other than chunked";
  }
  return std::nullopt;
}

void TransportHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  // A browser must never guess a type other than the one declared (API, files, error pages),
  // nor run, fetch or frame anything from an answer; a page that needs more (the review
  // page) sets its own policy over this one.
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Content-Security-Policy", kContentSecurityPolicy);
  if (const auto problem = framingProblem(request)) {
    refuse(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "the request's framing is ambiguous: " + *problem);
    return;
  }
  if (const auto origin = foreignOrigin(request, publicUrl_)) {
    refuse(response, Poco::Net::HTTPResponse::HTTP_FORBIDDEN,
           "a page of another site (Origin " + printable(*origin) + ") may not change anything here");
    return;
  }
  const bool declaresBody =
      request.getChunkedTransferEncoding() || (request.hasContentLength() && request.getContentLength64() > 0);
  if (declaresBody) response.setKeepAlive(false);
  routes_->handleRequest(request, response);
}

}  // namespace paraph::http
