#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "http/JobRunner.h"
#include "http/JsonLog.h"
#include "store/Store.h"

namespace paraph::http {

// Threads that take jobs from the store's queue in order of submission and run them. They
// wake when a job is queued, and poll every second anyway (a retried or recovered job);
// an idle worker also puts back in the queue any running job no worker holds (one whose
// outcome the store could not record), so no job stays running without a worker.
class WorkerPool {
 public:
  WorkerPool(unsigned workers, JobRunner& runner, store::Store& store, JsonLog& log);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // A job was queued.
  void wake();
  // Stops taking jobs; lets the running ones finish for up to grace, then makes the rest
  // put their jobs back in the queue at their next stage boundary, and joins the threads.
  void stop(std::chrono::milliseconds grace);
  std::size_t size() const { return threads_.size(); }

 private:
  void work();
  // Called with mutex_ held.
  void requeueAbandoned();

  JobRunner& runner_;
  store::Store& store_;
  JsonLog& log_;
  std::mutex mutex_;
  std::condition_variable wakeUp_;
  std::condition_variable idle_;
  unsigned pendingWakeUps_ = 0;
  unsigned running_ = 0;
  bool stopping_ = false;
  std::atomic<bool> abandon_{false};
  std::set<std::int64_t> held_;  // jobs this pool's workers are running
  std::vector<std::thread> threads_;
};

}  // namespace paraph::http
