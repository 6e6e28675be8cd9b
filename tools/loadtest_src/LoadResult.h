// paraph_loadtest: drives a running `paraph serve` on loopback with N closed-loop clients for
// T seconds and reports throughput, submission→done latency, errors and the server's memory.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace paraph::loadtest {

// What every client adds to, under one lock (a few hundred events a second at most).
class LoadResult {
 public:
  void accepted() { std::lock_guard lock(mutex_); ++accepted_; }
  void completed(std::chrono::steady_clock::duration latency) {
    std::lock_guard lock(mutex_);
    latenciesMs_.push_back(std::chrono::duration<double, std::milli>(latency).count());
  }
  void failedJob() { std::lock_guard lock(mutex_); ++failedJobs_; }
  void status(int code) { std::lock_guard lock(mutex_); ++statuses_[code]; }
  void error(const std::string& kind) { std::lock_guard lock(mutex_); ++errors_[kind]; }

  // The report, for a run of the given length.
  std::string report(double seconds);

 private:
  std::mutex mutex_;
  unsigned long accepted_ = 0;
  unsigned long failedJobs_ = 0;
  std::vector<double> latenciesMs_;
  std::map<int, unsigned long> statuses_;
  std::map<std::string, unsigned long> errors_;
};

}  // namespace paraph::loadtest
