#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "http/Authenticator.h"
#include "http/ServerContext.h"
#include "store/Records.h"

namespace paraph::http {

// One request and what is known of it while it is answered: everything a route handler
// reads or writes, so that no per-request state lives in a long-lived object.
struct Exchange {
  ServerContext& context;
  Poco::Net::HTTPServerRequest& request;
  Poco::Net::HTTPServerResponse& response;
  std::string requestId;
  std::map<std::string, std::string> parameters;  // from the route's path pattern, decoded
  std::optional<Principal> principal;             // set once the route's roles are checked
  bool browserPage = false;                       // errors as an HTML page (workspace, review page)
  std::string sessionId{};     // the session cookie's id, when signed in by a session (never logged)
  std::string userLanguage{};  // the signed-in user's saved interface language ("fr", "nl" or "")
  // A page's posted form (urlencoded or multipart), read and its CSRF token checked before
  // the handler runs; files of a multipart form by field name.
  std::shared_ptr<Poco::Net::HTMLForm> form{};
  std::map<std::string, std::string> uploads{};
  std::optional<std::string> body;                // read ahead (Idempotency-Key): readBody returns it
  store::StoredAnswer* answerCopy = nullptr;      // when set, sendBytes also copies the answer here

  // A path parameter of the route ({id}, {n}…); throws when the route has none by that name.
  const std::string& parameter(const std::string& name) const;
  // The path's last segment (a file name such as fr.pdf, or a step such as approve).
  std::string lastSegment() const;
  const Principal& who() const { return *principal; }
};

// The body, at most `limit` bytes (413 beyond, after draining a bounded amount so the
// client can read the answer).
std::string readBody(Exchange& exchange, std::size_t limit);

void sendJson(Exchange& exchange, int status, const Poco::JSON::Object& body);
void sendBytes(Exchange& exchange, int status, const std::string& contentType, const std::string& bytes);
// {"error": message, "request_id": …, "errors": […]}, or an HTML page for a browser.
void sendError(Exchange& exchange, int status, const std::string& message, const Poco::JSON::Array::Ptr& errors);
// A stored file, streamed; `disposition` is "inline" or "attachment".
void sendStoredFile(Exchange& exchange, const store::FileRecord& file, const std::string& fileName,
                    const std::string& disposition = "inline");

// The one conditional GET of every route that serves a file or a feed (RFC 9110 §13.2.2):
// sets ETag (and Last-Modified when known, in epoch seconds) and answers 304 when the
// request's validators match. True when it answered.
bool answeredNotModified(Exchange& exchange, const std::string& etag,
                         std::optional<std::int64_t> lastModified = std::nullopt);

}  // namespace paraph::http
