// paraph::pipeline owns the path of one document from submitted bytes to HTML: the
// registry of document types, validation (schema, then rules), enrichment from the catalog,
// and the transform once per language.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "l10n/Lang.h"
#include "xml/XPath.h"

namespace paraph::pipeline {

struct OutputSpec {
  std::string format;      // html, pdf
  std::string mediaType;
  std::string stylesheet;  // catalog URI, for outputs made by a transform
  std::string from;        // for derived outputs: the output they are printed from
};

// A mark every rendered output must carry, e.g. the six legal mentions of a decision letter.
struct RequiredMark {
  std::string attribute;
  std::vector<std::string> values;
  std::string label;
};

// A value no two documents of the type may share (e.g. a circular's number).
struct UniqueKey {
  std::string key;
  xml::XPathExpression select;
  std::string message;  // {value} and {document} are filled in
};

struct EnrichmentSpec {
  std::string with;  // the enrichment's name, e.g. labour-court
  std::map<std::string, std::string> arguments;  // its other attributes (XPaths, messages)
};

// One document type from catalog/doctypes.xml.
struct DocumentType {
  std::string name;
  std::string namespaceUri;
  std::string rootElement;
  std::string schemaUri;
  std::string rulesUri;
  xml::NamespaceMap namespaces;
  std::map<l10n::Lang, std::string> labels;
  xml::XPathExpression reference;
  // <embargo select=…>: the local date-time (Europe/Brussels) before which a published
  // document stays out of the public URLs and the feeds; empty string or no element: none.
  xml::XPathExpression embargo;
  std::vector<EnrichmentSpec> enrichments;
  std::vector<OutputSpec> outputs;
  std::vector<RequiredMark> requiredMarks;
  std::vector<UniqueKey> uniqueKeys;
  // <sign/>: its stored PDFs are signed under the institution's seal (print::ArchiveStep).
  bool sign = false;

  const OutputSpec* output(const std::string& format) const;
  // The type's name in `lang` ("circulaire aux organismes assureurs"), or its id when the
  // registry has no label in that language.
  const std::string& label(l10n::Lang lang) const {
    const auto found = labels.find(lang);
    return found != labels.end() ? found->second : name;
  }
};

}  // namespace paraph::pipeline
