// The rows of batches (docs/batch.md): what the HTTP layer records for a batch, and what the
// store hands back. A batch's progress is never a stored counter: it is counted from the
// states of its records' jobs, so that a crash, a retry or a restart cannot make it drift.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/Records.h"

namespace paraph::store {

// One problem of a wrong record, kept language-neutral (its catalog key and arguments) so
// that each reader is told it in their own language.
struct BatchProblem {
  std::string file;
  int line = 0;
  int column = 0;
  std::string path;
  std::string rule;
  std::string message;  // English fallback
  std::string key;
  std::vector<std::pair<std::string, std::string>> arguments;
};

// One record of a new batch: a submission (a good record, queued like a document sent
// alone) or its problems (a wrong record, never queued).
struct NewBatchRecord {
  int position = 0;
  std::string place;
  std::string documentId;
  std::string documentType;
  std::string reference;
  std::string postalCode;  // posted types only (the mail room)
  std::optional<Submission> submission;
  std::vector<BatchProblem> problems;
};

struct NewBatch {
  std::string name;          // the envelope's id or "batch-…": the batch's id unless taken
  std::string sourceSha256;  // of the bytes as sent: the same bytes again are the same batch
  std::string sourceName;
  std::string submittedBy;
  std::string requestId;
  std::vector<NewBatchRecord> records;
};

struct BatchSubmitOutcome {
  enum class Kind {
    created,   // a new batch and its jobs
    existing,  // the same bytes were sent before: that batch, nothing recorded
    queueFull  // nothing recorded
  };
  Kind kind = Kind::created;
  std::string id;
};

enum class MailRoomState { none, pending, built, failed };
std::string toString(MailRoomState state);

struct BatchSummary {
  std::string id;
  std::string sourceName;
  std::string sourceSha256;
  std::string submittedBy;
  std::string createdAt;
  std::int64_t total = 0;
  std::int64_t invalid = 0;  // wrong records: reported, never queued
  std::int64_t queued = 0;
  std::int64_t running = 0;
  std::int64_t done = 0;
  std::int64_t failed = 0;  // jobs that failed (a failed job retried counts as queued again)
  std::string lastFinishedAt;  // of its jobs; empty before the first
  MailRoomState mailRoom = MailRoomState::none;
  std::string mailRoomError;
  bool finished() const { return queued == 0 && running == 0; }
};

// A record as it stands now: its job's state (none for a wrong record).
struct BatchRecordState {
  int position = 0;
  std::string place;
  std::string documentId;
  std::string documentType;
  std::string reference;
  std::string postalCode;
  std::int64_t job = 0;                // 0: a wrong record
  std::optional<JobState> jobState;    // none: a wrong record
  int version = 0;
  std::string error;                   // the failed job's
  std::vector<BatchProblem> problems;  // a wrong record's
};

}  // namespace paraph::store
