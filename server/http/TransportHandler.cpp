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

}  // namespace

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
  // A browser must never guess a type other than the one declared (API, files, error pages).
  response.set("X-Content-Type-Options", "nosniff");
  if (const auto problem = framingProblem(request)) {
    const std::string body = "{\"error\":\"the request's framing is ambiguous: " + *problem + "\"}\n";
    response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
    response.setKeepAlive(false);
    response.setContentType("application/json; charset=utf-8");
    response.set("Cache-Control", "no-store");
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    response.send() << body;
    return;
  }
  const bool declaresBody =
      request.getChunkedTransferEncoding() || (request.hasContentLength() && request.getContentLength64() > 0);
  if (declaresBody) response.setKeepAlive(false);
  routes_->handleRequest(request, response);
}

}  // namespace paraph::http
