// SqliteStore's batches (issue 17, docs/batch.md): the batch record, its records and their
// problems, its mail-room files, and the progress counted from its jobs. In one file, with
// migration 6, so that another store ports them as one block.
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Tuple.h>

#include <sstream>

#include "store/SqliteBatches.h"
#include "store/SqliteEvents.h"
#include "store/SqliteStore.h"

namespace paraph::store {
namespace {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

std::string argumentsJson(const std::vector<std::pair<std::string, std::string>>& arguments) {
  Poco::JSON::Object object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [name, value] : arguments) object.set(name, value);
  std::ostringstream text;
  object.stringify(text);
  return text.str();
}

std::vector<std::pair<std::string, std::string>> argumentsOf(const std::string& json) {
  std::vector<std::pair<std::string, std::string>> arguments;
  Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
  const auto object = parser.parse(json.empty() ? "{}" : json).extract<Poco::JSON::Object::Ptr>();
  for (const auto& name : object->getNames()) arguments.emplace_back(name, object->getValue<std::string>(name));
  return arguments;
}

std::optional<MailRoomState> parseMailRoomState(const std::string& text) {
  for (auto state : {MailRoomState::none, MailRoomState::pending, MailRoomState::built, MailRoomState::failed}) {
    if (toString(state) == text) return state;
  }
  return std::nullopt;
}

void insertProblem(Session& session, const std::string& batchId, Poco::Int64 ordinal, Poco::Int64 number,
                   const BatchProblem& problem) {
  const std::string arguments = argumentsJson(problem.arguments);
  Poco::Int64 line = problem.line;
  Poco::Int64 column = problem.column;
  session << "INSERT INTO batch_problems (batch_id, ordinal, number, file, line_number, column_number, path, rule, "
             "message, message_key, arguments) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      useRef(batchId), useRef(ordinal), useRef(number), useRef(problem.file), useRef(line), useRef(column),
      useRef(problem.path), useRef(problem.rule), useRef(problem.message), useRef(problem.key), useRef(arguments), now;
}

std::optional<BatchSummary> summaryIn(Session& session, const std::string& id) {
  using Row = Poco::Tuple<std::string, std::string, std::string, std::string, std::string, Poco::Int64, std::string,
                          std::string>;
  std::vector<Row> rows;
  session << "SELECT id, source_name, source_sha256, submitted_by, created_at, total, mail_room, mail_room_error "
             "FROM batches WHERE id = ?",
      into(rows), useRef(id), now;
  if (rows.empty()) return std::nullopt;
  const auto& row = rows.front();
  BatchSummary summary;
  summary.id = row.get<0>();
  summary.sourceName = row.get<1>();
  summary.sourceSha256 = row.get<2>();
  summary.submittedBy = row.get<3>();
  summary.createdAt = row.get<4>();
  summary.total = row.get<5>();
  summary.mailRoom = parseMailRoomState(row.get<6>()).value_or(MailRoomState::failed);
  summary.mailRoomError = row.get<7>();
  // Counted from the jobs, every time: what the store says is what happened.
  std::vector<std::string> states;
  std::vector<Poco::Int64> counts;
  session << "SELECT COALESCE(j.state, 'invalid'), COUNT(*) FROM batch_records AS r LEFT JOIN jobs AS j "
             "ON j.id = r.job_id WHERE r.batch_id = ? GROUP BY COALESCE(j.state, 'invalid')",
      into(states), into(counts), useRef(id), now;
  for (std::size_t index = 0; index < states.size(); ++index) {
    const auto count = static_cast<std::int64_t>(counts[index]);
    if (states[index] == "invalid") summary.invalid = count;
    if (states[index] == "queued") summary.queued = count;
    if (states[index] == "running") summary.running = count;
    if (states[index] == "done") summary.done = count;
    if (states[index] == "failed") summary.failed = count;
  }
  std::vector<std::string> last;
  session << "SELECT COALESCE(MAX(j.finished_at), '') FROM batch_records AS r JOIN jobs AS j ON j.id = r.job_id "
             "WHERE r.batch_id = ? AND j.state IN ('done', 'failed')",
      into(last), useRef(id), now;
  if (!last.empty()) summary.lastFinishedAt = last.front();
  return summary;
}

// "12 done, 1 failed…" as the event's detail: a small JSON object of the counts.
std::string countsJson(const BatchSummary& summary) {
  Poco::JSON::Object object(Poco::JSON_PRESERVE_KEY_ORDER);
  object.set("total", summary.total);
  object.set("done", summary.done);
  object.set("failed", summary.failed + summary.invalid);
  object.set("waiting", summary.queued + summary.running);
  object.set("mail_room", toString(summary.mailRoom));
  std::ostringstream text;
  object.stringify(text);
  return text.str();
}

void recordProgressEvent(Session& session, const BatchSummary& summary, const std::string& at) {
  EventRecord event;
  event.type = "batch.progress";
  event.documentId = summary.id;
  event.documentType = "batch";
  event.state = summary.finished() ? "finished" : "running";
  event.detail = countsJson(summary);
  event.at = at;
  recordEvent(session, event);
}

}  // namespace

std::string toString(MailRoomState state) {
  switch (state) {
    case MailRoomState::none: return "none";
    case MailRoomState::pending: return "pending";
    case MailRoomState::built: return "built";
    case MailRoomState::failed: return "failed";
  }
  return "failed";
}

void recordBatchProgress(Session& session, std::int64_t job, const std::string& at) {
  Poco::Int64 id = job;
  std::vector<std::string> batches;
  session << "SELECT DISTINCT batch_id FROM batch_records WHERE job_id = ?", into(batches), useRef(id), now;
  for (const auto& batchId : batches) {
    if (const auto summary = summaryIn(session, batchId)) recordProgressEvent(session, *summary, at);
  }
}

BatchSubmitOutcome SqliteStore::submitBatch(const NewBatch& batch, unsigned maxQueuedBatchJobs) {
  return database_.transaction([&](Session& session) {
    BatchSubmitOutcome outcome;
    std::vector<std::string> same;
    session << "SELECT id FROM batches WHERE source_sha256 = ? ORDER BY created_at LIMIT 1", into(same),
        useRef(batch.sourceSha256), now;
    if (!same.empty()) {
      outcome.kind = BatchSubmitOutcome::Kind::existing;
      outcome.id = same.front();
      return outcome;
    }
    Poco::Int64 goodRecords = 0;
    for (const auto& record : batch.records) goodRecords += record.submission ? 1 : 0;
    Poco::Int64 queuedBatchJobs = 0;
    session << "SELECT COUNT(*) FROM jobs WHERE state = 'queued' AND lane <> ''", into(queuedBatchJobs), now;
    if (queuedBatchJobs + goodRecords > static_cast<Poco::Int64>(maxQueuedBatchJobs)) {
      outcome.kind = BatchSubmitOutcome::Kind::queueFull;
      return outcome;
    }
    // The batch's name is its id unless another batch (other bytes) holds it: then name-2, name-3…
    std::string id = batch.name;
    for (int suffix = 2;; ++suffix) {
      Poco::Int64 taken = 0;
      session << "SELECT COUNT(*) FROM batches WHERE id = ?", into(taken), useRef(id), now;
      if (taken == 0) break;
      id = batch.name + "-" + std::to_string(suffix);
    }
    const std::string at = Store::timestamp();
    bool posted = false;
    for (const auto& record : batch.records) posted = posted || (record.submission && !record.postalCode.empty());
    const std::string mailRoom = toString(posted ? MailRoomState::pending : MailRoomState::none);
    Poco::Int64 total = static_cast<Poco::Int64>(batch.records.size());
    session << "INSERT INTO batches (id, source_sha256, source_name, submitted_by, request_id, created_at, total, "
               "mail_room) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        useRef(id), useRef(batch.sourceSha256), useRef(batch.sourceName), useRef(batch.submittedBy),
        useRef(batch.requestId), useRef(at), useRef(total), useRef(mailRoom), now;
    const std::string lane = "batch:" + id;
    for (const auto& record : batch.records) {
      Poco::Int64 ordinal = record.position;
      Poco::Int64 job = 0;
      std::vector<BatchProblem> problems = record.problems;
      if (record.submission) {
        Submission submission = *record.submission;
        submission.lane = lane;
        // Capacity is the batch's own bound (checked above): a batch never fills the
        // submitters' queue, nor they its.
        const auto submitted = submitIn(session, submission, maxQueuedBatchJobs + 1, 0);
        if (submitted.kind == SubmitOutcome::Kind::uniqueConflict) {
          // Checked before the transaction; taken meanwhile by another submission.
          const auto& claim = submission.uniqueClaims.at(submitted.conflictingClaim);
          problems.push_back({record.place, 0, 0, "", "unique", "the value '" + claim.value + "' (" + claim.key +
                                  ") is already held by document " + submitted.conflictingDocument,
                              "", {}});
        } else {
          job = submitted.job;
        }
      }
      session << "INSERT INTO batch_records (batch_id, ordinal, place, document_id, document_type, reference, "
                 "postal_code, job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          useRef(id), useRef(ordinal), useRef(record.place), useRef(record.documentId), useRef(record.documentType),
          useRef(record.reference), useRef(record.postalCode), useRef(job), now;
      Poco::Int64 number = 0;
      for (const auto& problem : problems) insertProblem(session, id, ordinal, ++number, problem);
    }
    if (const auto summary = summaryIn(session, id)) recordProgressEvent(session, *summary, at);
    outcome.id = id;
    return outcome;
  });
}

std::optional<BatchSummary> SqliteStore::batch(const std::string& id) {
  return database_.read([&](Session& session) { return summaryIn(session, id); });
}

std::vector<BatchRecordState> SqliteStore::batchRecords(const std::string& id) {
  return database_.read([&](Session& session) {
    using Row = Poco::Tuple<Poco::Int64, std::string, std::string, std::string, std::string, std::string, Poco::Int64,
                            std::string, int, std::string>;
    std::vector<Row> rows;
    session << "SELECT r.ordinal, r.place, r.document_id, r.document_type, r.reference, r.postal_code, r.job_id, "
               "COALESCE(j.state, ''), COALESCE(j.version, 0), COALESCE(j.error, '') FROM batch_records AS r "
               "LEFT JOIN jobs AS j ON j.id = r.job_id WHERE r.batch_id = ? ORDER BY r.ordinal",
        into(rows), useRef(id), now;
    using ProblemRow = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, Poco::Int64, std::string, std::string,
                                   std::string, std::string, std::string>;
    std::vector<ProblemRow> problemRows;
    session << "SELECT ordinal, file, line_number, column_number, path, rule, message, message_key, arguments "
               "FROM batch_problems WHERE batch_id = ? ORDER BY ordinal, number",
        into(problemRows), useRef(id), now;
    std::vector<BatchRecordState> records;
    records.reserve(rows.size());
    std::size_t nextProblem = 0;
    for (const auto& row : rows) {
      BatchRecordState record;
      record.position = static_cast<int>(row.get<0>());
      record.place = row.get<1>();
      record.documentId = row.get<2>();
      record.documentType = row.get<3>();
      record.reference = row.get<4>();
      record.postalCode = row.get<5>();
      record.job = row.get<6>();
      if (record.job != 0) record.jobState = parseJobState(row.get<7>());
      record.version = record.jobState == JobState::done ? row.get<8>() : 0;
      record.error = record.jobState == JobState::failed ? row.get<9>() : "";
      // Both lists are in ordinal order: one walk matches them.
      while (nextProblem < problemRows.size() && problemRows[nextProblem].get<0>() < row.get<0>()) ++nextProblem;
      for (; nextProblem < problemRows.size() && problemRows[nextProblem].get<0>() == row.get<0>(); ++nextProblem) {
        const auto& problem = problemRows[nextProblem];
        record.problems.push_back({problem.get<1>(), static_cast<int>(problem.get<2>()), static_cast<int>(problem.get<3>()),
                                   problem.get<4>(), problem.get<5>(), problem.get<6>(), problem.get<7>(),
                                   argumentsOf(problem.get<8>())});
      }
      records.push_back(std::move(record));
    }
    return records;
  });
}

std::vector<std::string> SqliteStore::batchesAwaitingMailRoom() {
  return database_.read([](Session& session) {
    std::vector<std::string> ids;
    session << "SELECT b.id FROM batches AS b WHERE b.mail_room = 'pending' AND NOT EXISTS (SELECT 1 FROM "
               "batch_records AS r JOIN jobs AS j ON j.id = r.job_id WHERE r.batch_id = b.id AND j.state IN "
               "('queued', 'running')) ORDER BY b.created_at, b.id",
        into(ids), now;
    return ids;
  });
}

void SqliteStore::finishMailRoom(const std::string& id, const std::vector<FileRecord>& files, const std::string& error) {
  database_.transaction([&](Session& session) {
    for (const auto& file : files) {
      Poco::Int64 size = file.size;
      session << "INSERT INTO batch_files (batch_id, name, media_type, size, sha256) VALUES (?, ?, ?, ?, ?) "
                 "ON CONFLICT (batch_id, name) DO NOTHING",
          useRef(id), useRef(file.name), useRef(file.mediaType), useRef(size), useRef(file.sha256), now;
    }
    const std::string state = toString(error.empty() ? MailRoomState::built : MailRoomState::failed);
    session << "UPDATE batches SET mail_room = ?, mail_room_error = ? WHERE id = ? AND mail_room = 'pending'",
        useRef(state), useRef(error), useRef(id), now;
    if (const auto summary = summaryIn(session, id)) recordProgressEvent(session, *summary, Store::timestamp());
  });
}

std::vector<FileRecord> SqliteStore::batchFiles(const std::string& id) {
  return database_.read([&](Session& session) {
    using Row = Poco::Tuple<std::string, std::string, Poco::Int64, std::string>;
    std::vector<Row> rows;
    session << "SELECT name, media_type, size, sha256 FROM batch_files WHERE batch_id = ? ORDER BY name", into(rows),
        useRef(id), now;
    std::vector<FileRecord> files;
    for (const auto& row : rows) files.push_back({row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>()});
    return files;
  });
}

}  // namespace paraph::store
