#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "config/Settings.h"
#include "http/JsonLog.h"

namespace paraph::http {

// paraph's HTTP server, in front of Poco's request and response classes. Poco's HTTPServer
// gives each connection one of its threads from accept to close, so a few silent, trickling
// or idle clients hold them all. Here one thread (epoll) owns every connection while it is
// idle or still sending its request head, and hands it to one of server.http_threads
// workers only once the head has arrived; the worker serves that one request (reading the
// body at server.min_body_bytes_per_s at least) and gives the connection back for its
// keep-alive idle time. Deadlines: server.header_timeout_ms for a head,
// server.keep_alive_timeout_ms when idle; caps: server.max_connections and
// server.max_connections_per_address, the oldest idle connection closed first. A request
// once with a worker has no deadline of its own, so a response may be long-lived.
class ConnectionFront {
 public:
  // listener is bound and listening; it must outlive the front.
  ConnectionFront(Poco::Net::ServerSocket& listener, const config::ServerSettings& settings,
                  Poco::Net::HTTPRequestHandlerFactory::Ptr routes, Poco::Net::HTTPServerParams::Ptr parameters,
                  JsonLog& log);
  ~ConnectionFront();
  ConnectionFront(const ConnectionFront&) = delete;
  ConnectionFront& operator=(const ConnectionFront&) = delete;

  void start();
  // Stops accepting and closes idle connections; requests waiting for a worker get 503 with
  // Connection: close; requests in flight get server.drain_timeout_ms to finish (their
  // answer closes the connection), then their connections are shut down. Returns once every
  // worker has ended.
  void stop();

 private:
  using Clock = std::chrono::steady_clock;
  struct Connection;
  using ConnectionPtr = std::shared_ptr<Connection>;

  void run();
  void drain();
  void acceptAll();
  void onReadable(int fd);
  void dispatch(const ConnectionPtr& connection);
  void takeBack();
  void expire();
  int nextTimeoutMs() const;
  bool evictOldestIdle(const std::string* address);
  void answerAndClose(const ConnectionPtr& connection, int status, const std::string& message);
  void close(const ConnectionPtr& connection);
  void watch(int fd);
  void unwatch(int fd);
  void work();
  bool serve(Connection& connection);

  Poco::Net::ServerSocket& listener_;
  const config::ServerSettings& settings_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr routes_;
  Poco::Net::HTTPServerParams::Ptr parameters_;
  JsonLog& log_;
  int epoll_ = -1;
  int wake_ = -1;  // eventfd: a worker gave a connection back, or stop() was called

  // The front thread's own: every open connection, by descriptor, and the count per address.
  std::unordered_map<int, ConnectionPtr> open_;
  std::unordered_map<std::string, unsigned> perAddress_;

  std::mutex mutex_;  // guards queue_, returned_, quit_
  std::condition_variable ready_;
  std::deque<ConnectionPtr> queue_;                      // heads waiting for a worker
  std::deque<std::pair<ConnectionPtr, bool>> returned_;  // served; true: keep it open
  bool quit_ = false;
  std::atomic<bool> stopping_{false};

  std::thread loop_;
  std::vector<std::thread> workers_;
};

}  // namespace paraph::http
