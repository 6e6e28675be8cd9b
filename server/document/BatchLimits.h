#pragma once

#include <cstddef>

namespace paraph::document {

// What one batch may hold (docs/batch.md). Each a named setting (docs/configuration.md, batch.*).
struct BatchLimits {
  std::size_t maxBatchBytes = 64 * 1024 * 1024;          // batch.max_bytes: the ZIP or envelope as sent
  std::size_t maxRecords = 20000;                        // batch.max_records
  std::size_t maxUncompressedBytes = 512 * 1024 * 1024;  // batch.max_uncompressed_bytes: a ZIP's entries together
  // The server's bound on the batches' queued jobs together (their own queue, apart from
  // queue.capacity, so that a batch never turns single submissions away).
  std::size_t maxQueuedJobs = 100000;  // batch.max_queued_jobs
};

}  // namespace paraph::document
