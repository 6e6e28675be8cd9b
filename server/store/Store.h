#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

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
  // The newest queued or running job of a document, if any.
  std::optional<std::int64_t> pendingJob(const std::string& documentId);

  // page is 1-based; type empty means every type.
  DocumentPage documents(const std::string& type, int page, int perPage);
  std::optional<DocumentRecord> document(const std::string& id);
  // number 0 means the latest version.
  std::optional<VersionRecord> version(const std::string& id, int number);

  // Review (docs/translation.md). A transition moves a version from one of `from` to `to`
  // and records who made it and why, in one transaction; refused (nothing recorded) when the
  // version is in another state.
  TransitionOutcome transition(const std::string& id, int number, std::initializer_list<ReviewState> from,
                               ReviewState to, const std::string& actor, const std::string& comment);
  // approved → published, and the version becomes the document's public one (replacing an
  // earlier publication at the public URLs and in the feeds). embargoUntil: UTC in the
  // store's format, empty for none.
  TransitionOutcome publish(const std::string& id, int number, const std::string& actor, const PublicationTexts& texts,
                            const std::string& embargoUntil);
  // The public version, published → withdrawn: the public URLs then answer 410 Gone and the
  // feeds leave it out. Refused (wrongState) for a version that is not the public one.
  TransitionOutcome withdraw(const std::string& id, int number, const std::string& actor, const std::string& comment);
  std::vector<TransitionRecord> history(const std::string& id, int number);
  // Returns the comment's id; `at` is set by the store.
  std::int64_t addComment(const std::string& id, int number, const CommentRecord& comment);
  std::vector<CommentRecord> comments(const std::string& id, int number);
  // False when the finding was already acknowledged (the first acknowledgement is kept).
  bool acknowledge(const std::string& id, int number, const std::string& findingId, const std::string& by);
  std::vector<AcknowledgementRecord> acknowledgements(const std::string& id, int number);

  std::optional<PublicationRecord> publication(const std::string& id);
  // The live publications at `nowUtc` (published, not withdrawn, embargo passed), most
  // recently published first: `limit` of them from `offset`.
  // offset is 64-bit: a caller computes it from a page number a client chose.
  std::vector<PublicationRecord> livePublications(const std::string& nowUtc, std::int64_t offset, int limit);
  // When the feeds last changed at `nowUtc`: the latest publication, embargo lifted or
  // withdrawal; empty when nothing was ever published. Never earlier than a real change, so
  // a reader's If-Modified-Since cannot hide a withdrawal.
  std::string feedChangedAt(const std::string& nowUtc);

  // The store's timestamp format: UTC with milliseconds, "2026-12-01T10:00:00.000Z".
  static std::string timestamp();

 private:
  DataFolderLock lock_;
  FileStore files_;
  Database database_;
  unsigned recovered_ = 0;
};

}  // namespace paraph::store
