// A tiny HTTP server on a loopback port that counts every request it gets: the hostile
// document aims at it, and a leak-free engine leaves the count at zero.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace Poco::Net {
class HTTPServer;
}

namespace paraph::print::testing {

class RequestCountingServer {
 public:
  RequestCountingServer();
  ~RequestCountingServer();
  RequestCountingServer(const RequestCountingServer&) = delete;
  RequestCountingServer& operator=(const RequestCountingServer&) = delete;

  unsigned port() const { return port_; }
  unsigned requests() const { return state_->count; }
  // "GET /path" of each request received, for the failure message.
  std::string requestLog() const;

  struct State {
    std::atomic<unsigned> count{0};
    std::mutex mutex;
    std::vector<std::string> log;
  };

 private:
  std::shared_ptr<State> state_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  unsigned port_ = 0;
};

}  // namespace paraph::print::testing
