#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <memory>

namespace paraph::http {

// Puts a TransportHandler in front of every handler the routing factory makes, so framing,
// connection reuse and the headers every response carries are decided in one place, before
// any route sees the request.
class TransportHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  // Takes ownership of routes.
  explicit TransportHandlerFactory(Poco::Net::HTTPRequestHandlerFactory* routes) : routes_(routes) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

 private:
  std::unique_ptr<Poco::Net::HTTPRequestHandlerFactory> routes_;
};

}  // namespace paraph::http
