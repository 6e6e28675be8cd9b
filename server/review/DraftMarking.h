#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/TextCatalog.h"
#include "xml/SafeParser.h"

namespace paraph::review {

struct MarkedDraft {
  std::string input;                // the rendering input: the draft with markers filled in
  std::vector<std::string> marked;  // ids of the segments that got a marker
};

// A draft renders visibly marked: every absent or empty target-language text of a bilingual
// field (never a source-language one: that is the author's to write) is filled
// with the catalog's "bilingual.missing" text in that language ("[traduction manquante]" /
// "[vertaling ontbreekt]"), so the document passes validation and every missing piece shows
// in the output. The result is for rendering only: it is never stored as a version's input,
// and the store must never publish a version rendered from it.
// Throws xml::InvalidInput when the draft is not well-formed, std::runtime_error when the
// catalog lacks the marker.
MarkedDraft markMissingTranslations(std::string_view draftInput, const std::string& sourceName,
                                    const pipeline::TextCatalog& texts, const xml::ParseLimits& limits = {});

// The same on a tree already parsed, in place: the ids of the segments that got a marker.
std::vector<std::string> markMissingTranslationsInPlace(xmlDoc* document, const pipeline::TextCatalog& texts);

}  // namespace paraph::review
