// A loopback TCP port that is bound but never listens, held for as long as this object
// lives: every connection to it is refused at once. wkhtmltopdf is given it as its HTTP
// proxy, so any request a document makes (including to 127.0.0.1, which its
// --disable-local-file-access does not cover) fails without reaching anything.
#pragma once

namespace paraph::print {

class ClosedLoopbackPort {
 public:
  // Throws std::system_error when no port can be reserved.
  ClosedLoopbackPort();
  ~ClosedLoopbackPort();
  ClosedLoopbackPort(const ClosedLoopbackPort&) = delete;
  ClosedLoopbackPort& operator=(const ClosedLoopbackPort&) = delete;

  unsigned port() const { return port_; }

 private:
  int socket_ = -1;
  unsigned port_ = 0;
};

}  // namespace paraph::print
