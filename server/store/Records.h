// The rows the store hands out: plain values, no database handles.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paraph::store {

enum class JobState { queued, running, done, failed };

std::string toString(JobState state);
std::optional<JobState> parseJobState(const std::string& text);

// A version's review state (docs/translation.md, "States"): draft (a translation missing or
// outdated, or sent back by a reviewer), in-review (complete), approved, published, withdrawn.
enum class ReviewState { draft, inReview, approved, published, withdrawn };

std::string toString(ReviewState state);
std::optional<ReviewState> parseReviewState(const std::string& text);

// A value no two documents of a type may share (a circular's number), as a submission claims it.
struct UniqueClaim {
  std::string key;
  std::string value;
};

// What the HTTP layer records for an accepted submission, before any work is done.
struct Submission {
  std::string documentId;
  std::string documentType;
  std::string inputSha256;      // the bytes as submitted, in the file store
  std::string canonicalSha256;  // of the canonical form (see CanonicalInput.h)
  std::string submittedBy;      // the token's name
  std::string requestId;        // the submitting request, for the logs
  std::vector<UniqueClaim> uniqueClaims;
  // Whose turn it is in the queue (Store::claimNext): empty for the submitter's own lane; a
  // batch's jobs share the lane "batch:<id>", so that a batch takes turns like one more user.
  std::string lane;
};

struct JobRecord {
  std::int64_t id = 0;
  std::string documentId;
  std::string documentType;
  std::string inputSha256;
  std::string canonicalSha256;
  JobState state = JobState::queued;
  int version = 0;          // 0 until done
  std::string error;        // set when failed
  int attempts = 0;
  std::string timingsJson;  // {"validate_ms":…, …}
  std::string submittedBy;
  std::string requestId;
  std::string submittedAt;
  std::string startedAt;
  std::string finishedAt;
};

struct SubmitOutcome {
  enum class Kind {
    queued,           // a new job
    alreadyQueued,    // the same input is queued or running: its job
    existingVersion,  // the same input is already a version: a job recorded as done
    queueFull,        // nothing recorded
    uniqueConflict,   // another document holds one of the unique values; nothing recorded
  };
  Kind kind = Kind::queued;
  std::int64_t job = 0;
  int version = 0;
  std::size_t conflictingClaim = 0;  // uniqueConflict: which of the submission's claims
  std::string conflictingDocument;   // uniqueConflict: the document that holds it
};

// What recording an amendment together with its convention's consolidated next version did.
struct ConsolidatedSubmitOutcome {
  enum class Kind {
    recorded,           // see amendment and convention
    conventionChanged,  // the convention has a version after the one consolidated: plan again
    conventionPending,  // the convention has a queued or running job (pendingJob); nothing recorded
  };
  Kind kind = Kind::recorded;
  SubmitOutcome amendment;
  std::optional<SubmitOutcome> convention;  // none when the amendment was not newly queued
  std::int64_t pendingJob = 0;              // conventionPending: that job
};

struct FileRecord {
  std::string name;       // input.xml, fr.html, nl.html, fr.pdf, nl.pdf
  std::string mediaType;
  std::int64_t size = 0;
  std::string sha256;
};

// What a worker produced for a job; the store turns it into a version (or finds the one
// that already has the same canonical input).
struct NewVersion {
  std::string reference;
  std::string sourceLanguage;
  std::string pipelineVersion;
  std::string engine;
  std::vector<FileRecord> outputs;  // input.xml is added by the store from the job
  std::int64_t inputSize = 0;        // of input.xml, so that the store need not look at the file
  std::string timingsJson;
  ReviewState initialState = ReviewState::inReview;  // draft or in-review, from the translation
};

struct VersionRecord {
  std::string documentId;
  int number = 0;
  std::string documentType;
  std::string reference;
  std::string sourceLanguage;
  std::string canonicalSha256;
  std::string pipelineVersion;
  std::string engine;
  std::int64_t job = 0;
  std::string submittedBy;
  std::string submittedAt;
  std::string createdAt;
  ReviewState state = ReviewState::inReview;
  std::vector<FileRecord> files;
};

// One change of a version's state, as recorded (never changed afterwards).
struct TransitionRecord {
  std::optional<ReviewState> from;  // nullopt: the version's creation
  ReviewState to = ReviewState::draft;
  std::string actor;
  std::string at;
  std::string comment;
};

struct CommentRecord {
  std::int64_t id = 0;
  std::string segmentId;  // empty: on the whole version
  std::string author;
  std::string at;
  std::string text;
};

struct AcknowledgementRecord {
  std::string findingId;
  std::string by;
  std::string at;
};

// The feed texts of a publication, per language, taken from the outputs when it is published.
struct PublicationTexts {
  std::string titleFr, summaryFr, titleNl, summaryNl;
};

// What the public URLs serve for a document: the version last published (or withdrawn).
struct PublicationRecord {
  std::string documentId;
  std::string documentType;
  int number = 0;
  bool withdrawn = false;
  std::string firstPublishedAt;
  std::string publishedAt;
  std::string withdrawnAt;
  std::string embargoUntil;  // UTC, the store's timestamp format; empty when none
  PublicationTexts texts;
};

// Why a transition was refused; empty when it was made.
struct TransitionOutcome {
  enum class Kind { made, noVersion, wrongState };
  Kind kind = Kind::made;
  ReviewState current = ReviewState::draft;  // wrongState: the state the version is in
  bool made() const { return kind == Kind::made; }
};

struct DocumentRecord {
  std::string id;
  std::string type;
  std::string reference;
  std::string createdAt;
  std::string updatedAt;
  int latestVersion = 0;
  std::vector<VersionRecord> versions;  // filled by Store::document(), without files
  std::string latestState{};  // filled by Store::workspaceDocuments(): the latest version's state ("" without one)
  std::string latestBy{};     // and who submitted it
};

// What the workspace's documents list asks for (Store::workspaceDocuments).
struct DocumentQuery {
  std::string type;   // empty: every type
  std::string state;  // the latest version's state (draft, in-review…); empty: any
  int page = 1;       // 1-based
  int perPage = 20;
};

struct DocumentPage {
  std::vector<DocumentRecord> documents;
  std::int64_t total = 0;
};

}  // namespace paraph::store

// ---------------------------------------------------------------- integrations (issue 19)
// Idempotency keys, events, callbacks and their deliveries, WebSub subscriptions
// (docs/integrations.md). Kept together so that another store can port them as one block.
namespace paraph::store {

// An answer kept for an Idempotency-Key, replayed as it was first sent.
struct StoredAnswer {
  int status = 0;
  std::string contentType;
  std::string location;
  std::string body;
};

struct IdempotencyClaim {
  enum class Kind {
    claimed,     // a new key: the caller answers the request, then finishes or releases the key
    replay,      // the same key and fingerprint answered before: `answer`
    mismatch,    // the same key with another request
    inProgress,  // the same key, its first request not answered yet
  };
  Kind kind = Kind::claimed;
  StoredAnswer answer;
};

// Something that happened and that callbacks, the event stream and WebSub report.
struct EventRecord {
  std::int64_t id = 0;
  std::string type;  // job.done, job.failed, version.state-changed, publication.published, publication.withdrawn
  std::string documentId;
  std::string documentType;
  int version = 0;
  std::int64_t job = 0;
  std::string state;          // the job's or version's state after the event
  std::string previousState;  // version.state-changed: before it
  std::string detail;         // job.failed: the error
  std::string at;
  std::string notBefore;  // publications under embargo: WebSub notifies once it is lifted; empty = now
};

struct CallbackRecord {
  std::int64_t id = 0;
  std::string owner;  // the token's name
  std::string url;
  std::vector<std::string> events;
  std::string secret;
  std::string createdAt;
};

enum class DeliveryState { pending, delivered, failed };
std::string toString(DeliveryState state);

struct AttemptRecord {
  int number = 0;
  std::string at;
  int status = 0;         // the HTTP status, 0 when there was none (refused, timeout…)
  std::string error;      // why it failed, empty on success
  std::string response;   // the start of the answer's body (bounded)
  std::int64_t ms = 0;
};

struct DeliveryRecord {
  std::int64_t id = 0;
  std::string kind;  // callback or websub
  std::int64_t target = 0;
  EventRecord event;
  DeliveryState state = DeliveryState::pending;
  int attempts = 0;
  std::string createdAt;
  std::string dueAt;
  std::string finishedAt;
  std::vector<AttemptRecord> attemptLog;
};

// A delivery claimed by a sender: the delivery, and where and how to send it.
struct DueDelivery {
  DeliveryRecord delivery;
  std::string url;
  std::string secret;     // empty: unsigned (a WebSub subscription without hub.secret)
  std::string topic;      // websub: the feed path
  bool targetGone = false;  // the callback was removed or the subscription expired
};

// A WebSub (un)subscription request waiting for the subscriber's verification of intent.
struct WebSubIntent {
  std::int64_t id = 0;
  std::string mode;  // subscribe or unsubscribe
  std::string topic;  // the feed path: /feed.atom, /feed/fr.atom, /feed/nl.atom
  std::string callback;
  std::string secret;
  std::int64_t leaseSeconds = 0;
  std::string createdAt;
};

}  // namespace paraph::store
