#pragma once

#include "config/Settings.h"

namespace paraph::http {

// `paraph serve`: opens the store, starts the print engine, the workers and the HTTP server,
// and runs until SIGTERM or SIGINT; then stops accepting connections, lets running jobs
// finish (or puts them back in the queue after server.shutdown_grace_ms) and returns 0.
// Throws std::runtime_error when it cannot start (port taken, data folder locked, …).
int serve(config::Settings settings);

}  // namespace paraph::http
