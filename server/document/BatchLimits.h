#pragma once

#include <cstddef>

namespace paraph::document {

// What one batch may hold (docs/batch.md). Each a named setting (docs/configuration.md, batch.*).
struct BatchLimits {
  std::size_t maxBatchBytes = 64 * 1024 * 1024;          // batch.max_bytes: the ZIP or envelope as sent
  std::size_t maxRecords = 20000;                        // batch.max_records
  std::size_t maxUncompressedBytes = 512 * 1024 * 1024;  // batch.max_uncompressed_bytes: a ZIP's entries together
};

}  // namespace paraph::document
