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
  // An attribute's error is placed at its element: the parser records elements' columns.
  const xmlNode* element = node != nullptr && node->type == XML_ATTRIBUTE_NODE ? node->parent : node;
  diagnostic.line = element != nullptr ? static_cast<int>(xmlGetLineNo(element)) : error->line;
  diagnostic.column = element != nullptr ? run.parsed->columnOf(element) : error->int2;
  diagnostic.path = node != nullptr ? xml::nodePath(node) : std::string();
  diagnostic.message = readableSchemaMessage(error->message != nullptr ? error->message : "invalid");
  diagnostic.rule = "schema";
  auto text = classifySchemaError(error->code, error->message != nullptr ? error->message : "", fieldInWords(diagnostic.path));
  diagnostic.localisedAs(std::move(text.key), std::move(text.arguments));
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
    xml::Diagnostic mismatch{parsed.sourceName, 0, 0, "", "the document does not match its schema", "schema", {}, {}};
    run.diagnostics.push_back(mismatch.localisedAs("schema.mismatch"));
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

std::string fieldInWords(const std::string& path) {
  if (path.empty()) return path;
  const auto second = path.find('/', 1);
  if (second == std::string::npos) return path.substr(1);
  return path.substr(second + 1);
}

namespace {

// "{https://…/letter/1}amount" -> "amount", in a list of expected elements.
std::string withoutNamespaces(const std::string& names) {
  static const std::regex qualifiedName(R"(\{[a-z][a-z0-9+.-]*:[^}]*\})");
  return std::regex_replace(names, qualifiedName, "");
}

std::string firstMatch(const std::string& text, const std::regex& pattern, std::size_t group = 1) {
  std::smatch match;
  if (std::regex_search(text, match, pattern) && match.size() > group) return match[group].str();
  return {};
}

}  // namespace

SchemaErrorText classifySchemaError(int code, const std::string& libxml2Message, const std::string& elementField) {
  static const std::regex expectedList(R"(Expected is (?:one of )?\( ([^)]*) \))");
  static const std::regex quotedValue(R"(The value '([^']*)')");
  static const std::regex leadingValue(R"(: '([^']*)' is not a valid value)");
  static const std::regex facetLimit(R"(\('([^']*)'\)\.?\s*$)");
  static const std::regex lengthLimit(R"(allowed (?:maximum|minimum) length of '(\d+)')");
  static const std::regex lengthOf(R"(has a length of '(\d+)')");
  static const std::regex exclusiveLimit(R"(must be (?:greater|less) than '([^']*)')");
  static const std::regex enumerationSet(R"(set \{([^}]*)\})");
  static const std::regex patternText(R"(pattern '([^']*)')");
  static const std::regex attributeName(R"(The attribute '([^']*)')");
  static const std::regex typeName(R"(the (?:local )?(?:atomic|union|list) type( '([^']*)')?)");
  const std::string& message = libxml2Message;
  // libxml2 places an attribute's error at its element and names the attribute in the text:
  // "Element '{ns}recipient', attribute 'salutation': …" -> recipient/@salutation.
  static const std::regex attributeOfElement(R"(^Element '[^']*', attribute '([^']*)')");
  const std::string erringAttribute = firstMatch(message, attributeOfElement);
  const std::string field = erringAttribute.empty() ? elementField : elementField + "/@" + erringAttribute;
  SchemaErrorText text;
  const auto expected = withoutNamespaces(firstMatch(message, expectedList));
  switch (code) {
    case XML_SCHEMAV_ELEMENT_CONTENT:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4:
      if (message.find("Missing child element") != std::string::npos) {
        text = {"schema.missing-element", {{"field", field}, {"expected", expected}}};
      } else if (!expected.empty()) {
        text = {"schema.unexpected-element", {{"field", field}, {"expected", expected}}};
      } else {
        text = {"schema.unexpected-element-end", {{"field", field}}};
      }
      break;
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
      text = {"schema.missing-attribute", {{"field", field}, {"attribute", firstMatch(message, attributeName)}}};
      break;
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
      text = {"schema.unexpected-attribute", {{"field", field}, {"attribute", firstMatch(message, attributeName)}}};
      break;
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1:
      text = {"schema.content-not-allowed", {{"field", field}}};
      break;
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
      text = {"schema.text-not-allowed", {{"field", field}}};
      break;
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_2:
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_3: {
      const std::string value = firstMatch(message, leadingValue);
      const std::string type = firstMatch(message, typeName, 2);
      // A restricted date type is "local" and unnamed: tell a date by its shape too.
      static const std::regex dateShape(R"(\d{1,4}-\d{1,2}-\d{1,2})");
      const bool isDate = type.find("date") != std::string::npos || type.find("Date") != std::string::npos ||
                          std::regex_match(value, dateShape);
      text = {isDate ? "schema.bad-date" : "schema.invalid-value", {{"field", field}, {"value", value}}};
      break;
    }
    case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
    case XML_SCHEMAV_CVC_LENGTH_VALID:
      text = {"schema.too-long",
              {{"field", field}, {"length", firstMatch(message, lengthOf)}, {"limit", firstMatch(message, lengthLimit)}}};
      break;
    case XML_SCHEMAV_CVC_MINLENGTH_VALID:
      text = {"schema.too-short",
              {{"field", field}, {"length", firstMatch(message, lengthOf)}, {"limit", firstMatch(message, lengthLimit)}}};
      break;
    case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MINEXCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MAXEXCLUSIVE_VALID: {
      const char* key = code == XML_SCHEMAV_CVC_MININCLUSIVE_VALID   ? "schema.min-inclusive"
                        : code == XML_SCHEMAV_CVC_MINEXCLUSIVE_VALID ? "schema.min-exclusive"
                        : code == XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID ? "schema.max-inclusive"
                                                                      : "schema.max-exclusive";
      std::string limit = firstMatch(message, exclusiveLimit);
      if (limit.empty()) limit = firstMatch(message, facetLimit);
      text = {key, {{"field", field}, {"value", firstMatch(message, quotedValue)}, {"limit", limit}}};
      break;
    }
    case XML_SCHEMAV_CVC_FRACTIONDIGITS_VALID:
    case XML_SCHEMAV_CVC_TOTALDIGITS_VALID:
      text = {code == XML_SCHEMAV_CVC_FRACTIONDIGITS_VALID ? "schema.fraction-digits" : "schema.total-digits",
              {{"field", field}, {"value", firstMatch(message, quotedValue)}, {"limit", firstMatch(message, facetLimit)}}};
      break;
    case XML_SCHEMAV_CVC_PATTERN_VALID:
      text = {"schema.pattern",
              {{"field", field}, {"value", firstMatch(message, quotedValue)}, {"expected", firstMatch(message, patternText)}}};
      break;
    case XML_SCHEMAV_CVC_ENUMERATION_VALID:
      text = {"schema.enumeration",
              {{"field", field}, {"value", firstMatch(message, quotedValue)}, {"expected", firstMatch(message, enumerationSet)}}};
      break;
    case XML_SCHEMAV_CVC_ELT_1:
      text = {"schema.unknown-root", {{"field", field}}};
      break;
    case XML_SCHEMAV_CVC_IDC:
      text = {"schema.duplicate", {{"field", field}}};
      break;
    default: {
      std::string detail = readableSchemaMessage(message);
      text = {"schema.invalid", {{"field", field}, {"detail", detail}}};
      break;
    }
  }
  return text;
}

}  // namespace paraph::pipeline
