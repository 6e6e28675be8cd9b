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

// The catalog key (schema.missing-element, schema.too-long, schema.bad-date…) and arguments
// ({field}, {value}, {expected}, {limit}, {detail}) of one libxml2 schema error, from its
// code and message. `field` names the element as staff read it: the local names from the
// root down ("decision/amount", "@outcome" for an attribute). Exposed for tests.
struct SchemaErrorText {
  std::string key;
  std::vector<std::pair<std::string, std::string>> arguments;
};
SchemaErrorText classifySchemaError(int code, const std::string& libxml2Message, const std::string& field);

// "/letter/decision/amount" -> "decision/amount"; the root alone stays its name.
std::string fieldInWords(const std::string& path);

}  // namespace paraph::pipeline
