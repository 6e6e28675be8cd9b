#pragma once

#include <string>
#include <vector>

#include "review/Segment.h"
#include "xml/SafeParser.h"

namespace paraph::review {

// Finds the segments of an input document of any type: every element whose child elements
// are all <fr>/<nl> (at least one) is a bilingual field, hence a segment. It reads the
// parsed input, before validation, so that a draft (a translation missing, which the rules
// refuse) can still be segmented, marked and exchanged.
//
// Segment ids. A translator's work must stay attached to a piece of text while that text is
// unchanged, whatever happens around it, so an id is made of:
//   FIELD-HASH[-N]
//   FIELD  the field's path below the root, without positions, steps joined by '.'
//          ("motivation.grounds.p"): positions shift when a paragraph is inserted before,
//          so they cannot be part of an id;
//   HASH   8 hex digits of a 64-bit FNV-1a hash of the source-language text (characters and
//          inline markup) with white space collapsed and no-break spaces read as spaces, so
//          re-wrapping a line or fixing French typography in the source keeps the id;
//   N      2, 3… for the second, third… identical text in the same field, in document order.
// So the id changes exactly when the source text changes (the translation must be redone),
// and an unchanged piece keeps it when others are inserted, removed or changed. When the
// bilingual element carries an explicit permanent id (@eId as in Akoma Ntoso, @xml:id or
// @id), that id is used as is; the fingerprint then tells a changed source apart.
// Ids are XML NMTOKENs, usable as XLIFF unit ids. Changing the source language of a
// document changes every id (the source text is another one).
class SegmentExtractor {
 public:
  struct Located {
    Segment segment;
    xmlNode* field = nullptr;  // the bilingual element, in the document given
  };

  static SegmentedDocument extract(const xml::ParsedDocument& parsed);
  // How many segments extract() would find, without building them (a submission's limit).
  static std::size_t count(const xmlDoc* document);
  static SegmentedDocument extract(const xmlDoc* document);
  // The same segments with their elements, to write targets back.
  static std::vector<Located> locate(xmlDoc* document, SegmentedDocument* header = nullptr);

  // Child <fr>/<nl> element of a bilingual field (nullptr when absent).
  static xmlNode* languageElement(const xmlNode* field, l10n::Lang lang);
};

}  // namespace paraph::review
