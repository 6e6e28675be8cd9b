// paraph::store keeps what paraph accepted and made: documents, their immutable numbered
// versions, the content-addressed files of each version, the persistent job queue, review
// states and publications. Store is what the document service's callers (the workers, the
// HTTP routes, the command line) need from it; SqliteStore keeps it in one data folder, and
// another implementation (PostgreSQL, for several nodes) can stand in its place. SQL stays
// inside the implementations.
#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/AccountRecords.h"
#include "store/BatchRecords.h"
#include "store/FileStore.h"
#include "store/Records.h"
#include "store/StorageUnavailable.h"

namespace paraph::store {

// A write that fails for want of space throws StorageUnavailable and records nothing.
// Invariants every implementation holds, each by one transaction:
//  - a document id has at most one version per canonical input, and version numbers are
//    1, 2, 3… in the order the workers complete them;
//  - a job becomes done in the same transaction that creates (or finds) its version, so a
//    job re-run after a crash never makes a second version;
//  - versions and their files are never updated or deleted.
// Thread-safe.
class Store {
 public:
  virtual ~Store() = default;

  // The content-addressed files: the same bytes are stored once, under their SHA-256, which
  // put returns. read throws when there is no such file.
  virtual FileStore& files() = 0;
  // How many interrupted jobs were put back in the queue when the store was opened.
  virtual unsigned recoveredJobs() const = 0;

  // Records a submission whose input is already in the file store. Refuses (queueFull) when
  // capacity jobs are already queued; nothing is recorded then.
  virtual SubmitOutcome submit(const Submission& submission, unsigned capacity) = 0;

  // An amendment and its convention's consolidated next version, recorded together in one
  // transaction on the condition that the convention's latest version is still
  // `conventionFrom` and none of its jobs is queued or running; otherwise nothing is
  // recorded and the outcome says why, so that a convention version submitted meanwhile is
  // never silently replaced by a consolidation of the version before it. When the amendment
  // is already a version, nothing is consolidated again.
  virtual ConsolidatedSubmitOutcome submitConsolidated(const Submission& amendment, const Submission& convention,
                                                       int conventionFrom, unsigned capacity) = 0;

  // Atomically takes the next queued job, skipping jobs whose document already has a job
  // running (so a document's versions follow the order of submission). The queue is shared
  // between principals (submitted_by), so one user or a few heavy documents cannot hold
  // every worker: among runnable jobs, first the principal with the fewest running jobs,
  // then round-robin (each principal's oldest runnable job, then each one's second…), then
  // the oldest. A principal with 50 queued jobs and one with 1 therefore alternate; the new
  // one is claimed within two claims. SQL for it (SqliteStore) uses only ROW_NUMBER() OVER,
  // a correlated COUNT and NOT EXISTS, which PostgreSQL runs as written (lock the chosen row
  // there with `WHERE id = (that query) FOR UPDATE SKIP LOCKED`).
  virtual std::optional<JobRecord> claimNext() = 0;
  // Records the version a running job produced (or the existing one with the same canonical
  // input) and marks the job done. Returns the version number.
  virtual int complete(std::int64_t job, const NewVersion& version) = 0;
  virtual void fail(std::int64_t job, const std::string& error, const std::string& timingsJson) = 0;
  // Puts back in the queue every running job that is not in `held` (the jobs this process's
  // workers hold): a worker whose outcome could not be recorded (a full disk) must not
  // leave its job running for ever. Returns how many.
  virtual unsigned requeueUnheld(const std::set<std::int64_t>& held) = 0;
  // Whether the store can write now (a probe, at most once a second): readiness.
  virtual bool writable() = 0;
  // Puts a running job back in the queue (shutdown before it could finish).
  virtual void putBack(std::int64_t job) = 0;

  enum class RetryOutcome { retried, notFound, notFailed };
  virtual RetryOutcome retry(std::int64_t job) = 0;

  // The document holding a unique value of a type, if any.
  virtual std::optional<std::string> uniqueHolder(const std::string& documentType, const UniqueClaim& claim) = 0;

  virtual std::optional<JobRecord> job(std::int64_t id) = 0;
  virtual std::map<JobState, std::int64_t> jobCounts() = 0;
  virtual std::int64_t queueDepth() = 0;
  // The newest queued or running job of a document, if any.
  virtual std::optional<std::int64_t> pendingJob(const std::string& documentId) = 0;

  // page is 1-based; type empty means every type.
  virtual DocumentPage documents(const std::string& type, int page, int perPage) = 0;
  virtual std::optional<DocumentRecord> document(const std::string& id) = 0;
  // number 0 means the latest version.
  virtual std::optional<VersionRecord> version(const std::string& id, int number) = 0;

  // Review (docs/translation.md). A transition moves a version from one of `from` to `to`
  // and records who made it and why, in one transaction; refused (nothing recorded) when the
  // version is in another state.
  virtual TransitionOutcome transition(const std::string& id, int number, std::initializer_list<ReviewState> from,
                               ReviewState to, const std::string& actor, const std::string& comment) = 0;
  // approved → published, and the version becomes the document's public one (replacing an
  // earlier publication at the public URLs and in the feeds). embargoUntil: UTC in the
  // store's format, empty for none.
  virtual TransitionOutcome publish(const std::string& id, int number, const std::string& actor, const PublicationTexts& texts,
                            const std::string& embargoUntil) = 0;
  // The public version, published → withdrawn: the public URLs then answer 410 Gone and the
  // feeds leave it out. Refused (wrongState) for a version that is not the public one.
  virtual TransitionOutcome withdraw(const std::string& id, int number, const std::string& actor, const std::string& comment) = 0;
  virtual std::vector<TransitionRecord> history(const std::string& id, int number) = 0;
  // Returns the comment's id; `at` is set by the store.
  virtual std::int64_t addComment(const std::string& id, int number, const CommentRecord& comment) = 0;
  virtual std::vector<CommentRecord> comments(const std::string& id, int number) = 0;
  // False when the finding was already acknowledged (the first acknowledgement is kept).
  virtual bool acknowledge(const std::string& id, int number, const std::string& findingId, const std::string& by) = 0;
  virtual std::vector<AcknowledgementRecord> acknowledgements(const std::string& id, int number) = 0;

  virtual std::optional<PublicationRecord> publication(const std::string& id) = 0;
  // The live publications at `nowUtc` (published, not withdrawn, embargo passed), most
  // recently published first: `limit` of them from `offset`.
  virtual std::vector<PublicationRecord> livePublications(const std::string& nowUtc, std::int64_t offset, int limit) = 0;
  // When the feeds last changed at `nowUtc`: the latest publication, embargo lifted or
  // withdrawal; empty when nothing was ever published. Never earlier than a real change, so
  // a reader's If-Modified-Since cannot hide a withdrawal.
  virtual std::string feedChangedAt(const std::string& nowUtc) = 0;

  // ---------------------------------------------------------------- integrations (issue 19)
  // Idempotency keys, events, callbacks and deliveries, WebSub (docs/integrations.md).
  // Events are recorded by the transactions that make them (complete, fail, transition,
  // publish, withdraw), and each event's deliveries to the callbacks and subscriptions that
  // want it in that same transaction: a change of state is never without its event.

  // Takes `key` for `principal`, or says why not. A key taken before `expiredBefore` is
  // forgotten first (the retention period). A key still in progress when the store opens
  // was abandoned by a crash and is forgotten too.
  virtual IdempotencyClaim claimIdempotencyKey(const std::string& principal, const std::string& key,
                                               const std::string& fingerprint, const std::string& expiredBefore) = 0;
  virtual void finishIdempotencyKey(const std::string& principal, const std::string& key, const StoredAnswer& answer) = 0;
  virtual void releaseIdempotencyKey(const std::string& principal, const std::string& key) = 0;

  // Events after `id`, oldest first, at most `limit`.
  virtual std::vector<EventRecord> eventsAfter(std::int64_t id, int limit) = 0;
  virtual std::int64_t latestEventId() = 0;

  // Returns the callback with its id and creation time.
  virtual CallbackRecord addCallback(const CallbackRecord& callback) = 0;
  virtual std::vector<CallbackRecord> callbacks(const std::string& owner) = 0;
  virtual std::optional<CallbackRecord> callback(std::int64_t id) = 0;
  // Its pending deliveries fail; false when there is no such callback.
  virtual bool removeCallback(std::int64_t id) = 0;
  // A callback's deliveries, newest first, each with its attempts.
  virtual std::vector<DeliveryRecord> deliveries(std::int64_t callback, int limit) = 0;
  virtual std::optional<DeliveryRecord> delivery(std::int64_t id) = 0;
  // A new delivery of the same event to the same callback, due now; returns its id.
  virtual std::int64_t redeliver(std::int64_t delivery) = 0;

  // The oldest due delivery, made not due until `leaseUntil` (so that another sender does not
  // take it, and so that it is due again if this process dies while sending).
  virtual std::optional<DueDelivery> claimDueDelivery(const std::string& nowUtc, const std::string& leaseUntil) = 0;
  // Records one attempt; the delivery becomes `state`, due again at `dueAt` when pending.
  virtual void recordAttempt(std::int64_t delivery, const AttemptRecord& attempt, DeliveryState state,
                             const std::string& dueAt) = 0;

  virtual void addWebSubIntent(const WebSubIntent& intent) = 0;
  // The oldest intent, taken until `leaseUntil` as deliveries are.
  virtual std::optional<WebSubIntent> claimWebSubIntent(const std::string& nowUtc, const std::string& leaseUntil) = 0;
  // The intent is done: a verified subscribe makes (or renews) the subscription until
  // `expiresAt`, a verified unsubscribe ends it; an unverified one changes nothing.
  virtual void finishWebSubIntent(std::int64_t id, bool verified, const std::string& expiresAt) = 0;
  // ---------------------------------------------------------------- accounts and sessions
  // The workspace's server-side state (docs/workspace.md): kept in the store, not in a
  // process, so that sessions survive a restart and any node answers any request.

  // False (nothing recorded) when the name is taken.
  virtual bool addUser(const UserRecord& user) = 0;
  virtual std::optional<UserRecord> user(const std::string& name) = 0;
  virtual std::vector<UserRecord> users() = 0;  // by name
  // Each returns false when there is no such user. A new password or disabling the account
  // ends every session of that user.
  virtual bool setPassword(const std::string& name, const std::string& passwordHash) = 0;
  virtual bool disableUser(const std::string& name) = 0;
  virtual bool setUserLanguage(const std::string& name, const std::string& language) = 0;

  // False when a valid (unrevoked) token already has this name; a revoked name is reused.
  virtual bool addToken(const TokenRecord& token) = 0;
  virtual bool revokeToken(const std::string& name) = 0;  // false: no valid token by that name
  virtual std::vector<TokenRecord> tokens() = 0;         // by name, revoked ones included
  virtual std::optional<TokenRecord> validToken(const std::string& sha256) = 0;

  virtual void createSession(const SessionRecord& session) = 0;
  virtual std::optional<SessionRecord> session(const std::string& idSha256) = 0;
  virtual void touchSession(const std::string& idSha256, std::int64_t seenAt) = 0;
  virtual void endSession(const std::string& idSha256) = 0;

  virtual SignInFailures signInFailures(const std::string& name) = 0;
  // Counts one more failure at `at` and returns the new count.
  virtual int recordSignInFailure(const std::string& name, std::int64_t at) = 0;
  virtual void clearSignInFailures(const std::string& name) = 0;

  // The workspace's documents list: the query's documents, most recently changed first,
  // each with its latest version's state and submitter.
  virtual DocumentPage workspaceDocuments(const DocumentQuery& query) = 0;

  // The secret called `name`: the stored one, or `candidate`, stored now, when there is none
  // (so every node and every restart derives the same form tokens).
  virtual std::string secret(const std::string& name, const std::string& candidate) = 0;

  // ---------------------------------------------------------------- batches (issue 17)
  // docs/batch.md. A batch's jobs are ordinary queued jobs (lane "batch:<id>"), so a crash
  // loses none and the progress is counted from their states.

  // Records the batch, its wrong records' problems and one job per good record (each
  // submitted exactly as Store::submit would: an input already a version is a done job, one
  // already queued is that job), all in one transaction. The same source bytes again answer
  // the first batch (existing) and record nothing. Refuses (queueFull, nothing recorded)
  // when more than maxQueuedBatchJobs batch jobs would be queued.
  virtual BatchSubmitOutcome submitBatch(const NewBatch& batch, unsigned maxQueuedBatchJobs) = 0;
  virtual std::optional<BatchSummary> batch(const std::string& id) = 0;
  // Every record, in the batch's order.
  virtual std::vector<BatchRecordState> batchRecords(const std::string& id) = 0;
  // Batches whose mail-room file is still to be made and whose jobs are all finished,
  // oldest first (after a restart too: the state is in the store).
  virtual std::vector<std::string> batchesAwaitingMailRoom() = 0;
  // Records the mail-room files (already in the file store) or why they could not be made,
  // with a batch.progress event.
  virtual void finishMailRoom(const std::string& id, const std::vector<FileRecord>& files, const std::string& error) = 0;
  virtual std::vector<FileRecord> batchFiles(const std::string& id) = 0;

  // The store's timestamp format: UTC with milliseconds, "2026-12-01T10:00:00.000Z".
  static std::string timestamp();
  // The same format, `offset` from now (negative: in the past).
  static std::string timestampIn(std::chrono::milliseconds offset);
};

}  // namespace paraph::store
