#include "http/ConnectionSocket.h"

#include <Poco/Exception.h>
#include <Poco/Net/Socket.h>

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace paraph::http {

ConnectionSocketImpl::Arrival ConnectionSocketImpl::readAvailable(std::size_t limit) {
  bool any = false;
  char buffer[8192];
  while (kept() < limit) {
    const std::size_t room = std::min(sizeof buffer, limit - kept());
    const ssize_t count = ::recv(sockfd(), buffer, room, MSG_DONTWAIT);
    if (count > 0) {
      kept_.append(buffer, static_cast<std::size_t>(count));
      any = true;
      continue;
    }
    if (count == 0) return Arrival::closed;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) break;
    return Arrival::closed;
  }
  return any ? Arrival::some : Arrival::none;
}

bool ConnectionSocketImpl::headComplete() {
  while (position_ < kept_.size() && (kept_[position_] == '\r' || kept_[position_] == '\n')) ++position_;
  if (position_ > 0 && position_ == kept_.size()) {
    kept_.clear();
    position_ = 0;
  }
  scanned_ = std::max(scanned_, position_);
  // Each byte is looked at once: the scan resumes where the last one stopped.
  for (; scanned_ < kept_.size(); ++scanned_) {
    if (kept_[scanned_] != '\n') continue;
    if (scanned_ >= 1 && kept_[scanned_ - 1] == '\n' && scanned_ - 1 >= position_) return true;
    if (scanned_ >= 2 && kept_[scanned_ - 1] == '\r' && kept_[scanned_ - 2] == '\n' && scanned_ - 2 >= position_) {
      return true;
    }
  }
  return false;
}

void ConnectionSocketImpl::putBack(const char* bytes, std::size_t count) {
  if (count == 0) return;
  kept_ = std::string(bytes, count) + kept_.substr(position_);
  position_ = 0;
  scanned_ = 0;
}

void ConnectionSocketImpl::startRequest(std::chrono::milliseconds silence, std::size_t bytesPerSecond) {
  inRequest_ = true;
  timedOut_ = false;
  requestStart_ = Clock::now();
  silence_ = silence;
  bytesPerSecond_ = std::max<std::size_t>(1, bytesPerSecond);
  received_ = 0;
}

int ConnectionSocketImpl::receiveBytes(void* buffer, int length, int flags) {
  if (position_ < kept_.size() && length > 0) {
    const std::size_t count = std::min(static_cast<std::size_t>(length), kept_.size() - position_);
    std::memcpy(buffer, kept_.data() + position_, count);
    position_ += count;
    if (position_ == kept_.size()) {
      kept_.clear();
      position_ = 0;
    }
    scanned_ = position_;
    return static_cast<int>(count);
  }
  if (!inRequest_) return Poco::Net::StreamSocketImpl::receiveBytes(buffer, length, flags);
  for (;;) {
    const auto deadline = requestStart_ + silence_ +
                          std::chrono::milliseconds(static_cast<std::int64_t>(received_ * 1000 / bytesPerSecond_));
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    const auto wait = std::min(left, silence_);
    pollfd watched{sockfd(), POLLIN, 0};
    const int ready = wait.count() > 0 ? ::poll(&watched, 1, static_cast<int>(wait.count())) : 0;
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      timedOut_ = true;
      throw Poco::TimeoutException("the request arrived too slowly");
    }
    const ssize_t count = ::recv(sockfd(), buffer, static_cast<std::size_t>(length), flags);
    if (count < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      error();  // throws the matching Poco::Net exception
      return -1;
    }
    received_ += static_cast<std::size_t>(count);
    return static_cast<int>(count);
  }
}

int ConnectionSocketImpl::available() {
  return static_cast<int>(kept()) + Poco::Net::StreamSocketImpl::available();
}

bool ConnectionSocketImpl::poll(const Poco::Timespan& timeout, int mode) {
  if ((mode & Poco::Net::Socket::SELECT_READ) != 0 && kept() > 0) return true;
  return Poco::Net::StreamSocketImpl::poll(timeout, mode);
}

}  // namespace paraph::http
