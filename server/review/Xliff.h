#pragma once

#include <optional>
#include <string>

namespace paraph::review {

// XLIFF 2 as paraph writes and reads it (docs/translation.md, "XLIFF exchange").
inline constexpr const char* kXliffNamespace = "urn:oasis:names:tc:xliff:document:2.0";
inline constexpr const char* kXliffVersion = "2.1";

// The <file original="…"> that ties a file to one version of one document.
std::string xliffOriginal(const std::string& documentId, int version);

struct XliffOrigin {
  std::string documentId;
  int version = 0;
};
// Reads "paraph:{document}/v{n}"; nullopt when it is not of that form.
std::optional<XliffOrigin> parseXliffOriginal(const std::string& original);

}  // namespace paraph::review
