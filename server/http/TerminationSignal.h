// paraph::http is `paraph serve`: the HTTP API on Poco's server, token authentication, the
// worker pool that empties the store's queue, JSON-lines logs, metrics and graceful shutdown.
#pragma once

namespace paraph::http {

// Turns SIGTERM and SIGINT into something a thread can wait for. The handler only writes a
// byte to a pipe (async-signal-safe); no signal mask is changed, so child processes such as
// Chromium inherit ordinary signal dispositions. One instance per process.
class TerminationSignal {
 public:
  TerminationSignal();
  ~TerminationSignal();
  TerminationSignal(const TerminationSignal&) = delete;
  TerminationSignal& operator=(const TerminationSignal&) = delete;

  // Blocks until SIGTERM or SIGINT arrives; returns the signal number.
  int wait();
};

}  // namespace paraph::http
