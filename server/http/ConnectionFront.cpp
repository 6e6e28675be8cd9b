#include "http/ConnectionFront.h"

#include <Poco/Buffer.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Timestamp.h>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

#include "http/ConnectionSocket.h"
#include "http/TransportHandler.h"

namespace paraph::http {

struct ConnectionFront::Connection {
  explicit Connection(ConnectionSocketImpl* socketImpl) : socket(socketImpl), impl(socketImpl) {}
  Poco::Net::StreamSocket socket;  // owns impl
  ConnectionSocketImpl* impl;
  std::string address;           // the client's IP address
  Clock::time_point since;       // accepted, or given back by its last worker
  Clock::time_point deadline;    // while with the front
  bool idle = true;              // no byte of its next request yet
  bool served = false;           // at least one request answered
  bool withWorker = false;       // queued for or held by a worker
};

namespace {

std::chrono::milliseconds until(std::chrono::steady_clock::time_point when) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(when - std::chrono::steady_clock::now());
}

const char* reasonOf(int status) {
  switch (status) {
    case 408: return "Request Timeout";
    case 431: return "Request Header Fields Too Large";
    default: return "Service Unavailable";
  }
}

}  // namespace

ConnectionFront::ConnectionFront(Poco::Net::ServerSocket& listener, const config::ServerSettings& settings,
                                 Poco::Net::HTTPRequestHandlerFactory::Ptr routes,
                                 Poco::Net::HTTPServerParams::Ptr parameters, JsonLog& log)
    : listener_(listener), settings_(settings), routes_(std::move(routes)), parameters_(std::move(parameters)), log_(log) {
  epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (epoll_ < 0 || wake_ < 0) {
    if (epoll_ >= 0) ::close(epoll_);
    if (wake_ >= 0) ::close(wake_);
    throw std::runtime_error("cannot create the HTTP front's event loop");
  }
}

ConnectionFront::~ConnectionFront() {
  stop();
  ::close(wake_);
  ::close(epoll_);
}

void ConnectionFront::start() {
  listener_.setBlocking(false);
  watch(listener_.impl()->sockfd());
  watch(wake_);
  for (unsigned index = 0; index < std::max(1u, settings_.httpThreads); ++index) workers_.emplace_back([this] { work(); });
  loop_ = std::thread([this] { run(); });
}

void ConnectionFront::stop() {
  if (!loop_.joinable()) return;
  stopping_ = true;
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = ::write(wake_, &one, sizeof one);
  loop_.join();
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
  }
  ready_.notify_all();
  for (auto& worker : workers_) worker.join();
  workers_.clear();
  for (const auto& [fd, connection] : open_) connection->socket.close();
  open_.clear();
  perAddress_.clear();
}

void ConnectionFront::watch(int fd) {
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP;
  event.data.fd = fd;
  ::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event);
}

void ConnectionFront::unwatch(int fd) { ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr); }

void ConnectionFront::run() {
  const int listenFd = listener_.impl()->sockfd();
  epoll_event events[64];
  while (!stopping_) {
    const int count = ::epoll_wait(epoll_, events, 64, nextTimeoutMs());
    for (int index = 0; index < count; ++index) {
      const int fd = events[index].data.fd;
      if (fd == listenFd) {
        acceptAll();
      } else if (fd == wake_) {
        std::uint64_t value = 0;
        [[maybe_unused]] const auto got = ::read(wake_, &value, sizeof value);
        takeBack();
      } else {
        onReadable(fd);
      }
    }
    expire();
  }
  drain();
}

int ConnectionFront::nextTimeoutMs() const {
  auto next = Clock::now() + std::chrono::seconds(1);
  for (const auto& [fd, connection] : open_) {
    if (!connection->withWorker) next = std::min(next, connection->deadline);
  }
  return static_cast<int>(std::clamp<std::int64_t>(until(next).count() + 1, 0, 1000));
}

void ConnectionFront::acceptAll() {
  for (;;) {
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    const int fd = ::accept4(listener_.impl()->sockfd(), reinterpret_cast<sockaddr*>(&peer), &length, SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (errno == EMFILE || errno == ENFILE) {
        // Out of descriptors: make room from the idle, or let the backlog wait a moment.
        if (!evictOldestIdle(nullptr)) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      return;
    }
    const auto connection = std::make_shared<Connection>(new ConnectionSocketImpl(fd));
    try {
      connection->address =
          Poco::Net::SocketAddress(reinterpret_cast<const sockaddr*>(&peer), length).host().toString();
    } catch (const Poco::Exception&) {
      connection->address = "unknown";
    }
    const bool room = (open_.size() < settings_.maxConnections || evictOldestIdle(nullptr)) &&
                      (perAddress_[connection->address] < settings_.maxConnectionsPerAddress ||
                       evictOldestIdle(&connection->address));
    if (perAddress_[connection->address] == 0) perAddress_.erase(connection->address);
    if (!room) {
      const std::string refusal =
          "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\nRetry-After: 1\r\n\r\n";
      [[maybe_unused]] const auto sent = ::send(fd, refusal.data(), refusal.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
      connection->socket.close();
      continue;
    }
    connection->socket.setNoDelay(true);
    // A client that stops reading its answer frees the worker after this long.
    connection->socket.setSendTimeout(Poco::Timespan(
        std::chrono::duration_cast<std::chrono::microseconds>(settings_.receiveTimeout).count()));
    connection->since = Clock::now();
    connection->deadline = connection->since + settings_.headerTimeout;
    open_[fd] = connection;
    ++perAddress_[connection->address];
    watch(fd);
  }
}

bool ConnectionFront::evictOldestIdle(const std::string* address) {
  ConnectionPtr oldest;
  for (const auto& [fd, connection] : open_) {
    if (connection->withWorker || (address != nullptr && connection->address != *address)) continue;
    // Idle keep-alive connections go before those that have begun a request.
    if (!oldest || std::make_pair(!connection->idle, connection->since) < std::make_pair(!oldest->idle, oldest->since)) {
      oldest = connection;
    }
  }
  if (!oldest) return false;
  close(oldest);
  return true;
}

void ConnectionFront::onReadable(int fd) {
  const auto found = open_.find(fd);
  if (found == open_.end() || found->second->withWorker) return;
  const ConnectionPtr connection = found->second;
  const auto arrival = connection->impl->readAvailable(settings_.maxHeaderBytes);
  if (connection->impl->headComplete()) {
    dispatch(connection);
    return;
  }
  if (arrival == ConnectionSocketImpl::Arrival::closed) {
    close(connection);
    return;
  }
  if (connection->impl->kept() >= settings_.maxHeaderBytes) {
    answerAndClose(connection, 431,
                   "the request line and headers are larger than the limit of " +
                       std::to_string(settings_.maxHeaderBytes) + " bytes (setting server.max_header_bytes)");
    return;
  }
  if (connection->idle && connection->impl->kept() > 0) {
    connection->idle = false;
    // A kept-alive connection's next head has its own deadline; a new one's began at accept.
    if (connection->served) connection->deadline = Clock::now() + settings_.headerTimeout;
  }
}

void ConnectionFront::dispatch(const ConnectionPtr& connection) {
  unwatch(connection->socket.impl()->sockfd());
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() < std::max(1u, settings_.httpQueue) && !stopping_) {
      connection->withWorker = true;
      queue_.push_back(connection);
      ready_.notify_one();
      return;
    }
  }
  answerAndClose(connection, 503, "the server is busy; try again shortly");
}

void ConnectionFront::takeBack() {
  std::deque<std::pair<ConnectionPtr, bool>> returned;
  {
    std::lock_guard lock(mutex_);
    returned.swap(returned_);
  }
  for (auto& [connection, keep] : returned) {
    connection->withWorker = false;
    if (!keep || stopping_) {
      close(connection);
      continue;
    }
    connection->served = true;
    connection->since = Clock::now();
    if (connection->impl->headComplete()) {  // pipelined: the next head is already here
      dispatch(connection);
      continue;
    }
    connection->idle = connection->impl->kept() == 0;
    connection->deadline = connection->since + (connection->idle ? settings_.keepAliveTimeout : settings_.headerTimeout);
    watch(connection->socket.impl()->sockfd());
  }
}

void ConnectionFront::expire() {
  const auto now = Clock::now();
  std::vector<ConnectionPtr> expired;
  for (const auto& [fd, connection] : open_) {
    if (!connection->withWorker && connection->deadline <= now) expired.push_back(connection);
  }
  for (const auto& connection : expired) {
    if (connection->impl->kept() > 0) {
      answerAndClose(connection, 408,
                     "the request's headers did not arrive within " +
                         std::to_string(settings_.headerTimeout.count()) + " ms (setting server.header_timeout_ms)");
    } else {
      close(connection);  // silent or idle: nothing to answer
    }
  }
}

void ConnectionFront::answerAndClose(const ConnectionPtr& connection, int status, const std::string& message) {
  const std::string body = "{\"error\":\"" + message + "\"}\n";
  std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reasonOf(status) +
                     "\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n"
                     "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
                     "Content-Security-Policy: " + std::string(TransportHandler::kContentSecurityPolicy) + "\r\n";
  if (status == 503) head += "Retry-After: 1\r\n";
  const std::string answer = head + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  const int fd = connection->socket.impl()->sockfd();
  [[maybe_unused]] const auto sent = ::send(fd, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  // Read what already arrived, so that closing sends a FIN after the answer, not a reset.
  connection->impl->readAvailable(connection->impl->kept() + 1024 * 1024);
  ::shutdown(fd, SHUT_WR);
  close(connection);
}

void ConnectionFront::close(const ConnectionPtr& connection) {
  const int fd = connection->socket.impl()->sockfd();
  unwatch(fd);
  open_.erase(fd);
  if (--perAddress_[connection->address] == 0) perAddress_.erase(connection->address);
  connection->socket.close();
}

void ConnectionFront::drain() {
  unwatch(listener_.impl()->sockfd());
  std::vector<ConnectionPtr> idle;
  for (const auto& [fd, connection] : open_) {
    if (!connection->withWorker) idle.push_back(connection);
  }
  for (const auto& connection : idle) close(connection);
  std::deque<ConnectionPtr> waiting;
  {
    std::lock_guard lock(mutex_);
    waiting.swap(queue_);
  }
  for (const auto& connection : waiting) {
    connection->withWorker = false;
    answerAndClose(connection, 503, "the server is stopping; try again shortly");
  }
  // Requests in flight finish (their workers give their connections back, which closes them).
  const auto inFlight = [this] {
    return std::any_of(open_.begin(), open_.end(), [](const auto& entry) { return entry.second->withWorker; });
  };
  const auto patience = Clock::now() + settings_.drainTimeout;
  epoll_event events[8];
  while (inFlight() && Clock::now() < patience) {
    if (::epoll_wait(epoll_, events, 8, 100) > 0) {
      std::uint64_t value = 0;
      [[maybe_unused]] const auto got = ::read(wake_, &value, sizeof value);
    }
    takeBack();
  }
  // Past the grace: end what is left; its worker's next read or write fails.
  for (const auto& [fd, connection] : open_) {
    if (connection->withWorker) ::shutdown(fd, SHUT_RDWR);
  }
  if (inFlight()) {
    Poco::JSON::Object fields;
    fields.set("requests", static_cast<unsigned>(std::count_if(
                               open_.begin(), open_.end(), [](const auto& entry) { return entry.second->withWorker; })));
    log_.warning("requests_cut_off", fields);
  }
}

void ConnectionFront::work() {
  for (;;) {
    ConnectionPtr connection;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return quit_ || !queue_.empty(); });
      if (queue_.empty()) return;
      connection = queue_.front();
      queue_.pop_front();
    }
    const bool keep = serve(*connection);
    {
      std::lock_guard lock(mutex_);
      returned_.emplace_back(std::move(connection), keep);
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(wake_, &one, sizeof one);
  }
}

// One request, as Poco's HTTPServerConnection serves it, on a session that leaves the
// socket open: the front decides what happens to the connection next.
bool ConnectionFront::serve(Connection& connection) {
  using Poco::Net::HTTPResponse;
  bool keep = false;
  connection.impl->startRequest(settings_.receiveTimeout, settings_.minBodyBytesPerSecond);
  Poco::Net::HTTPServerSession session(connection.socket, parameters_);
  try {
    Poco::Net::HTTPServerResponseImpl response(session);
    try {
      Poco::Net::HTTPServerRequestImpl request(response, session, parameters_.get());
      response.setDate(Poco::Timestamp());
      response.setVersion(request.getVersion());
      response.setKeepAlive(parameters_->getKeepAlive() && request.getKeepAlive() && !stopping_);
      if (!parameters_->getSoftwareVersion().empty()) response.set("Server", parameters_->getSoftwareVersion());
      try {
        std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(routes_->createRequestHandler(request));
        if (request.getExpectContinue() && response.getStatus() == HTTPResponse::HTTP_OK) response.sendContinue();
        handler->handleRequest(request, response);
        keep = response.getKeepAlive() && response.sent() && !connection.impl->timedOut() && !stopping_;
      } catch (const std::exception&) {
        if (!response.sent()) {
          response.setStatusAndReason(HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
          response.setKeepAlive(false);
          response.setContentLength(0);
          response.send();
        }
      }
    } catch (const Poco::Net::NoMessageException&) {
    } catch (const Poco::Net::MessageException&) {
      // A head Poco cannot read: 400, as Poco's own server answers it.
      if (!response.sent()) {
        response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
        response.setStatusAndReason(HTTPResponse::HTTP_BAD_REQUEST);
        response.setKeepAlive(false);
        response.set("X-Content-Type-Options", "nosniff");
        response.setContentLength(0);
        response.send();
      }
    }
  } catch (const std::exception&) {
    keep = false;  // the client went away mid-answer, or the deadline passed
  }
  if (keep) {
    Poco::Buffer<char> readAhead(0);
    session.drainBuffer(readAhead);
    connection.impl->putBack(readAhead.begin(), readAhead.size());
  }
  connection.impl->endRequest();
  session.detachSocket();  // the session would close it
  return keep;
}

}  // namespace paraph::http
