#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>

#include <Poco/Data/DataException.h>
#include <Poco/Data/Session.h>

#include "store/StorageUnavailable.h"

namespace paraph::store {

// The SQLite database of one data folder, through Poco::Data: WAL journal (readers never
// block the writer), synchronous=FULL (a 202 means the job survives a power cut), foreign
// keys on, a busy timeout, and the schema migrated to the latest version on open.
// A Poco session is not thread-safe, and every statement here is short, so one session is
// shared behind a mutex; the slow work (rendering, printing) never runs while it is held.
class Database {
 public:
  Database(const std::filesystem::path& file, std::chrono::milliseconds busyTimeout);

  // Runs work under the lock, in one transaction: committed if work returns, rolled back if
  // it throws.
  // A full or failing disk throws StorageUnavailable (nothing committed).
  template <typename Work>
  auto transaction(Work&& work) {
    std::lock_guard lock(mutex_);
    try {
      Guard guard(session_);
      if constexpr (std::is_void_v<decltype(work(session_))>) {
        work(session_);
        guard.commit();
      } else {
        auto result = work(session_);
        guard.commit();
        return result;
      }
    } catch (const Poco::Data::DataException&) {
      rethrowAsStorageFailure("the database cannot write");
    }
  }

  // Runs a read under the lock, without a transaction.
  template <typename Work>
  auto read(Work&& work) {
    std::lock_guard lock(mutex_);
    return work(session_);
  }

  int schemaVersion();

 private:
  // Rolls back unless committed.
  class Guard {
   public:
    explicit Guard(Poco::Data::Session& session) : session_(session) { session_.begin(); }
    ~Guard() {
      if (!committed_) {
        try {
          session_.rollback();
        } catch (...) {
          // Nothing more to undo; the original exception is the one that matters.
        }
      }
    }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;
    void commit() {
      session_.commit();
      committed_ = true;
    }

   private:
    Poco::Data::Session& session_;
    bool committed_ = false;
  };

  void migrate();

  std::mutex mutex_;
  Poco::Data::Session session_;
};

}  // namespace paraph::store
