#include "http/Exchange.h"
#include "http/PageSupport.h"

#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "publication/ConditionalGet.h"

namespace paraph::http {
namespace {

using Poco::Net::HTTPResponse;

// A body larger than the limit is read and thrown away up to this much, so that the client
// gets its 413 instead of a reset connection; beyond it the connection is closed.
constexpr std::size_t kMaxDrainBytes = 64 * 1024 * 1024;

}  // namespace

const std::string& Exchange::parameter(const std::string& name) const {
  const auto found = parameters.find(name);
  if (found == parameters.end()) throw std::logic_error("route has no parameter {" + name + "}");
  return found->second;
}

std::string Exchange::lastSegment() const {
  const auto segments = segmentsOf(Poco::URI(request.getURI()).getPath());
  return segments.empty() ? std::string() : segments.back();
}

std::string readBody(Exchange& exchange, std::size_t limit) {
  auto& request = exchange.request;
  // Neither Content-Length nor Transfer-Encoding means no body (RFC 9112 §6.3); Poco's
  // stream would otherwise wait for the client to close the connection.
  if (!request.hasContentLength() && !request.getChunkedTransferEncoding()) return {};
  if (exchange.body) {
    if (exchange.body->size() > limit) {
      throw HttpError(413, "the body is larger than the limit of " + std::to_string(limit) +
                               " bytes (settings server.max_request_bytes and parse.max_document_bytes)");
    }
    return *exchange.body;
  }
  auto& stream = request.stream();
  auto tooLarge = [&](std::size_t alreadyRead) {
    // Drain what the client is still sending (bounded), so it can read the answer.
    std::size_t drained = alreadyRead;
    char sink[16384];
    while (drained < kMaxDrainBytes && stream.read(sink, sizeof sink).gcount() > 0) {
      drained += static_cast<std::size_t>(stream.gcount());
    }
    return HttpError(413, "the body is larger than the limit of " + std::to_string(limit) +
                              " bytes (settings server.max_request_bytes and parse.max_document_bytes)");
  };
  if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(limit)) {
    throw tooLarge(0);
  }
  std::string body;
  char buffer[16384];
  while (stream.read(buffer, sizeof buffer).gcount() > 0) {
    body.append(buffer, static_cast<std::size_t>(stream.gcount()));
    if (body.size() > limit) throw tooLarge(body.size());
  }
  // A read that failed (the body arrived too slowly, or the client went away) must not pass
  // for the end of a shorter body.
  if (stream.bad()) {
    throw HttpError(408, "the body did not arrive in time (settings server.receive_timeout_ms and "
                         "server.min_body_bytes_per_s)");
  }
  return body;
}

void sendBytes(Exchange& exchange, int status, const std::string& contentType, const std::string& bytes) {
  auto& response = exchange.response;
  response.setStatusAndReason(static_cast<HTTPResponse::HTTPStatus>(status));
  response.setContentType(contentType);
  if (!response.has("Cache-Control")) response.set("Cache-Control", "no-store");
  if (exchange.answerCopy != nullptr) {
    *exchange.answerCopy = {status, contentType, response.get("Location", ""), bytes};
  }
  response.setContentLength64(static_cast<Poco::Int64>(bytes.size()));
  response.send() << bytes;
}

void sendJson(Exchange& exchange, int status, const Poco::JSON::Object& body) {
  std::ostringstream text;
  body.stringify(text);
  sendBytes(exchange, status, "application/json; charset=utf-8", text.str() + "\n");
}

void sendError(Exchange& exchange, int status, const std::string& message, const Poco::JSON::Array::Ptr& errors) {
  auto& response = exchange.response;
  if (status == 413) response.setKeepAlive(false);
  if (exchange.browserPage && exchange.context.workspacePage != nullptr) {
    // A person at a browser: a page to read, in the interface language.
    return sendBytes(exchange, status, "text/html; charset=utf-8", errorPageFor(exchange, status, message));
  }
  Poco::JSON::Object body = orderedObject();
  body.set("error", message);
  body.set("request_id", exchange.requestId);
  if (errors) body.set("errors", errors);
  if (status == 401) response.set("WWW-Authenticate", "Bearer realm=\"paraph\"");
  sendJson(exchange, status, body);
}

void sendStoredFile(Exchange& exchange, const store::FileRecord& file, const std::string& fileName,
                    const std::string& disposition) {
  auto& response = exchange.response;
  std::ifstream stream(exchange.context.store.files().pathOf(file.sha256), std::ios::binary);
  if (!stream) throw std::runtime_error("stored file " + file.sha256 + " is missing");
  response.setStatus(HTTPResponse::HTTP_OK);
  response.setContentType(file.mediaType);
  response.setContentLength64(file.size);
  response.set("Content-Disposition", disposition + "; filename=\"" + fileName + "\"");
  Poco::StreamCopier::copyStream(stream, response.send());
}

bool answeredNotModified(Exchange& exchange, const std::string& etag, std::optional<std::int64_t> lastModified) {
  auto& response = exchange.response;
  response.set("ETag", etag);
  if (lastModified) response.set("Last-Modified", publication::httpDate(*lastModified));
  const auto& request = exchange.request;
  // Without a modification time, only the entity tag can tell.
  const std::string ifModifiedSince = lastModified ? request.get("If-Modified-Since", "") : std::string();
  if (!publication::notModified(request.get("If-None-Match", ""), ifModifiedSince, etag, lastModified.value_or(0))) {
    return false;
  }
  response.setStatus(HTTPResponse::HTTP_NOT_MODIFIED);
  response.setContentLength(0);
  response.send();
  return true;
}

}  // namespace paraph::http
