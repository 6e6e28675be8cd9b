// A real HTTP receiver on loopback for the integration tests: records every request it gets
// and answers as told (statuses in turn, a redirect, or a WebSub challenge echoed).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace Poco::Net {
class HTTPServer;
}

namespace paraph::testing {

struct Received {
  std::string method;
  std::string uri;
  std::map<std::string, std::string> headers;
  std::string body;
  std::chrono::steady_clock::time_point at;

  std::string header(const std::string& name) const;
};

class Receiver {
 public:
  explicit Receiver(const std::string& address = "127.0.0.1");
  ~Receiver();
  Receiver(const Receiver&) = delete;
  Receiver& operator=(const Receiver&) = delete;

  std::uint16_t port() const { return port_; }
  std::string url(const std::string& path = "/hook") const;

  // The next POSTs get these statuses in turn, then 200.
  void answerWith(std::vector<int> statuses);
  // Every POST is answered 307 to this location.
  void redirectTo(std::string location);

  std::vector<Received> received() const;
  // Waits until `count` requests have come (bounded); true when they have.
  bool waitFor(std::size_t count, std::chrono::milliseconds timeout) const;

  // Called by the handler.
  void record(Received request, int& status, std::string& body, std::string& location);

 private:
  std::string address_;
  std::uint16_t port_ = 0;
  mutable std::mutex mutex_;
  mutable std::condition_variable arrived_;
  std::vector<Received> received_;
  std::vector<int> statuses_;
  std::string redirect_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace paraph::testing
