#include "http/TransportHandlerFactory.h"

#include "http/TransportHandler.h"

namespace paraph::http {

Poco::Net::HTTPRequestHandler* TransportHandlerFactory::createRequestHandler(
    const Poco::Net::HTTPServerRequest& request) {
  return new TransportHandler(routes_->createRequestHandler(request), publicUrl_);
}

}  // namespace paraph::http
