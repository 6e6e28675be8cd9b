#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "l10n/Lang.h"
#include "review/Segment.h"
#include "xml/Diagnostic.h"
#include "xml/SafeParser.h"

namespace paraph::review {

// What an import is checked against: the document's current version.
struct XliffImportRequest {
  std::string documentId;
  int currentVersion = 0;
  std::string_view currentInput;  // the current version's input document
  std::string currentInputName;
  // The segments of an earlier version, to tell "changed since" from "unknown" for a file
  // exported from it; nullopt when there is no such version.
  std::function<std::optional<SegmentedDocument>(int version)> segmentsOfVersion;
};

struct SkippedUnit {
  std::string id;
  std::string reason;
  int line = 0;
  int column = 0;
};

struct XliffImportReport {
  int fileVersion = 0;                   // the version the file was exported from
  l10n::Lang targetLanguage = l10n::Lang::nl;
  std::vector<std::string> imported;     // ids whose translation was written
  std::vector<SkippedUnit> skipped;      // source changed since the file's version; no target
  std::vector<xml::Diagnostic> errors;   // unknown ids, bad inline codes…: nothing is applied
  std::string newInput;                  // the next version's input; empty unless accepted
                                         // with at least one translation imported

  bool accepted() const { return errors.empty(); }
};

// Reads a translated XLIFF 2.0/2.1 file back (docs/translation.md, "Import"). The file is
// untrusted: it is parsed by xml::parseUntrusted (no DTD, size and depth limits). Refusals
// of the whole file (not XLIFF 2, another document, a version that does not exist,
// languages that do not match the document's) throw xml::InvalidInput naming the line and
// column; problems with units are listed in the report's errors, and then nothing is
// applied: a translation file is taken whole or not at all.
class XliffImporter {
 public:
  explicit XliffImporter(xml::ParseLimits limits = {});

  XliffImportReport importFile(std::string_view xliff, const std::string& fileName,
                               const XliffImportRequest& request) const;

 private:
  xml::ParseLimits limits_;
};

}  // namespace paraph::review
