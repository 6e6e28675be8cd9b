#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "http/ServerContext.h"

namespace paraph::http {

// Gives Poco's HTTP server one RequestHandler per request.
class RequestHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit RequestHandlerFactory(ServerContext& context) : context_(context) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

 private:
  ServerContext& context_;
};

}  // namespace paraph::http
