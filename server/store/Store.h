#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "store/DataFolderLock.h"
#include "store/Database.h"
#include "store/FileStore.h"
#include "store/Records.h"

namespace paraph::store {

// Everything the server keeps in one data folder: <data>/paraph.sqlite (documents, versions,
// jobs: the persistent queue) and <data>/files (the content-addressed files). Thread-safe.
//
// Invariants, each held by one transaction:
//  - a document id has at most one version per canonical input (UNIQUE constraint), and
//    version numbers are 1, 2, 3… in the order the workers complete them;
//  - a job becomes done in the same transaction that creates (or finds) its version, so a
//    job re-run after a crash never makes a second version;
//  - versions and their files are never updated or deleted (triggers refuse it).
class Store {
 public:
  static constexpr const char* kDatabaseName = "paraph.sqlite";

  // Opens (creating if need be) the data folder: takes its lock, migrates the schema, removes
  // temporary files a crash left behind, and puts back in the queue the jobs that were
  // running when the previous process died.
  Store(const std::filesystem::path& dataDir, std::chrono::milliseconds busyTimeout);

  FileStore& files() { return files_; }
  // How many interrupted jobs the constructor put back in the queue.
  unsigned recoveredJobs() const { return recovered_; }

  // Records a submission whose input is already in the file store. Refuses (queueFull) when
  // capacity jobs are already queued; nothing is recorded then.
  SubmitOutcome submit(const Submission& submission, unsigned capacity);

  // Atomically takes the oldest queued job, skipping jobs whose document already has a job
  // running (so a document's versions follow the order of submission).
  std::optional<JobRecord> claimNext();
  // Records the version a running job produced (or the existing one with the same canonical
  // input) and marks the job done. Returns the version number.
  int complete(std::int64_t job, const NewVersion& version);
  void fail(std::int64_t job, const std::string& error, const std::string& timingsJson);
  // Puts a running job back in the queue (shutdown before it could finish).
  void putBack(std::int64_t job);

  enum class RetryOutcome { retried, notFound, notFailed };
  RetryOutcome retry(std::int64_t job);

  // The document holding a unique value of a type, if any.
  std::optional<std::string> uniqueHolder(const std::string& documentType, const UniqueClaim& claim);

  std::optional<JobRecord> job(std::int64_t id);
  std::map<JobState, std::int64_t> jobCounts();
  std::int64_t queueDepth();

  // page is 1-based; type empty means every type.
  DocumentPage documents(const std::string& type, int page, int perPage);
  std::optional<DocumentRecord> document(const std::string& id);
  // number 0 means the latest version.
  std::optional<VersionRecord> version(const std::string& id, int number);

 private:
  DataFolderLock lock_;
  FileStore files_;
  Database database_;
  unsigned recovered_ = 0;
};

}  // namespace paraph::store
