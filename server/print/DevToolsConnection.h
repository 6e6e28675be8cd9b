// One WebSocket to a browser's DevTools endpoint, shared by all of its tabs.
//
// Why one browser-level connection with flattened sessions (Target.attachToTarget
// {flatten: true}) rather than one connection per tab: a single socket and a single reader
// thread per browser, tabs come and go without new handshakes, and a crash is noticed in one
// place (the socket closes) and fails every waiting call at once.
//
// A reader thread receives every message: answers are handed to the caller waiting for that
// id; events are passed to the handler subscribed for their session, on the reader thread,
// so handlers must not wait for answers (they may send() without waiting).
#pragma once

#include <Poco/JSON/Object.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "print/Deadline.h"

namespace Poco::Net {
class WebSocket;
class HTTPClientSession;
}  // namespace Poco::Net

namespace paraph::print {

class DevToolsConnection {
 public:
  using EventHandler = std::function<void(const std::string& method, const Poco::JSON::Object::Ptr& params)>;

  // Connects to ws://host:port/devtools/browser/<id>; throws PrintError(EngineUnavailable).
  explicit DevToolsConnection(const std::string& webSocketUrl);
  ~DevToolsConnection();
  DevToolsConnection(const DevToolsConnection&) = delete;
  DevToolsConnection& operator=(const DevToolsConnection&) = delete;

  // Sends a command (to the browser when sessionId is empty) and returns its result.
  // Throws PrintError: Timeout past the deadline, EngineCrashed when the connection is gone,
  // Failed when the browser answers with an error.
  Poco::JSON::Object::Ptr call(const std::string& method, const Poco::JSON::Object::Ptr& params,
                               const std::string& sessionId, Deadline deadline);
  // Sends a command without waiting for its answer (for event handlers). Never throws.
  void send(const std::string& method, const Poco::JSON::Object::Ptr& params, const std::string& sessionId);

  void subscribe(const std::string& sessionId, EventHandler handler);
  void unsubscribe(const std::string& sessionId);

  bool alive() const { return alive_; }

 private:
  struct Answer {
    bool arrived = false;
    Poco::JSON::Object::Ptr result;
    std::string error;
  };

  int sendCommand(const std::string& method, const Poco::JSON::Object::Ptr& params, const std::string& sessionId,
                  bool expectAnswer);
  void readMessages();
  void dispatch(const std::string& message);
  void markDead();

  std::unique_ptr<Poco::Net::HTTPClientSession> session_;
  std::unique_ptr<Poco::Net::WebSocket> socket_;
  std::mutex sendMutex_;
  std::mutex mutex_;  // guards everything below
  std::condition_variable answered_;
  std::map<int, Answer> answers_;
  std::map<std::string, std::shared_ptr<EventHandler>> handlers_;
  int nextId_ = 1;
  std::atomic<bool> alive_{true};
  std::thread reader_;
};

}  // namespace paraph::print
