#include "http/TerminationSignal.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace paraph::http {
namespace {

int pipeFds[2] = {-1, -1};

extern "C" void onTermination(int signal) {
  const int savedErrno = errno;
  const unsigned char byte = static_cast<unsigned char>(signal);
  [[maybe_unused]] const auto written = ::write(pipeFds[1], &byte, 1);
  errno = savedErrno;
}

}  // namespace

TerminationSignal::TerminationSignal() {
  if (::pipe2(pipeFds, O_CLOEXEC) != 0) throw std::runtime_error("cannot create the signal pipe");
  struct sigaction action {};
  action.sa_handler = onTermination;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(SIGTERM, &action, nullptr);
  ::sigaction(SIGINT, &action, nullptr);
  // A client that hangs up mid-response must not kill the server.
  ::signal(SIGPIPE, SIG_IGN);
}

TerminationSignal::~TerminationSignal() {
  ::signal(SIGTERM, SIG_DFL);
  ::signal(SIGINT, SIG_DFL);
  ::close(pipeFds[0]);
  ::close(pipeFds[1]);
}

int TerminationSignal::wait() {
  unsigned char byte = 0;
  while (::read(pipeFds[0], &byte, 1) != 1) {
    if (errno != EINTR) throw std::runtime_error("cannot wait for a signal");
  }
  return byte;
}

}  // namespace paraph::http
