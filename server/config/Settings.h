// paraph::config: every setting paraph reads, with its default, in one place.
#pragma once

#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "document/BatchLimits.h"
#include "document/DocumentLimits.h"
#include "print/ArchiveConfig.h"
#include "print/PrintEngine.h"
#include "xml/SafeParser.h"

namespace paraph::config {

// The HTTP side of `paraph serve`.
struct ServerSettings {
  std::string bindAddress = "127.0.0.1";         // server.bind_address (loopback unless asked)
  std::uint16_t port = 8080;                     // server.port
  unsigned httpThreads = 16;                     // server.http_threads: connections served at once
  unsigned httpQueue = 64;                       // server.http_queue: connections waiting for a thread
  std::size_t maxRequestBytes = 4 * 1024 * 1024; // server.max_request_bytes: any request body
  std::chrono::milliseconds shutdownGrace{60000};  // server.shutdown_grace_ms
  std::chrono::milliseconds keepAliveTimeout{2000};  // server.keep_alive_timeout_ms: idle time between requests
  std::chrono::milliseconds receiveTimeout{5000};    // server.receive_timeout_ms: longest silence inside a request
  std::chrono::milliseconds headerTimeout{10000};    // server.header_timeout_ms: a request's head from its first byte
  std::size_t minBodyBytesPerSecond = 8192;          // server.min_body_bytes_per_s: slowest body accepted
  std::size_t maxHeaderBytes = 64 * 1024;            // server.max_header_bytes: request line and headers
  unsigned maxConnections = 512;                     // server.max_connections: open at once, in every state
  unsigned maxConnectionsPerAddress = 64;            // server.max_connections_per_address
  std::chrono::milliseconds drainTimeout{10000};     // server.drain_timeout_ms: requests in flight on SIGTERM
  std::string publicUrl;  // server.public_url: scheme://host[:port] in feed links; empty = the request's Host
  unsigned feedPageSize = 20;  // server.feed_page_size: documents per page of an Atom feed
  unsigned workspacePageSize = 20;  // server.workspace_page_size: documents per page of the workspace's list
};

// Where versions, jobs and files are kept.
struct StoreSettings {
  std::string dataDir = "data";                  // store.data_dir: SQLite database and files/
  std::chrono::milliseconds busyTimeout{5000};   // store.busy_timeout_ms
};

// The persistent job queue and the workers that empty it.
struct QueueSettings {
  unsigned workers = 0;             // queue.workers: 0 = one per core; see queue.accept_only
  bool acceptOnly = false;          // queue.accept_only: accept and queue, run nothing
  unsigned capacity = 256;          // queue.capacity: queued jobs before 503
  unsigned retryAfterSeconds = 5;   // queue.retry_after_s: the Retry-After of that 503
  std::chrono::milliseconds jobTimeout{120000};  // queue.job_timeout_ms: render timeout per job
};

// The paired review page.
struct ReviewSettings {
  unsigned segmentsPerPage = 200;  // review.segments_per_page: rows of one review page
};

// Integrations (docs/integrations.md): idempotent requests, callbacks, the event stream and
// the WebSub hub.
struct IntegrationSettings {
  unsigned idempotencyRetentionSeconds = 86400;  // api.idempotency_retention_s: how long a key's answer is kept
  // callbacks.allowed_hosts: comma-separated host names or addresses (host or host:port) that
  // callbacks and WebSub subscribers may be at; empty = none (callbacks and WebSub refused).
  std::string allowedHosts;
  std::chrono::milliseconds connectTimeout{2000};   // callbacks.connect_timeout_ms
  std::chrono::milliseconds timeout{5000};          // callbacks.timeout_ms: sending and reading the answer
  std::size_t maxResponseBytes = 4096;              // callbacks.max_response_bytes: of an answer, read and kept
  std::chrono::milliseconds backoffInitial{10000};  // callbacks.backoff_initial_ms: wait after a first failure
  std::chrono::milliseconds backoffMax{3600000};    // callbacks.backoff_max_ms: longest wait between attempts
  std::chrono::milliseconds retryFor{86400000};     // callbacks.retry_for_ms: a delivery gives up after this
  unsigned senders = 2;                             // callbacks.senders: deliveries sent at once
  std::chrono::milliseconds poll{250};              // callbacks.poll_ms: how often senders look for due work
  unsigned maxPerToken = 20;                        // callbacks.max_per_token: callbacks one token may register
  unsigned maxStreams = 4;                          // events.max_streams: event streams open at once (503 beyond)
  std::chrono::milliseconds heartbeat{15000};       // events.heartbeat_ms: a comment on a quiet stream
  std::chrono::milliseconds maxStream{3600000};     // events.max_stream_ms: a stream then ends (the client resumes)
  unsigned leaseDefaultSeconds = 86400;             // websub.lease_default_s: a subscription's lease when not asked
  unsigned leaseMaxSeconds = 864000;                // websub.lease_max_s: the longest lease granted
};

// One API token: only its SHA-256 is configured, never the token itself.
struct TokenSettings {
  std::string name;                 // auth.token.<name>
  std::string sha256;               // lower-case hex
  std::set<std::string> roles;      // submitter, translator, publisher, admin
};

// The workspace's accounts and sign-in sessions (docs/workspace.md).
struct AuthSettings {
  unsigned sessionIdleSeconds = 1800;      // auth.session_idle_timeout_s: a session unused this long ends
  unsigned sessionLifetimeSeconds = 43200; // auth.session_lifetime_s: and ends this long after sign-in, used or not
  unsigned minPasswordLength = 12;         // auth.min_password_length: characters (UTF-8 bytes) at least
  unsigned freeSignInAttempts = 5;         // auth.sign_in_free_attempts: failures for one account before the throttle
  unsigned maxSignInDelaySeconds = 900;    // auth.sign_in_max_delay_s: the throttle's longest wait
};

// The roles a token or an account may hold: submitter, translator, reviewer, publisher, admin.
const std::set<std::string>& knownRoles();

// Every setting paraph reads, with its default. A properties file (--config) may set any of
// them by the names in docs/configuration.md; the command line overrides the file.
// Each default is written once, as the member's initializer; the key that sets the member, its
// checks and its meaning are one row of the table in Settings.cpp (config::Setting). A new
// setting is a member here, a row there and a row in docs/configuration.md.
struct Settings {
  std::string home;  // paraph.home: catalog/, xslt/, styles/ (default: the source tree)
  xml::ParseLimits parse;
  document::BatchLimits batch;  // batch.*: what one batch may hold (docs/batch.md)
  document::DocumentLimits document;  // document.*: segments per input, pages per edition
  print::EngineConfig print;
  print::ArchiveConfig archive;  // archive.*: PDF/A, attached source, the seal's signature
  ServerSettings server;
  StoreSettings store;
  QueueSettings queue;
  ReviewSettings review;
  IntegrationSettings integrations;
  AuthSettings auth;
  std::vector<TokenSettings> tokens;

  // Throws InvalidSetting (a std::runtime_error) naming the key when a key is unknown or its
  // value malformed, and when the file cannot be read.
  static Settings load(const std::string& configFile);
};

}  // namespace paraph::config
