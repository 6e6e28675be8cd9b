#pragma once

#include <atomic>
#include <chrono>

#include "http/JsonLog.h"
#include "http/Metrics.h"
#include "document/DocumentService.h"
#include "print/PrintEngine.h"
#include "store/Store.h"

namespace paraph::http {

// Runs one claimed job through the document service: accept (a draft with its missing
// translations marked) → review (translation status against the previous version: the
// initial state, draft or in-review) → every edition the type declares, rendered and
// printed → the file store → a version. Every outcome lands in the store: done with its version, failed
// with the reason, or (when shutdown stops waiting) put back in the queue. Thread-safe.
class JobRunner {
 public:
  JobRunner(const document::DocumentService& service, print::PrintEngine& engine, store::Store& store,
            Metrics& metrics, JsonLog& log, std::chrono::milliseconds jobTimeout);

  // abandon: set by the pool when shutdown has waited long enough; checked between stages.
  void run(const store::JobRecord& job, const std::atomic<bool>& abandon);

 private:
  const document::DocumentService& service_;
  print::PrintEngine& engine_;
  store::Store& store_;
  Metrics& metrics_;
  JsonLog& log_;
  std::chrono::milliseconds jobTimeout_;
};

}  // namespace paraph::http
