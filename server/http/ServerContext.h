#pragma once

#include <atomic>
#include <string>

#include "config/Settings.h"
#include "http/Authenticator.h"
#include "http/JsonLog.h"
#include "http/Metrics.h"
#include "http/WorkerPool.h"
#include "document/DocumentService.h"
#include "pipeline/Pipeline.h"
#include "print/PrintEngine.h"
#include "review/ReviewPage.h"
#include "review/XliffExporter.h"
#include "store/Store.h"
#include "workspace/WorkspacePage.h"

namespace paraph::http {

class Integrations;

// What every request handler shares; owned by serve() and outliving the HTTP server.
struct ServerContext {
  const config::Settings& settings;
  const pipeline::Pipeline& pipeline;
  const document::DocumentService& service;
  const review::XliffExporter& xliff;
  const review::ReviewPage& reviewPage;
  print::PrintEngine* engine;  // null when queue.accept_only is set
  store::Store& store;
  Metrics& metrics;
  JsonLog& log;
  const Authenticator& authenticator;
  WorkerPool* workers;  // null when queue.accept_only is set
  std::string openApi;  // docs/openapi.json, served as is
  std::string requestIdPrefix;
  std::string formSecret;  // the forms' CSRF tokens derive from it (kept in the store: every node, every restart)
  const workspace::WorkspacePage* workspacePage = nullptr;  // the workspace's pages (sign-in, errors…)
  std::atomic<unsigned long> requestCounter{0};
  Integrations* integrations = nullptr;  // callbacks, WebSub, event streams; set by serve()
};

}  // namespace paraph::http
