#include "store/SqliteStore.h"

#include <Poco/Data/Statement.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Nullable.h>
#include <Poco/Timestamp.h>
#include <Poco/Tuple.h>

#include <stdexcept>
#include <vector>

#include "store/SqliteBatches.h"
#include "store/SqliteEvents.h"

namespace paraph::store {
namespace {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

std::string nowUtc() { return Store::timestamp(); }

constexpr const char* kJobColumns =
    "SELECT id, document_id, document_type, input_sha256, canonical_sha256, state, COALESCE(version, 0), "
    "COALESCE(error, ''), attempts, timings, submitted_by, request_id, submitted_at, COALESCE(started_at, ''), "
    "COALESCE(finished_at, '') FROM jobs ";

using JobRow = Poco::Tuple<Poco::Int64, std::string, std::string, std::string, std::string, std::string, int,
                           std::string, int, std::string, std::string, std::string, std::string, std::string,
                           std::string>;

JobRecord toJob(const JobRow& row) {
  JobRecord job;
  job.id = row.get<0>();
  job.documentId = row.get<1>();
  job.documentType = row.get<2>();
  job.inputSha256 = row.get<3>();
  job.canonicalSha256 = row.get<4>();
  job.state = parseJobState(row.get<5>()).value_or(JobState::failed);
  job.version = row.get<6>();
  job.error = row.get<7>();
  job.attempts = row.get<8>();
  job.timingsJson = row.get<9>();
  job.submittedBy = row.get<10>();
  job.requestId = row.get<11>();
  job.submittedAt = row.get<12>();
  job.startedAt = row.get<13>();
  job.finishedAt = row.get<14>();
  return job;
}

std::optional<JobRecord> selectJob(Session& session, Poco::Int64 id) {
  std::vector<JobRow> rows;
  session << std::string(kJobColumns) + "WHERE id = ?", into(rows), useRef(id), now;
  if (rows.empty()) return std::nullopt;
  return toJob(rows.front());
}

// The version that already holds this canonical input, or 0.
int versionWithInput(Session& session, const std::string& documentId, const std::string& canonicalSha256) {
  std::vector<int> numbers;
  session << "SELECT number FROM versions WHERE document_id = ? AND canonical_sha256 = ?", into(numbers),
      useRef(documentId), useRef(canonicalSha256), now;
  return numbers.empty() ? 0 : numbers.front();
}

std::vector<FileRecord> selectFiles(Session& session, const std::string& documentId, int number) {
  using FileRow = Poco::Tuple<std::string, std::string, Poco::Int64, std::string>;
  std::vector<FileRow> rows;
  session << "SELECT name, media_type, size, sha256 FROM version_files WHERE document_id = ? AND number = ? "
             "ORDER BY CASE name WHEN 'input.xml' THEN 0 ELSE 1 END, name",
      into(rows), useRef(documentId), useRef(number), now;
  std::vector<FileRecord> files;
  for (const auto& row : rows) files.push_back({row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>()});
  return files;
}

// The version's state, or nullopt when there is no such version.
std::optional<ReviewState> selectState(Session& session, const std::string& id, int number) {
  std::vector<std::string> states;
  session << "SELECT state FROM version_states WHERE document_id = ? AND number = ?", into(states), useRef(id),
      useRef(number), now;
  if (states.empty()) return std::nullopt;
  return parseReviewState(states.front());
}

void recordTransition(Session& session, const std::string& id, int number, ReviewState from, ReviewState to,
                      const std::string& actor, const std::string& comment, const std::string& at) {
  const std::string fromText = toString(from);
  const std::string toText = toString(to);
  session << "UPDATE version_states SET state = ?, updated_at = ? WHERE document_id = ? AND number = ?",
      useRef(toText), useRef(at), useRef(id), useRef(number), now;
  session << "INSERT INTO transitions (document_id, number, from_state, to_state, actor, at, comment) "
             "VALUES (?, ?, ?, ?, ?, ?, ?)",
      useRef(id), useRef(number), useRef(fromText), useRef(toText), useRef(actor), useRef(at), useRef(comment), now;
  EventRecord event;
  event.type = "version.state-changed";
  event.documentId = id;
  session << "SELECT type FROM documents WHERE id = ?", into(event.documentType), useRef(id), now;
  event.version = number;
  event.state = toText;
  event.previousState = fromText;
  event.at = at;
  recordEvent(session, event);
}

// Checks the version is in one of `from`; fills `outcome` when it is not.
bool inState(Session& session, const std::string& id, int number, std::initializer_list<ReviewState> from,
             TransitionOutcome& outcome) {
  const auto current = selectState(session, id, number);
  if (!current) {
    outcome.kind = TransitionOutcome::Kind::noVersion;
    return false;
  }
  outcome.current = *current;
  for (ReviewState allowed : from) {
    if (allowed == *current) return true;
  }
  outcome.kind = TransitionOutcome::Kind::wrongState;
  return false;
}

using PublicationRow = Poco::Tuple<std::string, std::string, int, int, std::string, std::string, std::string,
                                   std::string, std::string, std::string, std::string, std::string>;
constexpr const char* kPublicationColumns =
    "SELECT document_id, document_type, number, withdrawn, first_published_at, published_at, "
    "COALESCE(withdrawn_at, ''), COALESCE(embargo_until, ''), title_fr, summary_fr, title_nl, summary_nl "
    "FROM publications ";

PublicationRecord toPublication(const PublicationRow& row) {
  PublicationRecord record;
  record.documentId = row.get<0>();
  record.documentType = row.get<1>();
  record.number = row.get<2>();
  record.withdrawn = row.get<3>() != 0;
  record.firstPublishedAt = row.get<4>();
  record.publishedAt = row.get<5>();
  record.withdrawnAt = row.get<6>();
  record.embargoUntil = row.get<7>();
  record.texts = {row.get<8>(), row.get<9>(), row.get<10>(), row.get<11>()};
  return record;
}

}  // namespace

TransitionOutcome SqliteStore::transition(const std::string& id, int number, std::initializer_list<ReviewState> from,
                                    ReviewState to, const std::string& actor, const std::string& comment) {
  return database_.transaction([&](Session& session) {
    TransitionOutcome outcome;
    if (!inState(session, id, number, from, outcome)) return outcome;
    recordTransition(session, id, number, outcome.current, to, actor, comment, nowUtc());
    return outcome;
  });
}

TransitionOutcome SqliteStore::publish(const std::string& id, int number, const std::string& actor,
                                 const PublicationTexts& texts, const std::string& embargoUntil) {
  return database_.transaction([&](Session& session) {
    TransitionOutcome outcome;
    if (!inState(session, id, number, {ReviewState::approved}, outcome)) return outcome;
    const std::string at = nowUtc();
    recordTransition(session, id, number, outcome.current, ReviewState::published, actor, "", at);
    std::string type;
    session << "SELECT type FROM documents WHERE id = ?", into(type), useRef(id), now;
    Poco::Nullable<std::string> embargo;
    if (!embargoUntil.empty()) embargo = embargoUntil;
    session << "INSERT INTO publications (document_id, document_type, number, withdrawn, first_published_at, "
               "published_at, withdrawn_at, embargo_until, title_fr, summary_fr, title_nl, summary_nl) "
               "VALUES (?, ?, ?, 0, ?, ?, NULL, ?, ?, ?, ?, ?) ON CONFLICT (document_id) DO UPDATE SET "
               "number = excluded.number, withdrawn = 0, published_at = excluded.published_at, withdrawn_at = NULL, "
               "embargo_until = excluded.embargo_until, title_fr = excluded.title_fr, summary_fr = "
               "excluded.summary_fr, title_nl = excluded.title_nl, summary_nl = excluded.summary_nl",
        useRef(id), useRef(type), useRef(number), useRef(at), useRef(at), useRef(embargo), useRef(texts.titleFr),
        useRef(texts.summaryFr), useRef(texts.titleNl), useRef(texts.summaryNl), now;
    EventRecord event;
    event.type = "publication.published";
    event.documentId = id;
    event.documentType = type;
    event.version = number;
    event.state = toString(ReviewState::published);
    event.at = at;
    event.notBefore = embargoUntil;
    recordEvent(session, event);
    return outcome;
  });
}

TransitionOutcome SqliteStore::withdraw(const std::string& id, int number, const std::string& actor,
                                  const std::string& comment) {
  return database_.transaction([&](Session& session) {
    TransitionOutcome outcome;
    if (!inState(session, id, number, {ReviewState::published}, outcome)) return outcome;
    std::vector<int> publicNumber;
    session << "SELECT number FROM publications WHERE document_id = ? AND withdrawn = 0", into(publicNumber),
        useRef(id), now;
    if (publicNumber.empty() || publicNumber.front() != number) {
      outcome.kind = TransitionOutcome::Kind::wrongState;  // published once, but replaced since
      return outcome;
    }
    const std::string at = nowUtc();
    recordTransition(session, id, number, outcome.current, ReviewState::withdrawn, actor, comment, at);
    session << "UPDATE publications SET withdrawn = 1, withdrawn_at = ? WHERE document_id = ?", useRef(at), useRef(id),
        now;
    EventRecord event;
    event.type = "publication.withdrawn";
    event.documentId = id;
    session << "SELECT document_type FROM publications WHERE document_id = ?", into(event.documentType), useRef(id), now;
    event.version = number;
    event.state = toString(ReviewState::withdrawn);
    event.at = at;
    recordEvent(session, event);
    return outcome;
  });
}

std::vector<TransitionRecord> SqliteStore::history(const std::string& id, int number) {
  return database_.read([&](Session& session) {
    using Row = Poco::Tuple<std::string, std::string, std::string, std::string, std::string>;
    std::vector<Row> rows;
    session << "SELECT COALESCE(from_state, ''), to_state, actor, at, comment FROM transitions "
               "WHERE document_id = ? AND number = ? ORDER BY id",
        into(rows), useRef(id), useRef(number), now;
    std::vector<TransitionRecord> history;
    for (const auto& row : rows) {
      history.push_back({parseReviewState(row.get<0>()), parseReviewState(row.get<1>()).value_or(ReviewState::draft),
                         row.get<2>(), row.get<3>(), row.get<4>()});
    }
    return history;
  });
}

std::int64_t SqliteStore::addComment(const std::string& id, int number, const CommentRecord& comment) {
  return database_.transaction([&](Session& session) {
    const std::string at = nowUtc();
    session << "INSERT INTO comments (document_id, number, segment_id, author, at, text) VALUES (?, ?, ?, ?, ?, ?)",
        useRef(id), useRef(number), useRef(comment.segmentId), useRef(comment.author), useRef(at), useRef(comment.text),
        now;
    Poco::Int64 rowId = 0;
    session << "SELECT last_insert_rowid()", into(rowId), now;
    return static_cast<std::int64_t>(rowId);
  });
}

std::vector<CommentRecord> SqliteStore::comments(const std::string& id, int number) {
  return database_.read([&](Session& session) {
    using Row = Poco::Tuple<Poco::Int64, std::string, std::string, std::string, std::string>;
    std::vector<Row> rows;
    session << "SELECT id, segment_id, author, at, text FROM comments WHERE document_id = ? AND number = ? ORDER BY id",
        into(rows), useRef(id), useRef(number), now;
    std::vector<CommentRecord> comments;
    for (const auto& row : rows) comments.push_back({row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>(), row.get<4>()});
    return comments;
  });
}

bool SqliteStore::acknowledge(const std::string& id, int number, const std::string& findingId, const std::string& by) {
  return database_.transaction([&](Session& session) {
    const std::string at = nowUtc();
    Poco::Data::Statement insert(session);
    insert << "INSERT OR IGNORE INTO acknowledgements (document_id, number, finding_id, acknowledged_by, at) "
              "VALUES (?, ?, ?, ?, ?)",
        useRef(id), useRef(number), useRef(findingId), useRef(by), useRef(at);
    return insert.execute() > 0;
  });
}

std::vector<AcknowledgementRecord> SqliteStore::acknowledgements(const std::string& id, int number) {
  return database_.read([&](Session& session) {
    using Row = Poco::Tuple<std::string, std::string, std::string>;
    std::vector<Row> rows;
    session << "SELECT finding_id, acknowledged_by, at FROM acknowledgements WHERE document_id = ? AND number = ? "
               "ORDER BY at, finding_id",
        into(rows), useRef(id), useRef(number), now;
    std::vector<AcknowledgementRecord> result;
    for (const auto& row : rows) result.push_back({row.get<0>(), row.get<1>(), row.get<2>()});
    return result;
  });
}

std::optional<PublicationRecord> SqliteStore::publication(const std::string& id) {
  return database_.read([&](Session& session) -> std::optional<PublicationRecord> {
    std::vector<PublicationRow> rows;
    session << std::string(kPublicationColumns) + "WHERE document_id = ?", into(rows), useRef(id), now;
    if (rows.empty()) return std::nullopt;
    return toPublication(rows.front());
  });
}

std::vector<PublicationRecord> SqliteStore::livePublications(const std::string& nowUtc_, std::int64_t offset,
                                                            int limit) {
  const Poco::Int64 skipped = std::max<std::int64_t>(offset, 0);
  return database_.read([&](Session& session) {
    std::vector<PublicationRow> rows;
    session << std::string(kPublicationColumns) +
                   "WHERE withdrawn = 0 AND (embargo_until IS NULL OR embargo_until <= ?) "
                   "ORDER BY MAX(published_at, COALESCE(embargo_until, '')) DESC, document_id LIMIT ? OFFSET ?",
        into(rows), useRef(nowUtc_), useRef(limit), useRef(skipped), now;
    std::vector<PublicationRecord> result;
    for (const auto& row : rows) result.push_back(toPublication(row));
    return result;
  });
}

std::string SqliteStore::feedChangedAt(const std::string& nowUtc_) {
  return database_.read([&](Session& session) {
    Poco::Nullable<std::string> latest;
    session << "SELECT MAX(CASE WHEN withdrawn = 1 THEN withdrawn_at ELSE MAX(published_at, "
               "CASE WHEN embargo_until IS NOT NULL AND embargo_until <= ? THEN embargo_until ELSE '' END) END) "
               "FROM publications",
        into(latest), useRef(nowUtc_), now;
    return latest.isNull() ? std::string() : latest.value();
  });
}

SqliteStore::SqliteStore(const std::filesystem::path& dataDir, std::chrono::milliseconds busyTimeout)
    : lock_(dataDir), files_(dataDir / "files"), database_(dataDir / kDatabaseName, busyTimeout) {
  files_.removeLeftovers();
  recovered_ = database_.transaction([](Session& session) {
    Poco::Data::Statement requeue(session);
    requeue << "UPDATE jobs SET state = 'queued', started_at = NULL WHERE state = 'running'";
    const auto requeued = static_cast<unsigned>(requeue.execute());
    // An Idempotency-Key whose request was being answered when the process died: forgotten,
    // so that the client's retry is answered (the submission itself is de-duplicated).
    session << "DELETE FROM idempotency_keys WHERE status = 0", now;
    return requeued;
  });
}

// A submission recorded in `session`'s transaction; `alsoQueued` more jobs must fit in the
// queue beside it (its lane's queued jobs: a batch's jobs do not fill the submitters' queue).
SubmitOutcome submitIn(Session& session, const Submission& submission, unsigned capacity, unsigned alsoQueued) {
  SubmitOutcome outcome;
  const std::string now_ = nowUtc();
  for (std::size_t index = 0; index < submission.uniqueClaims.size(); ++index) {
    const auto& claim = submission.uniqueClaims[index];
    std::vector<std::string> holders;
    session << "SELECT document_id FROM unique_values WHERE document_type = ? AND key = ? AND value = ?",
        into(holders), useRef(submission.documentType), useRef(claim.key), useRef(claim.value), now;
    if (!holders.empty() && holders.front() != submission.documentId) {
      outcome.kind = SubmitOutcome::Kind::uniqueConflict;
      outcome.conflictingClaim = index;
      outcome.conflictingDocument = holders.front();
      return outcome;
    }
  }
  // Called once the submission is sure to be recorded (same transaction, so all or nothing).
  auto recordClaims = [&] {
    for (const auto& claim : submission.uniqueClaims) {
      session << "INSERT OR IGNORE INTO unique_values (document_type, key, value, document_id) VALUES (?, ?, ?, ?)",
          useRef(submission.documentType), useRef(claim.key), useRef(claim.value), useRef(submission.documentId), now;
    }
  };
  if (const int existing = versionWithInput(session, submission.documentId, submission.canonicalSha256)) {
    // Recorded as a finished job so that every submission has a status URL to poll.
    session << "INSERT INTO jobs (document_id, document_type, input_sha256, canonical_sha256, state, version, "
               "submitted_by, request_id, submitted_at, started_at, finished_at, lane) "
               "VALUES (?, ?, ?, ?, 'done', ?, ?, ?, ?, ?, ?, ?)",
        useRef(submission.documentId), useRef(submission.documentType), useRef(submission.inputSha256),
        useRef(submission.canonicalSha256), bind(existing), useRef(submission.submittedBy), useRef(submission.requestId),
        useRef(now_), useRef(now_), useRef(now_), useRef(submission.lane), now;
    outcome.kind = SubmitOutcome::Kind::existingVersion;
    outcome.version = existing;
  } else {
    std::vector<Poco::Int64> active;
    session << "SELECT id FROM jobs WHERE document_id = ? AND canonical_sha256 = ? AND state IN ('queued', "
               "'running') ORDER BY id LIMIT 1",
        into(active), useRef(submission.documentId), useRef(submission.canonicalSha256), now;
    if (!active.empty()) {
      outcome.kind = SubmitOutcome::Kind::alreadyQueued;
      outcome.job = active.front();
      return outcome;
    }
    Poco::Int64 queued = 0;
    session << "SELECT COUNT(*) FROM jobs WHERE state = 'queued' AND lane = ?", into(queued), useRef(submission.lane), now;
    if (queued + alsoQueued >= static_cast<Poco::Int64>(capacity)) {
      outcome.kind = SubmitOutcome::Kind::queueFull;
      return outcome;
    }
    session << "INSERT INTO jobs (document_id, document_type, input_sha256, canonical_sha256, state, "
               "submitted_by, request_id, submitted_at, lane) VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?)",
        useRef(submission.documentId), useRef(submission.documentType), useRef(submission.inputSha256),
        useRef(submission.canonicalSha256), useRef(submission.submittedBy), useRef(submission.requestId), useRef(now_),
        useRef(submission.lane), now;
    outcome.kind = SubmitOutcome::Kind::queued;
  }
  Poco::Int64 id = 0;
  session << "SELECT last_insert_rowid()", into(id), now;
  outcome.job = id;
  recordClaims();  // after reading the job's rowid, which this insert would replace
  return outcome;
}

namespace {

// The latest version number of a document, 0 when it has none.
int latestVersion(Session& session, const std::string& documentId) {
  int number = 0;
  session << "SELECT COALESCE(MAX(number), 0) FROM versions WHERE document_id = ?", into(number), useRef(documentId), now;
  return number;
}

std::optional<std::int64_t> pendingJobIn(Session& session, const std::string& documentId) {
  std::vector<Poco::Int64> jobs;
  session << "SELECT id FROM jobs WHERE document_id = ? AND state IN ('queued', 'running') ORDER BY id DESC LIMIT 1",
      into(jobs), useRef(documentId), now;
  if (jobs.empty()) return std::nullopt;
  return static_cast<std::int64_t>(jobs.front());
}

}  // namespace

SubmitOutcome SqliteStore::submit(const Submission& submission, unsigned capacity) {
  return database_.transaction([&](Session& session) { return submitIn(session, submission, capacity, 0); });
}

ConsolidatedSubmitOutcome SqliteStore::submitConsolidated(const Submission& amendment, const Submission& convention,
                                                         int conventionFrom, unsigned capacity) {
  return database_.transaction([&](Session& session) {
    ConsolidatedSubmitOutcome outcome;
    // The same amendment again: already a version or on its way, so already consolidated.
    std::vector<Poco::Int64> known;
    session << "SELECT id FROM jobs WHERE document_id = ? AND canonical_sha256 = ? AND (state IN ('queued', "
               "'running') OR version IS NOT NULL) LIMIT 1",
        into(known), useRef(amendment.documentId), useRef(amendment.canonicalSha256), now;
    if (!known.empty() || versionWithInput(session, amendment.documentId, amendment.canonicalSha256) != 0) {
      outcome.amendment = submitIn(session, amendment, capacity, 0);
      return outcome;
    }
    if (const auto pending = pendingJobIn(session, convention.documentId)) {
      outcome.kind = ConsolidatedSubmitOutcome::Kind::conventionPending;
      outcome.pendingJob = *pending;
      return outcome;
    }
    if (latestVersion(session, convention.documentId) != conventionFrom) {
      outcome.kind = ConsolidatedSubmitOutcome::Kind::conventionChanged;
      return outcome;
    }
    outcome.amendment = submitIn(session, amendment, capacity, 1);
    // The amendment's capacity check counted the convention's job too: both fit, or neither.
    if (outcome.amendment.kind == SubmitOutcome::Kind::queued) {
      outcome.convention = submitIn(session, convention, capacity, 0);
    }
    return outcome;
  });
}

std::optional<JobRecord> SqliteStore::claimNext() {
  return database_.transaction([](Session& session) -> std::optional<JobRecord> {
    std::vector<Poco::Int64> next;
    // The sharing rule of Store::claimNext: the principal with the fewest running jobs first,
    // then round-robin over principals (each one's first runnable job, then each one's
    // second…), then the oldest. Only queued and running rows are read (jobs_by_state). A
    // principal is a lane: the submitter, or "batch:<id>" for a batch's jobs, so that a batch
    // of thousands takes turns with its own submitter's single documents.
    session << "SELECT id FROM (SELECT candidate.id, "
               "CASE WHEN candidate.lane = '' THEN candidate.submitted_by ELSE candidate.lane END AS principal, "
               "ROW_NUMBER() OVER (PARTITION BY CASE WHEN candidate.lane = '' THEN candidate.submitted_by "
               "ELSE candidate.lane END ORDER BY candidate.id) AS turn "
               "FROM jobs AS candidate WHERE candidate.state = 'queued' AND NOT EXISTS (SELECT 1 FROM jobs AS other "
               "WHERE other.state = 'running' AND other.document_id = candidate.document_id)) AS runnable "
               "ORDER BY (SELECT COUNT(*) FROM jobs AS busy WHERE busy.state = 'running' "
               "AND CASE WHEN busy.lane = '' THEN busy.submitted_by ELSE busy.lane END = runnable.principal), "
               "turn, id LIMIT 1",
        into(next), now;
    if (next.empty()) return std::nullopt;
    const std::string started = nowUtc();
    session << "UPDATE jobs SET state = 'running', attempts = attempts + 1, started_at = ?, error = NULL "
               "WHERE id = ?",
        useRef(started), useRef(next.front()), now;
    return selectJob(session, next.front());
  });
}

int SqliteStore::complete(std::int64_t jobId, const NewVersion& made) {
  return database_.transaction([&](Session& session) {
    const auto job = selectJob(session, jobId);
    if (!job) throw std::runtime_error("no job " + std::to_string(jobId));
    if (job->state != JobState::running) {
      throw std::runtime_error("job " + std::to_string(jobId) + " is " + toString(job->state) + ", not running");
    }
    const std::string finished = nowUtc();
    int number = versionWithInput(session, job->documentId, job->canonicalSha256);
    if (number == 0) {
      session << "INSERT INTO documents (id, type, reference, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
                 "ON CONFLICT (id) DO UPDATE SET type = excluded.type, reference = excluded.reference, "
                 "updated_at = excluded.updated_at",
          useRef(job->documentId), useRef(job->documentType), useRef(made.reference), useRef(finished), useRef(finished), now;
      session << "SELECT COALESCE(MAX(number), 0) + 1 FROM versions WHERE document_id = ?", into(number),
          useRef(job->documentId), now;
      Poco::Int64 id = jobId;
      session << "INSERT INTO versions (document_id, number, document_type, reference, source_language, "
                 "canonical_sha256, pipeline_version, engine, job_id, submitted_by, submitted_at, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          useRef(job->documentId), useRef(number), useRef(job->documentType), useRef(made.reference), useRef(made.sourceLanguage),
          useRef(job->canonicalSha256), useRef(made.pipelineVersion), useRef(made.engine), useRef(id), useRef(job->submittedBy),
          useRef(job->submittedAt), useRef(finished), now;
      std::vector<FileRecord> files = made.outputs;
      files.insert(files.begin(), FileRecord{"input.xml", "application/xml", made.inputSize, job->inputSha256});
      const std::string state = toString(made.initialState);
      session << "INSERT INTO version_states (document_id, number, state, updated_at) VALUES (?, ?, ?, ?)",
          useRef(job->documentId), useRef(number), useRef(state), useRef(finished), now;
      session << "INSERT INTO transitions (document_id, number, from_state, to_state, actor, at) "
                 "VALUES (?, ?, NULL, ?, ?, ?)",
          useRef(job->documentId), useRef(number), useRef(state), useRef(job->submittedBy), useRef(finished), now;
      for (const auto& file : files) {
        Poco::Int64 size = file.size;
        session << "INSERT INTO version_files (document_id, number, name, media_type, size, sha256) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
            useRef(job->documentId), useRef(number), useRef(file.name), useRef(file.mediaType), useRef(size), useRef(file.sha256), now;
      }
    }
    Poco::Int64 id = jobId;
    session << "UPDATE jobs SET state = 'done', version = ?, error = NULL, timings = ?, finished_at = ? WHERE id = ?",
        useRef(number), useRef(made.timingsJson), useRef(finished), useRef(id), now;
    EventRecord event;
    event.type = "job.done";
    event.documentId = job->documentId;
    event.documentType = job->documentType;
    event.version = number;
    event.job = jobId;
    event.state = toString(JobState::done);
    event.at = finished;
    recordEvent(session, event);
    recordBatchProgress(session, jobId, finished);
    return number;
  });
}

void SqliteStore::fail(std::int64_t jobId, const std::string& error, const std::string& timingsJson) {
  database_.transaction([&](Session& session) {
    const std::string finished = nowUtc();
    Poco::Int64 id = jobId;
    Poco::Data::Statement update(session);
    update << "UPDATE jobs SET state = 'failed', error = ?, timings = ?, finished_at = ? WHERE id = ? AND "
              "state = 'running'",
        useRef(error), useRef(timingsJson), useRef(finished), useRef(id);
    if (update.execute() == 0) return;
    const auto job = selectJob(session, jobId);
    EventRecord event;
    event.type = "job.failed";
    event.documentId = job->documentId;
    event.documentType = job->documentType;
    event.job = jobId;
    event.state = toString(JobState::failed);
    event.detail = error;
    event.at = finished;
    recordEvent(session, event);
    recordBatchProgress(session, jobId, finished);
  });
}

unsigned SqliteStore::requeueUnheld(const std::set<std::int64_t>& held) {
  return database_.transaction([&](Session& session) {
    std::vector<Poco::Int64> running;
    session << "SELECT id FROM jobs WHERE state = 'running'", into(running), now;
    unsigned requeued = 0;
    for (const Poco::Int64 id : running) {
      if (held.contains(id)) continue;
      session << "UPDATE jobs SET state = 'queued', started_at = NULL WHERE id = ? AND state = 'running'", bind(id), now;
      ++requeued;
    }
    return requeued;
  });
}

bool SqliteStore::writable() {
  // The database and the files share the data folder's file system: one probe tells.
  constexpr auto kProbeEvery = std::chrono::seconds(1);
  constexpr std::size_t kProbeBytes = 64 * 1024;
  std::lock_guard lock(probeMutex_);
  const auto now_ = std::chrono::steady_clock::now();
  if (now_ - probedAt_ >= kProbeEvery) {
    writable_ = files_.canWrite(kProbeBytes);
    probedAt_ = now_;
  }
  return writable_;
}

void SqliteStore::putBack(std::int64_t jobId) {
  database_.transaction([&](Session& session) {
    Poco::Int64 id = jobId;
    session << "UPDATE jobs SET state = 'queued', started_at = NULL WHERE id = ? AND state = 'running'", useRef(id), now;
  });
}

Store::RetryOutcome SqliteStore::retry(std::int64_t jobId) {
  return database_.transaction([&](Session& session) {
    const auto job = selectJob(session, jobId);
    if (!job) return RetryOutcome::notFound;
    if (job->state != JobState::failed) return RetryOutcome::notFailed;
    Poco::Int64 id = jobId;
    session << "UPDATE jobs SET state = 'queued', started_at = NULL, finished_at = NULL WHERE id = ?", useRef(id), now;
    return RetryOutcome::retried;
  });
}

std::optional<std::string> SqliteStore::uniqueHolder(const std::string& documentType, const UniqueClaim& claim) {
  return database_.read([&](Session& session) -> std::optional<std::string> {
    std::vector<std::string> holders;
    session << "SELECT document_id FROM unique_values WHERE document_type = ? AND key = ? AND value = ?",
        into(holders), useRef(documentType), useRef(claim.key), useRef(claim.value), now;
    if (holders.empty()) return std::nullopt;
    return holders.front();
  });
}

std::optional<JobRecord> SqliteStore::job(std::int64_t id) {
  return database_.read([&](Session& session) { return selectJob(session, id); });
}

std::map<JobState, std::int64_t> SqliteStore::jobCounts() {
  return database_.read([](Session& session) {
    std::vector<std::string> states;
    std::vector<Poco::Int64> counts;
    session << "SELECT state, COUNT(*) FROM jobs GROUP BY state", into(states), into(counts), now;
    std::map<JobState, std::int64_t> result{
        {JobState::queued, 0}, {JobState::running, 0}, {JobState::done, 0}, {JobState::failed, 0}};
    for (std::size_t index = 0; index < states.size(); ++index) {
      if (const auto state = parseJobState(states[index])) result[*state] = counts[index];
    }
    return result;
  });
}

std::optional<std::int64_t> SqliteStore::pendingJob(const std::string& documentId) {
  return database_.read([&](Session& session) { return pendingJobIn(session, documentId); });
}

std::int64_t SqliteStore::queueDepth() {
  return database_.read([](Session& session) {
    Poco::Int64 queued = 0;
    session << "SELECT COUNT(*) FROM jobs WHERE state = 'queued'", into(queued), now;
    return static_cast<std::int64_t>(queued);
  });
}

DocumentPage SqliteStore::documents(const std::string& type, int page, int perPage) {
  return database_.read([&](Session& session) {
    DocumentPage result;
    // In 64 bits: page=2147483647 times perPage overflowed an int and came back as page 1.
    const Poco::Int64 offset = (static_cast<Poco::Int64>(std::max(page, 1)) - 1) * std::max(perPage, 0);
    using DocumentRow = Poco::Tuple<std::string, std::string, std::string, std::string, std::string, int>;
    std::vector<DocumentRow> rows;
    const std::string filter = type.empty() ? "" : "WHERE d.type = ? ";
    const std::string select =
        "SELECT d.id, d.type, d.reference, d.created_at, d.updated_at, (SELECT MAX(number) FROM versions AS v WHERE "
        "v.document_id = d.id) FROM documents AS d " +
        filter + "ORDER BY d.id LIMIT ? OFFSET ?";
    Poco::Int64 total = 0;
    if (type.empty()) {
      session << select, into(rows), useRef(perPage), useRef(offset), now;
      session << "SELECT COUNT(*) FROM documents", into(total), now;
    } else {
      session << select, into(rows), useRef(type), useRef(perPage), useRef(offset), now;
      session << "SELECT COUNT(*) FROM documents WHERE type = ?", into(total), useRef(type), now;
    }
    for (const auto& row : rows) {
      result.documents.push_back(
          {row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>(), row.get<4>(), row.get<5>(), {}});
    }
    result.total = total;
    return result;
  });
}

std::optional<DocumentRecord> SqliteStore::document(const std::string& id) {
  return database_.read([&](Session& session) -> std::optional<DocumentRecord> {
    using DocumentRow = Poco::Tuple<std::string, std::string, std::string, std::string, std::string>;
    std::vector<DocumentRow> rows;
    session << "SELECT id, type, reference, created_at, updated_at FROM documents WHERE id = ?", into(rows), useRef(id),
        now;
    if (rows.empty()) return std::nullopt;
    DocumentRecord document{rows[0].get<0>(), rows[0].get<1>(), rows[0].get<2>(), rows[0].get<3>(),
                            rows[0].get<4>(), 0, {}};
    using VersionRow = Poco::Tuple<int, std::string, std::string, std::string, std::string, std::string, std::string,
                                   std::string, Poco::Int64, std::string, std::string, std::string, std::string>;
    std::vector<VersionRow> versions;
    session << "SELECT v.number, v.document_type, v.reference, v.source_language, v.canonical_sha256, "
               "v.pipeline_version, v.engine, v.submitted_by, v.job_id, v.submitted_at, v.created_at, v.document_id, "
               "COALESCE(s.state, 'in-review') FROM versions AS v LEFT JOIN version_states AS s "
               "ON s.document_id = v.document_id AND s.number = v.number WHERE v.document_id = ? ORDER BY v.number",
        into(versions), useRef(id), now;
    for (const auto& row : versions) {
      VersionRecord version;
      version.documentId = row.get<11>();
      version.number = row.get<0>();
      version.documentType = row.get<1>();
      version.reference = row.get<2>();
      version.sourceLanguage = row.get<3>();
      version.canonicalSha256 = row.get<4>();
      version.pipelineVersion = row.get<5>();
      version.engine = row.get<6>();
      version.submittedBy = row.get<7>();
      version.job = row.get<8>();
      version.submittedAt = row.get<9>();
      version.createdAt = row.get<10>();
      version.state = parseReviewState(row.get<12>()).value_or(ReviewState::draft);
      document.versions.push_back(std::move(version));
    }
    if (!document.versions.empty()) document.latestVersion = document.versions.back().number;
    return document;
  });
}

std::optional<VersionRecord> SqliteStore::version(const std::string& id, int number) {
  auto document = this->document(id);
  if (!document || document->versions.empty()) return std::nullopt;
  if (number == 0) number = document->latestVersion;
  for (auto& version : document->versions) {
    if (version.number != number) continue;
    version.files = database_.read([&](Session& session) { return selectFiles(session, id, number); });
    return version;
  }
  return std::nullopt;
}

}  // namespace paraph::store
