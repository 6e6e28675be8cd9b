#pragma once

#include <Poco/Net/StreamSocketImpl.h>

#include <chrono>
#include <cstddef>
#include <string>

namespace paraph::http {

// One client connection's socket as both sides of the connection front see it. The front's
// thread reads what has arrived without blocking and keeps it (readAvailable) until a whole
// request head is there; a worker's Poco HTTP session then reads those bytes first, then the
// socket, under a deadline that grows with the bytes received (a minimum rate), so a client
// trickling its body cannot hold the worker. Bytes the session read ahead (a pipelined next
// request) are put back before the connection returns to the front.
class ConnectionSocketImpl : public Poco::Net::StreamSocketImpl {
 public:
  using Clock = std::chrono::steady_clock;
  enum class Arrival { some, none, closed };

  explicit ConnectionSocketImpl(int fd) : Poco::Net::StreamSocketImpl(fd) {}

  // Front thread: reads without blocking until the socket is empty or `limit` bytes are kept.
  Arrival readAvailable(std::size_t limit);
  // A whole request head (up to its empty line) is kept. Leading empty lines are dropped
  // (RFC 9112 §2.2), so they do not count as a head of their own.
  bool headComplete();
  std::size_t kept() const { return kept_.size() - position_; }
  // Bytes a session read from this socket but did not use: they come first next time.
  void putBack(const char* bytes, std::size_t count);

  // Worker: from now, a read waits at most `silence`, and all reads together end by
  // now + silence + received / bytesPerSecond; past that they throw Poco::TimeoutException.
  void startRequest(std::chrono::milliseconds silence, std::size_t bytesPerSecond);
  void endRequest() { inRequest_ = false; }
  bool timedOut() const { return timedOut_; }

  int receiveBytes(void* buffer, int length, int flags = 0) override;
  int available() override;
  bool poll(const Poco::Timespan& timeout, int mode) override;

 private:
  std::string kept_;
  std::size_t position_ = 0;  // kept_[position_…] not yet given to a session
  std::size_t scanned_ = 0;   // kept_[position_…scanned_) holds no head end
  bool inRequest_ = false;
  bool timedOut_ = false;
  Clock::time_point requestStart_;
  std::chrono::milliseconds silence_{0};
  std::size_t bytesPerSecond_ = 1;
  std::size_t received_ = 0;
};

}  // namespace paraph::http
