#pragma once

#include <chrono>
#include <filesystem>
#include <mutex>

#include "store/DataFolderLock.h"
#include "store/Database.h"
#include "store/FileStore.h"
#include "store/Store.h"

namespace paraph::store {

// The store of one data folder: <data>/paraph.sqlite (documents, versions, jobs: the
// persistent queue; WAL, synchronous=FULL) and <data>/files (the content-addressed files).
// Triggers refuse UPDATE and DELETE on versions and their files. One process per data
// folder (a lock refuses a second).
class SqliteStore final : public Store {
 public:
  static constexpr const char* kDatabaseName = "paraph.sqlite";

  // Opens (creating if need be) the data folder: takes its lock, migrates the schema, removes
  // temporary files a crash left behind, and puts back in the queue the jobs that were
  // running when the previous process died.
  SqliteStore(const std::filesystem::path& dataDir, std::chrono::milliseconds busyTimeout);


  // The content-addressed files: the same bytes are stored once, under their SHA-256, which
  // put returns. read throws when there is no such file.
  FileStore& files() override { return files_; }
  // How many interrupted jobs were put back in the queue when the store was opened.
  unsigned recoveredJobs() const override { return recovered_; }

  // Records a submission whose input is already in the file store. Refuses (queueFull) when
  // capacity jobs are already queued; nothing is recorded then.
  SubmitOutcome submit(const Submission& submission, unsigned capacity) override;

  // An amendment and its convention's consolidated next version, recorded together in one
  // transaction on the condition that the convention's latest version is still
  // `conventionFrom` and none of its jobs is queued or running; otherwise nothing is
  // recorded and the outcome says why, so that a convention version submitted meanwhile is
  // never silently replaced by a consolidation of the version before it. When the amendment
  // is already a version, nothing is consolidated again.
  ConsolidatedSubmitOutcome submitConsolidated(const Submission& amendment, const Submission& convention,
                                                       int conventionFrom, unsigned capacity) override;

  // Atomically takes the oldest queued job, skipping jobs whose document already has a job
  // running (so a document's versions follow the order of submission).
  std::optional<JobRecord> claimNext() override;
  // Records the version a running job produced (or the existing one with the same canonical
  // input) and marks the job done. Returns the version number.
  int complete(std::int64_t job, const NewVersion& version) override;
  void fail(std::int64_t job, const std::string& error, const std::string& timingsJson) override;
  unsigned requeueUnheld(const std::set<std::int64_t>& held) override;
  bool writable() override;
  // Puts a running job back in the queue (shutdown before it could finish).
  void putBack(std::int64_t job) override;

  RetryOutcome retry(std::int64_t job) override;

  // The document holding a unique value of a type, if any.
  std::optional<std::string> uniqueHolder(const std::string& documentType, const UniqueClaim& claim) override;

  std::optional<JobRecord> job(std::int64_t id) override;
  std::map<JobState, std::int64_t> jobCounts() override;
  std::int64_t queueDepth() override;
  // The newest queued or running job of a document, if any.
  std::optional<std::int64_t> pendingJob(const std::string& documentId) override;

  // page is 1-based; type empty means every type.
  DocumentPage documents(const std::string& type, int page, int perPage) override;
  std::optional<DocumentRecord> document(const std::string& id) override;
  // number 0 means the latest version.
  std::optional<VersionRecord> version(const std::string& id, int number) override;

  // Review (docs/translation.md). A transition moves a version from one of `from` to `to`
  // and records who made it and why, in one transaction; refused (nothing recorded) when the
  // version is in another state.
  TransitionOutcome transition(const std::string& id, int number, std::initializer_list<ReviewState> from,
                               ReviewState to, const std::string& actor, const std::string& comment) override;
  // approved → published, and the version becomes the document's public one (replacing an
  // earlier publication at the public URLs and in the feeds). embargoUntil: UTC in the
  // store's format, empty for none.
  TransitionOutcome publish(const std::string& id, int number, const std::string& actor, const PublicationTexts& texts,
                            const std::string& embargoUntil) override;
  // The public version, published → withdrawn: the public URLs then answer 410 Gone and the
  // feeds leave it out. Refused (wrongState) for a version that is not the public one.
  TransitionOutcome withdraw(const std::string& id, int number, const std::string& actor, const std::string& comment) override;
  std::vector<TransitionRecord> history(const std::string& id, int number) override;
  // Returns the comment's id; `at` is set by the store.
  std::int64_t addComment(const std::string& id, int number, const CommentRecord& comment) override;
  std::vector<CommentRecord> comments(const std::string& id, int number) override;
  // False when the finding was already acknowledged (the first acknowledgement is kept).
  bool acknowledge(const std::string& id, int number, const std::string& findingId, const std::string& by) override;
  std::vector<AcknowledgementRecord> acknowledgements(const std::string& id, int number) override;

  std::optional<PublicationRecord> publication(const std::string& id) override;
  // The live publications at `nowUtc` (published, not withdrawn, embargo passed), most
  // recently published first: `limit` of them from `offset`.
  std::vector<PublicationRecord> livePublications(const std::string& nowUtc, std::int64_t offset, int limit) override;
  // When the feeds last changed at `nowUtc`: the latest publication, embargo lifted or
  // withdrawal; empty when nothing was ever published. Never earlier than a real change, so
  // a reader's If-Modified-Since cannot hide a withdrawal.
  std::string feedChangedAt(const std::string& nowUtc) override;

  // ---------------------------------------------------------------- integrations (issue 19)
  // SqliteIntegrations.cpp; see Store.h.
  IdempotencyClaim claimIdempotencyKey(const std::string& principal, const std::string& key,
                                       const std::string& fingerprint, const std::string& expiredBefore) override;
  void finishIdempotencyKey(const std::string& principal, const std::string& key, const StoredAnswer& answer) override;
  void releaseIdempotencyKey(const std::string& principal, const std::string& key) override;
  std::vector<EventRecord> eventsAfter(std::int64_t id, int limit) override;
  std::int64_t latestEventId() override;
  CallbackRecord addCallback(const CallbackRecord& callback) override;
  std::vector<CallbackRecord> callbacks(const std::string& owner) override;
  std::optional<CallbackRecord> callback(std::int64_t id) override;
  bool removeCallback(std::int64_t id) override;
  std::vector<DeliveryRecord> deliveries(std::int64_t callback, int limit) override;
  std::optional<DeliveryRecord> delivery(std::int64_t id) override;
  std::int64_t redeliver(std::int64_t delivery) override;
  std::optional<DueDelivery> claimDueDelivery(const std::string& nowUtc, const std::string& leaseUntil) override;
  void recordAttempt(std::int64_t delivery, const AttemptRecord& attempt, DeliveryState state,
                     const std::string& dueAt) override;
  void addWebSubIntent(const WebSubIntent& intent) override;
  std::optional<WebSubIntent> claimWebSubIntent(const std::string& nowUtc, const std::string& leaseUntil) override;
  void finishWebSubIntent(std::int64_t id, bool verified, const std::string& expiresAt) override;
  // Accounts and sessions (SqliteAccounts.cpp).
  bool addUser(const UserRecord& user) override;
  std::optional<UserRecord> user(const std::string& name) override;
  std::vector<UserRecord> users() override;
  bool setPassword(const std::string& name, const std::string& passwordHash) override;
  bool disableUser(const std::string& name) override;
  bool setUserLanguage(const std::string& name, const std::string& language) override;
  bool addToken(const TokenRecord& token) override;
  bool revokeToken(const std::string& name) override;
  std::vector<TokenRecord> tokens() override;
  std::optional<TokenRecord> validToken(const std::string& sha256) override;
  void createSession(const SessionRecord& session) override;
  std::optional<SessionRecord> session(const std::string& idSha256) override;
  void touchSession(const std::string& idSha256, std::int64_t seenAt) override;
  void endSession(const std::string& idSha256) override;
  SignInFailures signInFailures(const std::string& name) override;
  int recordSignInFailure(const std::string& name, std::int64_t at) override;
  void clearSignInFailures(const std::string& name) override;
  std::string secret(const std::string& name, const std::string& candidate) override;
  DocumentPage workspaceDocuments(const DocumentQuery& query) override;
  // Batches (SqliteBatches.cpp).
  BatchSubmitOutcome submitBatch(const NewBatch& batch, unsigned maxQueuedBatchJobs) override;
  std::optional<BatchSummary> batch(const std::string& id) override;
  std::vector<BatchRecordState> batchRecords(const std::string& id) override;
  std::vector<std::string> batchesAwaitingMailRoom() override;
  void finishMailRoom(const std::string& id, const std::vector<FileRecord>& files, const std::string& error) override;
  std::vector<FileRecord> batchFiles(const std::string& id) override;

 private:
  DataFolderLock lock_;
  FileStore files_;
  Database database_;
  unsigned recovered_ = 0;
  std::mutex probeMutex_;
  std::chrono::steady_clock::time_point probedAt_{};
  bool writable_ = true;
};

}  // namespace paraph::store
