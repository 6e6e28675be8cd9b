#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace paraph::http {

// Wraps the handler of one request. Refuses ambiguous framing (the ways a proxy and paraph
// could disagree on where a request ends) with 400 and a close; closes the connection after
// any request that declared a body, since a route may answer without reading it and the
// unread bytes must never be parsed as the next request; refuses (403) a state-changing API
// request that a browser sent from another site's page (its Origin is not paraph's own);
// adds the headers every response carries (nosniff, a Content-Security-Policy).
class TransportHandler : public Poco::Net::HTTPRequestHandler {
 public:
  // What a browser may do with any answer that does not set its own policy: nothing at
  // all: no script, style, frame or fetch, and no page may frame it.
  static constexpr const char* kContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

  // Takes ownership of routes. publicUrl: server.public_url, paraph's origin behind a proxy
  // (empty: the request's Host, over http or https).
  TransportHandler(Poco::Net::HTTPRequestHandler* routes, std::string publicUrl)
      : routes_(routes), publicUrl_(std::move(publicUrl)) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

  // Why the request's framing is refused, or nothing when it is unambiguous.
  static std::optional<std::string> framingProblem(const Poco::Net::HTTPServerRequest& request);
  // The Origin of a state-changing API request from another site, or nothing.
  static std::optional<std::string> foreignOrigin(const Poco::Net::HTTPServerRequest& request,
                                                  const std::string& publicUrl);

 private:
  std::unique_ptr<Poco::Net::HTTPRequestHandler> routes_;
  std::string publicUrl_;
};

}  // namespace paraph::http
