#include "print/RequestCountingServer.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

namespace paraph::print::testing {
namespace {

class CountingHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit CountingHandler(std::shared_ptr<RequestCountingServer::State> state) : state_(std::move(state)) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    {
      std::lock_guard lock(state_->mutex);
      state_->log.push_back(request.getMethod() + " " + request.getURI());
    }
    ++state_->count;
    // Answer with something that would show up in the PDF if it were ever used.
    response.setContentType("text/plain");
    response.send() << "LEAKED-FROM-LOOPBACK";
  }

 private:
  std::shared_ptr<RequestCountingServer::State> state_;
};

class CountingFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit CountingFactory(std::shared_ptr<RequestCountingServer::State> state) : state_(std::move(state)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new CountingHandler(state_);
  }

 private:
  std::shared_ptr<RequestCountingServer::State> state_;
};

}  // namespace

RequestCountingServer::RequestCountingServer() : state_(std::make_shared<State>()) {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  port_ = socket.address().port();
  server_ = std::make_unique<Poco::Net::HTTPServer>(new CountingFactory(state_), socket, new Poco::Net::HTTPServerParams);
  server_->start();
}

RequestCountingServer::~RequestCountingServer() { server_->stop(); }

std::string RequestCountingServer::requestLog() const {
  std::lock_guard lock(state_->mutex);
  std::string joined;
  for (const auto& entry : state_->log) joined += entry + "\n";
  return joined;
}

}  // namespace paraph::print::testing
