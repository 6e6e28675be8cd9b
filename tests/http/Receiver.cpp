#include "http/Receiver.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace paraph::testing {
namespace {

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(Receiver& receiver) : receiver_(receiver) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    Received received;
    received.method = request.getMethod();
    received.uri = request.getURI();
    for (const auto& [name, value] : request) received.headers[name] = value;
    if (request.hasContentLength() || request.getChunkedTransferEncoding()) {
      Poco::StreamCopier::copyToString(request.stream(), received.body);
    }
    received.at = std::chrono::steady_clock::now();
    int status = 200;
    std::string body = "ok";
    std::string location;
    receiver_.record(std::move(received), status, body, location);
    response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    if (!location.empty()) response.set("Location", location);
    response.setContentType("text/plain");
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    response.send() << body;
  }

 private:
  Receiver& receiver_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(Receiver& receiver) : receiver_(receiver) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler(receiver_);
  }

 private:
  Receiver& receiver_;
};

}  // namespace

std::string Received::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (Poco::icompare(key, name) == 0) return value;
  }
  return {};
}

Receiver::Receiver(const std::string& address) : address_(address) {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(address, 0));
  port_ = socket.address().port();
  auto* parameters = new Poco::Net::HTTPServerParams;
  parameters->setMaxThreads(4);
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket, parameters);
  server_->start();
}

Receiver::~Receiver() { server_->stopAll(true); }

std::string Receiver::url(const std::string& path) const { return "http://" + address_ + ":" + std::to_string(port_) + path; }

void Receiver::answerWith(std::vector<int> statuses) {
  std::lock_guard lock(mutex_);
  statuses_ = std::move(statuses);
}

void Receiver::redirectTo(std::string location) {
  std::lock_guard lock(mutex_);
  redirect_ = std::move(location);
}

void Receiver::record(Received request, int& status, std::string& body, std::string& location) {
  std::lock_guard lock(mutex_);
  if (request.method == "GET") {
    // A WebSub verification of intent: echo the challenge.
    for (const auto& [name, value] : Poco::URI(request.uri).getQueryParameters()) {
      if (name == "hub.challenge") body = value;
    }
  } else if (!redirect_.empty()) {
    status = 307;
    location = redirect_;
  } else if (!statuses_.empty()) {
    status = statuses_.front();
    statuses_.erase(statuses_.begin());
  }
  received_.push_back(std::move(request));
  arrived_.notify_all();
}

std::vector<Received> Receiver::received() const {
  std::lock_guard lock(mutex_);
  return received_;
}

bool Receiver::waitFor(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return arrived_.wait_for(lock, timeout, [&] { return received_.size() >= count; });
}

}  // namespace paraph::testing
