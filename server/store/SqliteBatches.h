// Inside SqliteStore: what the batches' code (SqliteBatches.cpp) shares with the rest of
// the store, in the caller's transaction.
#pragma once

#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>

#include "store/Records.h"

namespace paraph::store {

// A submission recorded in `session`'s transaction (SqliteStore.cpp): the one path of
// Store::submit, used by a batch's records too.
SubmitOutcome submitIn(Poco::Data::Session& session, const Submission& submission, unsigned capacity,
                       unsigned alsoQueued);

// When `job` belongs to batches: a batch.progress event for each, its counts taken from the
// jobs in this same transaction (so the event never disagrees with the store).
void recordBatchProgress(Poco::Data::Session& session, std::int64_t job, const std::string& at);

}  // namespace paraph::store
