#include "http/Batches.h"

#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <tuple>

#include "document/Batch.h"
#include "document/MailRoom.h"
#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "xml/Sha256.h"

namespace paraph::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

store::BatchProblem problemOf(const xml::Diagnostic& diagnostic) {
  return {diagnostic.file, diagnostic.line,    diagnostic.column, diagnostic.path,
          diagnostic.rule, diagnostic.message, diagnostic.key,    diagnostic.arguments};
}

// Seconds since the epoch of a store timestamp ("2026-12-01T10:00:00.000Z").
double epochSecondsOf(const std::string& timestamp) {
  int zone = 0;
  Poco::DateTime parsed;
  if (!Poco::DateTimeParser::tryParse("%Y-%m-%dT%H:%M:%s%z", timestamp, parsed, zone)) return 0;
  return static_cast<double>(parsed.timestamp().epochMicroseconds()) / 1e6;
}

double nowEpochSeconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

std::string batchUrl(const std::string& id) { return "/api/v1/batches/" + encodeSegment(id); }

xml::Diagnostic diagnosticOf(const store::BatchProblem& problem) {
  xml::Diagnostic diagnostic{problem.file, problem.line, problem.column, problem.path, problem.message, problem.rule, {}, {}};
  diagnostic.key = problem.key;
  diagnostic.arguments = problem.arguments;
  return diagnostic;
}

std::string recordState(const store::BatchRecordState& record) {
  if (!record.jobState) return "invalid";
  return store::toString(*record.jobState);
}

int BatchProgress::percent() const {
  if (summary.total == 0) return 100;
  return static_cast<int>((summary.total - waiting()) * 100 / summary.total);
}

BatchProgress progressOf(const store::BatchSummary& summary) {
  BatchProgress progress;
  progress.summary = summary;
  const double start = epochSecondsOf(summary.createdAt);
  const double end = summary.finished() && !summary.lastFinishedAt.empty() ? epochSecondsOf(summary.lastFinishedAt)
                                                                          : nowEpochSeconds();
  progress.seconds = std::max(0.0, end - start);
  const auto processed = static_cast<double>(summary.done + summary.failed);
  if (progress.seconds > 0 && processed > 0) progress.perSecond = processed / progress.seconds;
  if (summary.finished()) {
    progress.secondsLeft = 0;
  } else if (progress.perSecond > 0) {
    progress.secondsLeft = static_cast<double>(progress.waiting()) / progress.perSecond;
  }
  return progress;
}

TakenBatch takeBatch(Exchange& exchange, const std::string& bytes, const std::string& sourceName) {
  auto& context = exchange.context;
  const auto& settings = context.settings;
  const document::BatchReader reader(context.pipeline.home(), settings.parse, settings.batch);
  document::Batch batch;
  try {
    batch = reader.read(bytes, sourceName);
  } catch (const xml::InvalidInput& invalid) {
    throw HttpError(400, "the batch cannot be read; nothing was stored", diagnosticsJson(exchange, invalid.diagnostics()));
  }
  store::NewBatch recorded;
  recorded.name = batch.id;
  recorded.sourceSha256 = xml::sha256Hex(bytes);
  recorded.sourceName = sourceName;
  recorded.submittedBy = exchange.who().name;
  recorded.requestId = exchange.requestId;
  // Unique values taken by an earlier record of this same batch (type, key, value → document).
  std::map<std::tuple<std::string, std::string, std::string>, std::string> takenHere;
  for (const auto& record : batch.records) {
    store::NewBatchRecord row;
    row.position = record.position;
    row.place = record.place;
    row.documentId = record.declaredId;
    row.documentType = record.declaredRoot;
    if (!record.unreadable.empty()) {
      xml::Diagnostic problem{record.sourceName, 0, 0, "", record.unreadable, "batch", {}, {}};
      row.problems.push_back(problemOf(problem.localisedAs("batch.not-xml")));
      recorded.records.push_back(std::move(row));
      continue;
    }
    // The same acceptance as a document sent alone (DocumentRoutes.cpp, enqueueInput).
    document::AcceptedInput accepted;
    try {
      accepted = context.service.accept(record.bytes, record.sourceName);
    } catch (const xml::InvalidInput& invalid) {
      for (const auto& diagnostic : record.placed(invalid.diagnostics())) row.problems.push_back(problemOf(diagnostic));
      recorded.records.push_back(std::move(row));
      continue;
    }
    const auto& document = accepted.document;
    row.documentId = document.id;
    row.documentType = document.type->name;
    row.reference = document.reference;
    row.postalCode = document::MailRoom::postalCodeOf(accepted).value_or("");
    if (context.service.consolidationTarget(accepted)) {
      // An amendment is consolidated against its convention's latest version at the moment
      // it is recorded, which a batch's single transaction cannot plan for every record.
      xml::Diagnostic problem{record.sourceName, record.firstLine, record.firstColumn, "",
                              "an amendment is consolidated into its convention when submitted alone: submit "
                              "amendment '" + document.id + "' on its own",
                              "batch", {}, {}};
      row.problems.push_back(problemOf(problem.localisedAs("batch.amendment-alone", {{"document", document.id}})));
      recorded.records.push_back(std::move(row));
      continue;
    }
    store::Submission submission;
    for (const auto& unique : document.uniqueValues) {
      const auto here = takenHere.find({document.type->name, unique.key->key, unique.value});
      std::optional<std::string> holder;
      if (here != takenHere.end()) holder = here->second;
      if (!holder) holder = context.store.uniqueHolder(document.type->name, {unique.key->key, unique.value});
      if (holder && *holder != document.id) {
        for (const auto& diagnostic : record.placed({unique.conflictWith(*holder)})) row.problems.push_back(problemOf(diagnostic));
      }
      submission.uniqueClaims.push_back({unique.key->key, unique.value});
    }
    if (row.problems.empty()) {
      for (const auto& unique : document.uniqueValues) takenHere.emplace(std::tuple{document.type->name, unique.key->key, unique.value}, document.id);
      submission.documentId = document.id;
      submission.documentType = document.type->name;
      submission.canonicalSha256 = accepted.canonicalSha256;
      submission.inputSha256 = context.store.files().put(accepted.input);
      submission.submittedBy = recorded.submittedBy;
      submission.requestId = recorded.requestId;
      row.submission = std::move(submission);
    }
    recorded.records.push_back(std::move(row));
  }
  const auto outcome = context.store.submitBatch(recorded, static_cast<unsigned>(settings.batch.maxQueuedJobs));
  if (outcome.kind == store::BatchSubmitOutcome::Kind::queueFull) {
    exchange.response.set("Retry-After", std::to_string(settings.queue.retryAfterSeconds));
    throw HttpError(503, "the batch queue is full (batch.max_queued_jobs = " + std::to_string(settings.batch.maxQueuedJobs) +
                             "); try again later");
  }
  if (outcome.kind == store::BatchSubmitOutcome::Kind::created && context.workers != nullptr) {
    for (std::size_t worker = 0; worker < context.workers->size(); ++worker) context.workers->wake();
  }
  return {outcome.kind == store::BatchSubmitOutcome::Kind::created, outcome.id};
}

Object batchJson(const Exchange& exchange, const store::BatchSummary& summary,
                 const std::vector<store::BatchRecordState>& records) {
  const auto progress = progressOf(summary);
  const auto language = messageLanguageOf(exchange);
  const auto& texts = exchange.context.pipeline.texts();
  Object body = orderedObject();
  body.set("batch", summary.id);
  body.set("url", batchUrl(summary.id));
  body.set("source", summary.sourceName);
  body.set("submitted_by", summary.submittedBy);
  body.set("created_at", summary.createdAt);
  body.set("state", summary.finished() ? "finished" : "running");
  body.set("total", summary.total);
  body.set("done", progress.done());
  body.set("failed", progress.failed());
  body.set("invalid", summary.invalid);
  body.set("waiting", progress.waiting());
  body.set("running", summary.running);
  body.set("percent", progress.percent());
  body.set("per_second", std::round(progress.perSecond * 100) / 100);
  body.set("seconds", std::round(progress.seconds * 10) / 10);
  body.set("seconds_left", progress.secondsLeft ? Poco::Dynamic::Var(std::round(*progress.secondsLeft)) : Poco::Dynamic::Var());
  body.set("mail_room", store::toString(summary.mailRoom));
  if (!summary.mailRoomError.empty()) body.set("mail_room_error", summary.mailRoomError);
  Array::Ptr errors = new Array;
  for (const auto& record : records) {
    const std::string state = recordState(record);
    if (state != "invalid" && state != "failed") continue;
    auto entry = [&](const std::string& file, int line, int column, const std::string& message) {
      Object::Ptr error = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
      error->set("position", record.position);
      error->set("place", record.place);
      error->set("document", record.documentId);
      error->set("state", state);
      error->set("file", file);
      error->set("line", line);
      error->set("column", column);
      error->set("message", message);
      if (record.job != 0) error->set("job", jobUrl(record.job));
      errors->add(error);
    };
    if (state == "failed") entry(record.place, 0, 0, record.error);
    for (const auto& problem : record.problems) {
      entry(problem.file, problem.line, problem.column, pipeline::localisedMessage(diagnosticOf(problem), texts, language));
    }
  }
  body.set("errors", errors);
  Object::Ptr links = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  links->set("report", batchUrl(summary.id) + "/report.csv");
  links->set("pdfs", batchUrl(summary.id) + "/pdfs.zip");
  if (summary.mailRoom == store::MailRoomState::built) {
    for (const auto& file : exchange.context.store.batchFiles(summary.id)) links->set(file.name, batchUrl(summary.id) + "/" + file.name);
  }
  links->set("events", "/api/v1/events?types=batch.progress");
  body.set("links", links);
  return body;
}

}  // namespace paraph::http
