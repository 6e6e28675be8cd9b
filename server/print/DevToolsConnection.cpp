#include "print/DevToolsConnection.h"

#include <Poco/Buffer.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/WebSocket.h>
#include <Poco/URI.h>

#include <sstream>

#include "print/PrintEngine.h"

namespace paraph::print {
namespace {

// A printed PDF arrives base64-encoded in one message; documents of a few hundred pages stay
// far below this, and it bounds what a misbehaving peer could make us allocate.
constexpr int kMaxMessageBytes = 512 * 1024 * 1024;

}  // namespace

DevToolsConnection::DevToolsConnection(const std::string& webSocketUrl) {
  try {
    const Poco::URI uri(webSocketUrl);
    session_ = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
    session_->setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathEtc(), Poco::Net::HTTPRequest::HTTP_1_1);
    Poco::Net::HTTPResponse response;
    socket_ = std::make_unique<Poco::Net::WebSocket>(*session_, request, response);
    socket_->setMaxPayloadSize(kMaxMessageBytes);
    // Blocking reads without a timeout: the reader waits for the browser; the destructor
    // wakes it by shutting the socket down.
    socket_->setReceiveTimeout(Poco::Timespan(0));
    socket_->setNoDelay(true);
  } catch (const Poco::Exception& error) {
    throw PrintError(PrintError::Kind::EngineUnavailable,
                     "cannot connect to Chromium's DevTools at " + webSocketUrl + ": " + error.displayText());
  }
  reader_ = std::thread([this] { readMessages(); });
}

DevToolsConnection::~DevToolsConnection() {
  try {
    socket_->shutdownReceive();
  } catch (const Poco::Exception&) {
    // already closed by the peer
  }
  if (reader_.joinable()) reader_.join();
  try {
    socket_->close();
  } catch (const Poco::Exception&) {
  }
}

int DevToolsConnection::sendCommand(const std::string& method, const Poco::JSON::Object::Ptr& params,
                                    const std::string& sessionId, bool expectAnswer) {
  int id = 0;
  {
    std::lock_guard lock(mutex_);
    id = nextId_++;
    if (expectAnswer) answers_.emplace(id, Answer{});
  }
  Poco::JSON::Object message;
  message.set("id", id);
  message.set("method", method);
  message.set("params", params ? params : Poco::JSON::Object::Ptr(new Poco::JSON::Object));
  if (!sessionId.empty()) message.set("sessionId", sessionId);
  std::ostringstream text;
  message.stringify(text);
  const std::string payload = text.str();
  try {
    std::lock_guard lock(sendMutex_);
    socket_->sendFrame(payload.data(), static_cast<int>(payload.size()), Poco::Net::WebSocket::FRAME_TEXT);
  } catch (const Poco::Exception&) {
    markDead();
  }
  return id;
}

Poco::JSON::Object::Ptr DevToolsConnection::call(const std::string& method, const Poco::JSON::Object::Ptr& params,
                                                 const std::string& sessionId, Deadline deadline) {
  if (!alive_) throw PrintError(PrintError::Kind::EngineCrashed, "Chromium is gone (its DevTools connection closed)");
  const int id = sendCommand(method, params, sessionId, true);
  std::unique_lock lock(mutex_);
  const bool settled = answered_.wait_until(lock, deadline, [&] { return answers_[id].arrived || !alive_; });
  Answer answer = std::move(answers_[id]);
  answers_.erase(id);
  if (answer.arrived) {
    if (!answer.error.empty()) throw PrintError(PrintError::Kind::Failed, "Chromium refused " + method + ": " + answer.error);
    return answer.result ? answer.result : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
  }
  if (!settled) throw PrintError(PrintError::Kind::Timeout, method + " got no answer in time");
  throw PrintError(PrintError::Kind::EngineCrashed,
                   "Chromium closed its DevTools connection during " + method + " (it crashed or was killed)");
}

void DevToolsConnection::send(const std::string& method, const Poco::JSON::Object::Ptr& params,
                              const std::string& sessionId) {
  if (alive_) sendCommand(method, params, sessionId, false);
}

void DevToolsConnection::subscribe(const std::string& sessionId, EventHandler handler) {
  std::lock_guard lock(mutex_);
  handlers_[sessionId] = std::make_shared<EventHandler>(std::move(handler));
}

void DevToolsConnection::unsubscribe(const std::string& sessionId) {
  std::lock_guard lock(mutex_);
  handlers_.erase(sessionId);
}

void DevToolsConnection::markDead() {
  {
    std::lock_guard lock(mutex_);
    alive_ = false;
  }
  answered_.notify_all();
}

void DevToolsConnection::readMessages() {
  Poco::Buffer<char> buffer(0);
  try {
    for (;;) {
      int flags = 0;
      const int received = socket_->receiveFrame(buffer, flags);
      if (received == 0 && flags == 0) break;  // peer closed the connection
      const int opcode = flags & Poco::Net::WebSocket::FRAME_OP_BITMASK;
      if (opcode == Poco::Net::WebSocket::FRAME_OP_CLOSE) break;
      if (opcode == Poco::Net::WebSocket::FRAME_OP_PING) {
        std::lock_guard lock(sendMutex_);
        socket_->sendFrame(buffer.begin(), static_cast<int>(buffer.size()),
                           static_cast<int>(Poco::Net::WebSocket::FRAME_FLAG_FIN) |
                               static_cast<int>(Poco::Net::WebSocket::FRAME_OP_PONG));
        buffer.resize(0);
        continue;
      }
      if (opcode == Poco::Net::WebSocket::FRAME_OP_PONG) {
        buffer.resize(0);
        continue;
      }
      // Text and continuation frames accumulate in buffer until the final fragment.
      if ((flags & Poco::Net::WebSocket::FRAME_FLAG_FIN) == 0) continue;
      dispatch(std::string(buffer.begin(), buffer.size()));
      buffer.resize(0);
    }
  } catch (const std::exception&) {
    // reset by the peer or shut down by the destructor: either way the connection is over
  }
  markDead();
}

void DevToolsConnection::dispatch(const std::string& message) {
  Poco::JSON::Object::Ptr object;
  try {
    Poco::JSON::Parser parser;
    object = parser.parse(message).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    return;  // not a DevTools message; nothing is waiting for it
  }
  if (object->has("id")) {
    const int id = object->getValue<int>("id");
    {
      std::lock_guard lock(mutex_);
      const auto waiting = answers_.find(id);
      if (waiting == answers_.end()) return;  // fire-and-forget command, or caller gave up
      waiting->second.arrived = true;
      if (object->has("error")) {
        const auto error = object->getObject("error");
        waiting->second.error = error->optValue<std::string>("message", "unknown error");
        if (error->has("data")) waiting->second.error += " (" + error->get("data").toString() + ")";
      } else {
        waiting->second.result = object->getObject("result");
      }
    }
    answered_.notify_all();
    return;
  }
  const std::string method = object->optValue<std::string>("method", "");
  const std::string sessionId = object->optValue<std::string>("sessionId", "");
  std::shared_ptr<EventHandler> handler;
  {
    std::lock_guard lock(mutex_);
    const auto subscribed = handlers_.find(sessionId);
    if (subscribed != handlers_.end()) handler = subscribed->second;
  }
  if (handler) {
    const Poco::JSON::Object::Ptr params =
        object->has("params") ? object->getObject("params") : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
    (*handler)(method, params);
  }
}

}  // namespace paraph::print
