#include "http/WorkerPool.h"

namespace paraph::http {

WorkerPool::WorkerPool(unsigned workers, JobRunner& runner, store::Store& store, JsonLog& log)
    : runner_(runner), store_(store), log_(log) {
  for (unsigned index = 0; index < workers; ++index) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() { stop(std::chrono::milliseconds(0)); }

void WorkerPool::wake() {
  {
    std::lock_guard lock(mutex_);
    ++pendingWakeUps_;
  }
  wakeUp_.notify_one();
}

void WorkerPool::stop(std::chrono::milliseconds grace) {
  {
    std::unique_lock lock(mutex_);
    stopping_ = true;
    wakeUp_.notify_all();
    if (!idle_.wait_for(lock, grace, [this] { return running_ == 0; })) abandon_ = true;
  }
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void WorkerPool::work() {
  for (;;) {
    std::optional<store::JobRecord> job;
    {
      std::unique_lock lock(mutex_);
      if (stopping_) return;
      ++running_;
      // Claimed and held under the lock, so that the sweep below never takes a job that a
      // worker has just claimed for one it abandoned.
      try {
        // On a full disk, nothing is claimed: the job would only fail to be stored again.
        if (store_.writable()) job = store_.claimNext();
        if (job) held_.insert(job->id);
      } catch (const std::exception& error) {
        Poco::JSON::Object fields;
        fields.set("error", error.what());
        log_.error("claim_failed", fields);
      }
    }
    if (job) runner_.run(*job, abandon_);
    std::unique_lock lock(mutex_);
    if (job) held_.erase(job->id);
    --running_;
    if (running_ == 0) idle_.notify_all();
    if (job) continue;
    requeueAbandoned();
    wakeUp_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_ || pendingWakeUps_ > 0; });
    if (pendingWakeUps_ > 0) --pendingWakeUps_;
  }
}

void WorkerPool::requeueAbandoned() {
  // A job whose outcome could not be recorded (the store could not write) is still running
  // in the store with no worker: back to the queue, to run again once the store can write.
  try {
    if (const unsigned requeued = store_.requeueUnheld(held_); requeued > 0) {
      Poco::JSON::Object fields;
      fields.set("jobs", requeued);
      log_.warning("jobs_requeued", fields);
    }
  } catch (const std::exception& error) {
    Poco::JSON::Object fields;
    fields.set("error", error.what());
    log_.error("requeue_failed", fields);
  }
}

}  // namespace paraph::http
