// paraph::pipeline owns the path of one document from submitted bytes to HTML: the
// registry of document types, validation (schema, then rules), enrichment from the catalog,
// and the transform once per language.
#pragma once

#include <map>
#include <optional>
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

// One edition of a document (catalog/doctypes.xml, <editions>): a language alone, or the
// side-by-side one made from the French and Dutch editions. Each edition is made in every
// format of its type, as the file "<edition>.<format>" (fr.html, fr-nl.pdf…).
struct EditionSpec {
  std::string name;                     // fr, nl, fr-nl
  std::optional<l10n::Lang> language;   // a language edition; none: the side-by-side one
  bool sideBySide() const { return !language; }
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
  // <feed-title>, <feed-summary>: what a published document's feed entry says in each
  // language, selected from the input (never read back out of the rendered pages).
  std::map<l10n::Lang, xml::XPathExpression> feedTitle;
  std::map<l10n::Lang, xml::XPathExpression> feedSummary;
  // <mail-room postal-code=…>: the type is posted; a batch's letters go to the mail room as
  // one print file per language, sorted by the postal code this selects (docs/batch.md).
  xml::XPathExpression mailRoomPostalCode;
  std::vector<EnrichmentSpec> enrichments;
  std::vector<OutputSpec> outputs;
  std::vector<EditionSpec> editions;
  std::vector<RequiredMark> requiredMarks;
  std::vector<UniqueKey> uniqueKeys;
  // <sign/>: its stored PDFs are signed under the institution's seal (print::ArchiveStep).
  bool sign = false;

  const OutputSpec* output(const std::string& format) const;
  const EditionSpec* edition(const std::string& name) const;
  // The name of every file a version of this type has besides input.xml, editions first,
  // then formats: fr.html, fr.pdf, nl.html…
  std::vector<std::string> outputFileNames() const;
  // The type's name in `lang` ("circulaire aux organismes assureurs"), or its id when the
  // registry has no label in that language.
  const std::string& label(l10n::Lang lang) const {
    const auto found = labels.find(lang);
    return found != labels.end() ? found->second : name;
  }
};

}  // namespace paraph::pipeline
