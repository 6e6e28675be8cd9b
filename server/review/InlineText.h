// paraph::review owns the translation side of a document: its segments (every bilingual
// piece of free text, with a stable id), its translation state (complete or draft), the
// XLIFF 2.1 exchange with the translation service, and the bilingual QA checks. It reads
// input documents and writes new input documents; it never stores, renders or serves them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "xml/XmlPtr.h"

namespace paraph::review {

// One piece of a bilingual text: characters, or an inline element (emphasis, a reference to
// an article, a figure). Inline elements are kept as markup so that they round-trip exactly
// through translation tools, which must never see or change their attributes.
struct InlineSpan {
  enum class Kind { text, start, end, standalone };
  Kind kind = Kind::text;
  std::string text;  // Kind::text: the characters; otherwise the element's local name
  std::vector<std::pair<std::string, std::string>> attributes;  // start and standalone

  // The span as XML: characters escaped, "<em>", "</em>", "<ref article=\"art-7\"/>".
  std::string markup() const;
  bool operator==(const InlineSpan&) const = default;
};

// One language's text of a bilingual field (the content of its <fr> or <nl> element).
struct BilingualText {
  bool present = false;  // the <fr>/<nl> element exists
  std::vector<InlineSpan> spans;

  // The characters only, inline elements left out: what the QA checks read.
  std::string plainText() const;
  // Characters and inline markup as one XML fragment: what identifies the text.
  std::string markedText() const;
  // Absent, or nothing but white space and no inline element.
  bool empty() const;
  bool operator==(const BilingualText&) const = default;
};

// Reads the content of a <fr>/<nl> element. Comments and processing instructions are not
// part of the text and are left out.
BilingualText readBilingualText(const xmlNode* languageElement);

// Replaces the content of a <fr>/<nl> element; inline elements are created in the
// element's own namespace (the document's).
void writeBilingualText(xmlNode* languageElement, const BilingualText& text);

// White space as a reader sees it: every run of spaces (including no-break and narrow
// no-break spaces), tabs and line breaks becomes one space; leading and trailing ones go.
std::string collapseSpaces(const std::string& text);

}  // namespace paraph::review
