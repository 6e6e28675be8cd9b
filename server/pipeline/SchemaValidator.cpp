#include "pipeline/SchemaValidator.h"

#include <regex>
#include <set>
#include <stdexcept>

#include "xml/XPath.h"

namespace paraph::pipeline {
namespace {

struct ValidationRun {
  const xml::ParsedDocument* parsed = nullptr;
  std::vector<xml::Diagnostic> diagnostics;
  std::set<const xmlNode*> reportedNodes;
};

void collectSchemaError(void* userData, xmlErrorPtr error) {
  auto& run = *static_cast<ValidationRun*>(userData);
  if (error == nullptr || error->level < XML_ERR_ERROR) return;
  const auto* node = static_cast<const xmlNode*>(error->node);
  // libxml2 often reports one bad value twice (facet, then type): keep the first.
  if (node != nullptr && !run.reportedNodes.insert(node).second) return;
  xml::Diagnostic diagnostic;
  diagnostic.file = run.parsed->sourceName;
  diagnostic.line = node != nullptr ? static_cast<int>(xmlGetLineNo(node)) : error->line;
  diagnostic.column = node != nullptr ? run.parsed->columnOf(node) : error->int2;
  diagnostic.path = node != nullptr ? xml::nodePath(node) : std::string();
  diagnostic.message = readableSchemaMessage(error->message != nullptr ? error->message : "invalid");
  diagnostic.rule = "schema";
  run.diagnostics.push_back(std::move(diagnostic));
}

void ignoreGenericError(void*, const char*, ...) {}

}  // namespace

SchemaValidator::SchemaValidator(const std::filesystem::path& schemaFile) {
  xml::SchemaParserCtxtPtr parser(xmlSchemaNewParserCtxt(schemaFile.c_str()));
  if (!parser) throw std::runtime_error("cannot read schema " + schemaFile.string());
  xmlSchemaPtr compiled = xmlSchemaParse(parser.get());
  if (compiled == nullptr) throw std::runtime_error("schema does not compile: " + schemaFile.string());
  schema_.reset(compiled, xmlSchemaFree);
}

std::vector<xml::Diagnostic> SchemaValidator::validate(const xml::ParsedDocument& parsed) const {
  xml::SchemaValidCtxtPtr context(xmlSchemaNewValidCtxt(schema_.get()));
  if (!context) throw std::bad_alloc();
  ValidationRun run;
  run.parsed = &parsed;
  xmlSchemaSetValidErrors(context.get(), ignoreGenericError, ignoreGenericError, nullptr);
  xmlSchemaSetValidStructuredErrors(context.get(), collectSchemaError, &run);
  const int outcome = xmlSchemaValidateDoc(context.get(), parsed.document.get());
  if (outcome != 0 && run.diagnostics.empty()) {
    run.diagnostics.push_back(xml::Diagnostic{parsed.sourceName, 0, 0, "", "the document does not match its schema", "schema"});
  }
  return std::move(run.diagnostics);
}

std::string readableSchemaMessage(const std::string& libxml2Message) {
  std::string message = libxml2Message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  static const std::regex fractionDigits(R"(\[facet 'fractionDigits'\] The value '([^']*)' has more fractional digits than are allowed \('(\d+)'\)\.)");
  message = std::regex_replace(message, fractionDigits, "the value '$1' has more than $2 decimals.");
  static const std::regex minExclusive(R"(\[facet 'minExclusive'\] The value '([^']*)' must be greater than '([^']*)'\.)");
  message = std::regex_replace(message, minExclusive, "the value '$1' must be greater than $2.");
  static const std::regex minInclusive(R"(\[facet 'minInclusive'\] The value '([^']*)' is less than the minimum value allowed \('([^']*)'\)\.)");
  message = std::regex_replace(message, minInclusive, "the value '$1' must be at least $2.");
  static const std::regex badDate(R"('([^']*)' is not a valid value of the atomic type '[^']*[Dd]ate'\.)");
  message = std::regex_replace(message, badDate, "'$1' is not a real date (write dates as YYYY-MM-DD, e.g. 2026-03-01).");
  static const std::regex pattern(R"(\[facet 'pattern'\] The value '([^']*)' is not accepted by the pattern '([^']*)'\.)");
  message = std::regex_replace(message, pattern, "the value '$1' does not have the expected form ($2).");
  static const std::regex enumeration(R"(\[facet 'enumeration'\] The value '([^']*)' is not an element of the set \{([^}]*)\}\.)");
  message = std::regex_replace(message, enumeration, "the value '$1' is not one of $2.");
  static const std::regex localType(R"( '([^']*)' is not a valid value of the (local )?(atomic|union) type( '[^']*')?\.)");
  message = std::regex_replace(message, localType, " '$1' is not an accepted value here.");
  // "{https://...}amount" -> "amount"; only URI-like braces, not regex quantifiers like {4}.
  static const std::regex qualifiedName(R"(\{[a-z][a-z0-9+.-]*:[^}]*\})");
  message = std::regex_replace(message, qualifiedName, "");
  return message;
}

}  // namespace paraph::pipeline
