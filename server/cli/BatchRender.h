// `paraph render --batch FILE`: every document of a batch (docs/batch.md) rendered as if
// rendered alone, a report of every record, and the mail room's print files.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "document/Batch.h"
#include "document/DocumentService.h"

namespace paraph::cli {

struct BatchRenderOptions {
  std::filesystem::path outFolder;
  document::RenderRequest request;
  unsigned concurrency = 2;  // documents rendered at once
  // A problem's message in the reader's language (the report and standard error).
  std::function<std::string(const xml::Diagnostic&)> told = [](const xml::Diagnostic& d) { return d.message; };
};

// Returns the exit code: 0 when every record rendered, 1 when some were invalid (the others
// are rendered all the same). Throws xml::InvalidInput when the batch itself is unreadable.
int renderBatch(const std::string& batchFile, const std::string& bytes, const document::BatchReader& reader,
                const document::DocumentService& service, const BatchRenderOptions& options);

}  // namespace paraph::cli
