#include "http/RequestHandlerFactory.h"

#include "http/RequestHandler.h"

namespace paraph::http {

Poco::Net::HTTPRequestHandler* RequestHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
  return new RequestHandler(context_);
}

}  // namespace paraph::http
