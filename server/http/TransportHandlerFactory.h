#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <memory>
#include <string>
#include <utility>

namespace paraph::http {

// Puts a TransportHandler in front of every handler the routing factory makes, so framing,
// connection reuse and the headers every response carries are decided in one place, before
// any route sees the request.
class TransportHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  // Takes ownership of routes. publicUrl: server.public_url (see TransportHandler).
  TransportHandlerFactory(Poco::Net::HTTPRequestHandlerFactory* routes, std::string publicUrl)
      : routes_(routes), publicUrl_(std::move(publicUrl)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

 private:
  std::unique_ptr<Poco::Net::HTTPRequestHandlerFactory> routes_;
  std::string publicUrl_;
};

}  // namespace paraph::http
