#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "xml/Diagnostic.h"
#include "xml/SafeParser.h"

namespace paraph::pipeline {

// A document type's XSD, compiled once; validation is thread-safe (each call has its own
// validation context). XSD rather than RELAX NG because libxml2's XSD checks datatype facets
// (fractionDigits, minExclusive, patterns) and real calendar dates on xs:date.
class SchemaValidator {
 public:
  explicit SchemaValidator(const std::filesystem::path& schemaFile);

  // Every schema error, placed at its element, with libxml2's wording made readable.
  std::vector<xml::Diagnostic> validate(const xml::ParsedDocument& parsed) const;

 private:
  std::shared_ptr<xmlSchema> schema_;
};

// Turns libxml2's schema messages into sentences staff understand: namespaces dropped,
// facets explained. Exposed for tests.
std::string readableSchemaMessage(const std::string& libxml2Message);

}  // namespace paraph::pipeline
