#pragma once

#include <array>
#include <string>
#include <vector>

#include "l10n/Lang.h"
#include "review/InlineText.h"

namespace paraph::review {

// Where a segment sits, in words a translator can use (XLIFF notes, review page).
struct SegmentContext {
  std::string documentType;  // "letter", "convention"…
  std::string field;         // the field's path without positions: "motivation/grounds/p"
  std::string location;      // the nearest identified ancestor and its heading, e.g.
                             // "article art-staffing « Norme d'encadrement »"; may be empty
};

// Every translatable piece of free text of a document: a bilingual field, i.e. an element
// whose child elements are <fr> and/or <nl>. See SegmentExtractor for the id.
struct Segment {
  std::string id;           // stable across versions while the source text is unchanged
  std::string fingerprint;  // hash of the normalised source text (changes when it changes)
  std::string path;         // /letter/motivation/grounds/p[2]: this version's position
  SegmentContext context;
  l10n::Lang sourceLanguage = l10n::Lang::fr;
  std::array<BilingualText, 2> texts;  // by pipeline::indexOf(Lang)

  const BilingualText& text(l10n::Lang lang) const { return texts[lang == l10n::Lang::fr ? 0 : 1]; }
  const BilingualText& source() const { return text(sourceLanguage); }
  const BilingualText& target() const { return text(l10n::other(sourceLanguage)); }
  l10n::Lang targetLanguage() const { return l10n::other(sourceLanguage); }
};

// The segments of one document version, in document order.
struct SegmentedDocument {
  std::string documentType;  // the root element's local name
  std::string documentId;    // the root's @id
  l10n::Lang sourceLanguage = l10n::Lang::fr;
  std::vector<Segment> segments;

  const Segment* find(const std::string& id) const {
    for (const auto& segment : segments) {
      if (segment.id == id) return &segment;
    }
    return nullptr;
  }
};

}  // namespace paraph::review
