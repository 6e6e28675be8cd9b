#include "http/RequestHandlerFactory.h"

#include "http/ApiRequestHandler.h"

namespace paraph::http {

Poco::Net::HTTPRequestHandler* RequestHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
  return new ApiRequestHandler(context_);
}

}  // namespace paraph::http
