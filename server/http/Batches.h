// Batches on the server (docs/batch.md): taking a batch in (each record validated on its own
// through the document service, exactly as a document sent alone), its progress counted
// from its jobs, and the texts of its problems in the reader's language. Shared by the API
// (BatchRoutes.cpp) and the workspace's batch pages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "http/Exchange.h"
#include "pipeline/DiagnosticText.h"
#include "store/BatchRecords.h"

namespace paraph::http {

struct TakenBatch {
  bool created = false;  // false: the same bytes were sent before, this is that batch
  std::string id;
};

// Reads the batch (a ZIP or an envelope), validates every record on its own, stores the good
// records' inputs and records the batch with one job per good record. Throws HttpError: 400
// when the batch itself is unreadable (nothing recorded), 503 when the queue cannot take it.
TakenBatch takeBatch(Exchange& exchange, const std::string& bytes, const std::string& sourceName);

// What a batch's progress shows: the counts of its jobs, and the rates derived from them.
struct BatchProgress {
  store::BatchSummary summary;
  std::int64_t done() const { return summary.done; }
  std::int64_t failed() const { return summary.failed + summary.invalid; }
  std::int64_t waiting() const { return summary.queued + summary.running; }
  double seconds = 0;                  // from the batch's creation to its last finished job (or now)
  double perSecond = 0;                // records finished per second
  std::optional<double> secondsLeft;   // none until a rate is known; 0 once finished
  int percent() const;
};
BatchProgress progressOf(const store::BatchSummary& summary);

// A stored problem as the diagnostic it was, for pipeline::localisedMessage.
xml::Diagnostic diagnosticOf(const store::BatchProblem& problem);
std::string batchUrl(const std::string& id);

// The record's state as reports name it: invalid, queued, running, done, failed.
std::string recordState(const store::BatchRecordState& record);

// The batch as GET /api/v1/batches/{id} answers it.
Poco::JSON::Object batchJson(const Exchange& exchange, const store::BatchSummary& summary,
                             const std::vector<store::BatchRecordState>& records);

}  // namespace paraph::http
