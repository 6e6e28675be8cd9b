#include "xml/SafeParser.h"

#include <cstdint>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "xml/AttributeLimit.h"
#include "xml/XPath.h"

namespace paraph::xml {
namespace {

// Where the previous start tag was and its column, so the next column is counted from there.
struct ColumnCursor {
  const xmlParserInput* input = nullptr;
  std::uint64_t offset = 0;  // from the start of `input`
  int column = 1;
};

// Per-parse state reached from the SAX callbacks through xmlParserCtxt::_private.
struct ParseGuard {
  const ParseLimits* limits = nullptr;
  std::string sourceName;
  unsigned depth = 0;
  bool refused = false;
  Diagnostic firstProblem;
  bool hasProblem = false;
  std::unordered_map<const xmlNode*, int>* elementColumns = nullptr;
  ColumnCursor columnCursor;
  startElementNsSAX2Func startElement = nullptr;
  endElementNsSAX2Func endElement = nullptr;
};

ParseGuard& guardOf(void* userData) {
  auto* context = static_cast<xmlParserCtxtPtr>(userData);
  return *static_cast<ParseGuard*>(context->_private);
}

void refuse(xmlParserCtxtPtr context, ParseGuard& guard, std::string message, std::string key,
            std::vector<std::pair<std::string, std::string>> arguments = {}) {
  if (!guard.hasProblem) {
    guard.firstProblem = Diagnostic{guard.sourceName, xmlSAX2GetLineNumber(context),
                                    xmlSAX2GetColumnNumber(context), "", std::move(message), "parse", {}, {}};
    guard.firstProblem.localisedAs(std::move(key), std::move(arguments));
    guard.hasProblem = true;
  }
  guard.refused = true;
  xmlStopParser(context);
}

void onDoctype(void* userData, const xmlChar*, const xmlChar*, const xmlChar*) {
  auto* context = static_cast<xmlParserCtxtPtr>(userData);
  refuse(context, guardOf(userData),
         "DOCTYPE declarations are not allowed: paraph refuses DTDs and entity declarations "
         "in submitted documents (they can read local files or expand without bound)",
         "parse.doctype");
}

// The SAX callback runs just after the start tag; '<' cannot occur inside it (not even in
// attribute values), so the tag starts at the nearest '<' before the cursor. Columns count
// characters, not UTF-8 bytes, from 1. Start tags come in document order, so the column is
// carried forward from the previous tag instead of scanning back to the line's start: on a
// document written on one line, scanning back made parsing quadratic in its length.
int startTagColumn(xmlParserCtxtPtr context, ColumnCursor& cursor) {
  const xmlParserInputPtr input = context->input;
  if (input == nullptr || input->base == nullptr || input->cur == nullptr) return 0;
  const xmlChar* tagStart = input->cur;
  while (tagStart > input->base && *tagStart != '<') --tagStart;
  // Offsets from the start of the input, stable when libxml2 shrinks its buffer (consumed).
  const auto consumed = static_cast<std::uint64_t>(input->consumed);
  const std::uint64_t tagOffset = consumed + static_cast<std::uint64_t>(tagStart - input->base);
  int column = 1;
  if (cursor.input == input && cursor.offset >= consumed && cursor.offset <= tagOffset) {
    column = cursor.column;
    for (const xmlChar* scan = input->base + (cursor.offset - consumed); scan < tagStart; ++scan) {
      if (*scan == '\n') {
        column = 1;
      } else if ((*scan & 0xC0) != 0x80) {
        ++column;
      }
    }
  } else {
    for (const xmlChar* scan = tagStart; scan > input->base && scan[-1] != '\n'; --scan) {
      if ((scan[-1] & 0xC0) != 0x80) ++column;
    }
  }
  cursor = ColumnCursor{input, tagOffset, column};
  return column;
}

void onStartElement(void* userData, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri,
                    int namespaceCount, const xmlChar** namespaces, int attributeCount, int defaultedCount,
                    const xmlChar** attributes) {
  ParseGuard& guard = guardOf(userData);
  if (guard.refused) return;
  if (++guard.depth > guard.limits->maxDepth) {
    refuse(static_cast<xmlParserCtxtPtr>(userData), guard,
           "the document is nested deeper than " + std::to_string(guard.limits->maxDepth) +
               " elements (setting parse.max_depth)",
           "parse.too-deep", {{"limit", std::to_string(guard.limits->maxDepth)}});
    return;
  }
  auto* context = static_cast<xmlParserCtxtPtr>(userData);
  const int column = startTagColumn(context, guard.columnCursor);
  guard.startElement(userData, localname, prefix, uri, namespaceCount, namespaces, attributeCount,
                     defaultedCount, attributes);
  if (context->node != nullptr) (*guard.elementColumns)[context->node] = column;
}

void onEndElement(void* userData, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri) {
  ParseGuard& guard = guardOf(userData);
  if (guard.refused) return;
  --guard.depth;
  guard.endElement(userData, localname, prefix, uri);
}

std::string trimmed(const char* text) {
  std::string message = text == nullptr ? "malformed XML" : text;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// The well-formedness errors staff meet most, by libxml2 code; any other one is told as
// parse.malformed with libxml2's (English) detail.
std::string malformedKey(int code) {
  switch (code) {
    case XML_ERR_TAG_NAME_MISMATCH:
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_LTSLASH_REQUIRED:
      return "parse.tag-mismatch";
    case XML_ERR_DOCUMENT_EMPTY:
    case XML_ERR_DOCUMENT_END:
      return "parse.document-end";
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_NAME_REQUIRED:
      return "parse.entity";
    case XML_ERR_ATTRIBUTE_REDEFINED:
      return "parse.attribute-twice";
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_LT_IN_ATTRIBUTE:
      return "parse.attribute-value";
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      return "parse.encoding";
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      return "parse.namespace-prefix";
    default:
      return "parse.malformed";
  }
}

void onError(void* userData, xmlErrorPtr error) {
  auto* context = static_cast<xmlParserCtxtPtr>(userData);
  ParseGuard& guard = guardOf(userData);
  if (guard.hasProblem || error == nullptr || error->level < XML_ERR_ERROR) return;
  (void)context;
  guard.firstProblem = Diagnostic{guard.sourceName, error->line, error->int2, "",
                                  "malformed XML: " + trimmed(error->message), "parse", {}, {}};
  guard.firstProblem.localisedAs(malformedKey(error->code), {{"detail", trimmed(error->message)}});
  guard.hasProblem = true;
}

constexpr int kSafeOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;

}  // namespace

int ParsedDocument::columnOf(const xmlNode* node) const {
  const auto found = elementColumns.find(node);
  return found == elementColumns.end() ? 0 : found->second;
}

Diagnostic ParsedDocument::diagnosticAt(const xmlNode* node, std::string message, std::string rule) const {
  Diagnostic diagnostic;
  diagnostic.file = sourceName;
  if (node != nullptr) {
    const xmlNode* element = node->type == XML_ATTRIBUTE_NODE ? node->parent : node;
    diagnostic.line = static_cast<int>(xmlGetLineNo(element));
    diagnostic.column = columnOf(element);
    diagnostic.path = nodePath(node);
  }
  diagnostic.message = std::move(message);
  diagnostic.rule = std::move(rule);
  return diagnostic;
}

ParsedDocument parseUntrusted(std::string_view bytes, const std::string& sourceName, const ParseLimits& limits) {
  if (bytes.size() > limits.maxDocumentBytes) {
    Diagnostic tooLarge{sourceName, 0, 0, "",
                        "the document is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                            std::to_string(limits.maxDocumentBytes) + " bytes (setting parse.max_document_bytes)",
                        "parse", {}, {}};
    throw InvalidInput({tooLarge.localisedAs(
        "parse.too-large", {{"size", std::to_string(bytes.size())}, {"limit", std::to_string(limits.maxDocumentBytes)}})});
  }
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    Diagnostic tooLarge{sourceName, 0, 0, "", "the document is too large", "parse", {}, {}};
    throw InvalidInput({tooLarge.localisedAs("parse.too-large-absolute")});
  }
  if (const auto crowded = findStartTagWithMoreAttributesThan(bytes, limits.maxAttributesPerElement)) {
    Diagnostic crowdedTag{sourceName, crowded->line, crowded->column, "",
                          "an element has more than " + std::to_string(limits.maxAttributesPerElement) +
                              " attributes (setting parse.max_attributes_per_element)",
                          "parse", {}, {}};
    throw InvalidInput({crowdedTag.localisedAs("parse.too-many-attributes",
                                               {{"limit", std::to_string(limits.maxAttributesPerElement)}})});
  }
  ParserCtxtPtr context(xmlNewParserCtxt());
  if (!context) throw std::bad_alloc();

  ParsedDocument parsed;
  parsed.sourceName = sourceName;
  ParseGuard guard;
  guard.limits = &limits;
  guard.elementColumns = &parsed.elementColumns;
  guard.sourceName = sourceName;
  guard.startElement = context->sax->startElementNs;
  guard.endElement = context->sax->endElementNs;
  context->_private = &guard;
  context->sax->internalSubset = onDoctype;
  context->sax->startElementNs = onStartElement;
  context->sax->endElementNs = onEndElement;
  context->sax->serror = onError;
  context->sax->error = nullptr;
  context->sax->warning = nullptr;

  DocPtr document(xmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()),
                                    sourceName.c_str(), nullptr, kSafeOptions));
  if (guard.hasProblem || !document || context->wellFormed == 0) {
    if (!guard.hasProblem) {
      guard.firstProblem = Diagnostic{sourceName, 0, 0, "", "malformed XML", "parse", {}, {}};
      guard.firstProblem.localisedAs("parse.not-well-formed");
    }
    throw InvalidInput({guard.firstProblem});
  }
  parsed.document = std::move(document);
  return parsed;
}

DocPtr parseTrustedFile(const std::string& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) throw std::runtime_error("cannot read " + path);
  std::ostringstream content;
  content << stream.rdbuf();
  ParseLimits generous;
  generous.maxDocumentBytes = 64 * 1024 * 1024;
  generous.maxDepth = 256;
  generous.maxAttributesPerElement = 4096;
  try {
    return std::move(parseUntrusted(content.str(), path, generous).document);
  } catch (const InvalidInput& error) {
    throw std::runtime_error("paraph's own file is broken: " + std::string(error.what()));
  }
}

}  // namespace paraph::xml
