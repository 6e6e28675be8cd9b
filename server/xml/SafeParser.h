#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "xml/Diagnostic.h"
#include "xml/XmlPtr.h"

namespace paraph::xml {

// Limits applied to every submitted document. Each is a named setting (docs/configuration.md).
struct ParseLimits {
  std::size_t maxDocumentBytes = 2 * 1024 * 1024;  // parse.max_document_bytes
  unsigned maxDepth = 64;                           // parse.max_depth (at most 256)
  unsigned maxAttributesPerElement = 256;           // parse.max_attributes_per_element
};

// A parsed submission and where each element starts in it. libxml2 keeps only line numbers
// on nodes; staff need the column too, so the parser records it as elements are created.
struct ParsedDocument {
  DocPtr document;
  std::string sourceName;
  std::unordered_map<const xmlNode*, int> elementColumns;

  int columnOf(const xmlNode* node) const;
  // A problem placed at `node`: this document's name, the line and column of the node (of
  // its element for an attribute) and the node's own path; unplaced for a null node.
  Diagnostic diagnosticAt(const xmlNode* node, std::string message, std::string rule) const;
};

// Parses a document that came from outside (a submission). Never touches the network or the
// file system: any DOCTYPE is refused outright, so no entity can be declared, expanded or
// fetched (stricter than an expansion limit; paraph's formats have no use for DTDs).
// Throws InvalidInput naming the line and column of the first problem.
ParsedDocument parseUntrusted(std::string_view bytes, const std::string& sourceName, const ParseLimits& limits);

// Parses one of paraph's own files (catalog data, rules, registries) with the same safe
// options; a problem there is a deployment error, so it throws std::runtime_error.
DocPtr parseTrustedFile(const std::string& path);

}  // namespace paraph::xml
