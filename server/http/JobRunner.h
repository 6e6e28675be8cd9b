#pragma once

#include <atomic>
#include <chrono>

#include "http/JsonLog.h"
#include "http/Metrics.h"
#include "pipeline/Pipeline.h"
#include "print/PrintEngine.h"
#include "review/QaChecker.h"
#include "store/Store.h"

namespace paraph::http {

// Runs one claimed job: validate (a draft with its missing translations marked) → review
// (translation status against the previous version: the initial state, draft or in-review)
// → HTML (fr, nl, side-by-side fr-nl) → PDF (the three, printed concurrently) → the file
// store → a version. Every outcome lands in the store: done with its version, failed
// with the reason, or (when shutdown stops waiting) put back in the queue. Thread-safe.
class JobRunner {
 public:
  JobRunner(const pipeline::Pipeline& pipeline, const review::QaChecker& qa, print::PrintEngine& engine,
            store::Store& store, Metrics& metrics, JsonLog& log, std::chrono::milliseconds jobTimeout,
            xml::ParseLimits limits);

  // abandon: set by the pool when shutdown has waited long enough; checked between stages.
  void run(const store::JobRecord& job, const std::atomic<bool>& abandon);

 private:
  const pipeline::Pipeline& pipeline_;
  const review::QaChecker& qa_;
  print::PrintEngine& engine_;
  store::Store& store_;
  Metrics& metrics_;
  JsonLog& log_;
  std::chrono::milliseconds jobTimeout_;
  xml::ParseLimits limits_;
};

}  // namespace paraph::http
