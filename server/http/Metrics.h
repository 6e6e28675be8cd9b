#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "http/Histogram.h"
#include "store/Records.h"

namespace paraph::http {

// The counters and histograms behind GET /metrics (Prometheus text format 0.0.4). Job
// counts and queue depth are read from the store at scrape time, so they are right across
// restarts; durations and response counts are this process's.
class Metrics {
 public:
  void countResponse(int status);
  // stage: validate, render, print, store, total.
  void observeStage(const std::string& stage, const std::string& documentType, const std::string& engine,
                    double seconds);

  struct Snapshot {
    std::map<store::JobState, std::int64_t> jobs;
    std::int64_t queueDepth = 0;
    std::string engine;
    unsigned engineRestarts = 0;
    std::uint64_t xsltTransforms = 0;
    bool ready = false;
  };
  std::string render(const Snapshot& snapshot) const;

 private:
  mutable std::mutex mutex_;
  std::map<int, std::uint64_t> responses_;
  std::map<std::tuple<std::string, std::string, std::string>, Histogram> stages_;
};

}  // namespace paraph::http
