#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "http/ServerContext.h"

namespace paraph::http {

// One request: finds its route in the route table, checks the route's roles, runs its
// handler, answers errors (JSON, or a page for a browser), and writes one log line with
// the request id. Holds nothing but the shared context: the request's own state is an
// Exchange on the stack.
class RequestHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit RequestHandler(ServerContext& context) : context_(context) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

 private:
  ServerContext& context_;
};

}  // namespace paraph::http
