// A batch: many documents handed to paraph at once (docs/batch.md), as a ZIP of XML files
// or as one XML envelope (catalog/schemas/batch.xsd). The reader only takes it apart into
// records; each record then goes through the document service on its own, exactly as if it
// had been submitted alone, so a wrong record is reported with its place and the others go on.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "document/BatchLimits.h"
#include "pipeline/Pipeline.h"
#include "pipeline/SchemaValidator.h"
#include "xml/Diagnostic.h"
#include "xml/SafeParser.h"

namespace paraph::document {

// One document of a batch.
struct BatchRecord {
  int position = 0;        // 1-based, in the batch's order
  std::string place;       // where staff find it: "letters.zip: 0042.xml" or "council.xml, document 42"
  std::string sourceName;  // the file its diagnostics name
  int firstLine = 1;       // where the record starts in that file
  int firstColumn = 1;
  std::string bytes;       // the document as it is submitted on its own
  std::string declaredId;    // the root's id as written (an envelope's record), for reporting a wrong record
  std::string declaredRoot;  // the root's local name, likewise
  std::string unreadable;  // why the record is no document at all (a ZIP entry that is not XML)

  // Diagnostics of this record's bytes, placed in the batch's file (lines and columns of
  // the envelope; the entry's name for a ZIP).
  std::vector<xml::Diagnostic> placed(std::vector<xml::Diagnostic> diagnostics) const;
};

struct Batch {
  std::string id;  // the envelope's @id, else "batch-" and the start of the bytes' SHA-256
  std::vector<BatchRecord> records;
};

class BatchReader {
 public:
  BatchReader(const pipeline::Home& home, xml::ParseLimits documentLimits, BatchLimits limits);

  // Throws xml::InvalidInput naming the place when the batch itself is unreadable (not a ZIP
  // nor an envelope, a limit exceeded, an envelope that is not well-formed): then no record
  // is taken.
  Batch read(std::string_view bytes, const std::string& sourceName) const;

  const BatchLimits& limits() const { return limits_; }

 private:
  Batch readEnvelope(std::string_view bytes, const std::string& sourceName) const;
  Batch readZip(std::string_view bytes, const std::string& sourceName) const;

  xml::ParseLimits documentLimits_;
  BatchLimits limits_;
  pipeline::SchemaValidator envelopeSchema_;
};

}  // namespace paraph::document
