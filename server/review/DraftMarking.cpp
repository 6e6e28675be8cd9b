#include "review/DraftMarking.h"

#include <stdexcept>

#include "review/InputDocument.h"
#include "review/SegmentExtractor.h"
#include "xml/TreeBuilding.h"

namespace paraph::review {

std::vector<std::string> markMissingTranslationsInPlace(xmlDoc* document, const pipeline::TextCatalog& texts) {
  std::vector<std::string> markedSegments;
  for (auto& located : SegmentExtractor::locate(document)) {
    bool marked = false;
    for (const auto lang : l10n::kAllLangs) {
      // Only a translation may be missing: the author's own text never is.
      if (lang == located.segment.sourceLanguage || !located.segment.text(lang).empty()) continue;
      const std::string* marker = texts.text("bilingual.missing", lang);
      if (marker == nullptr) {
        throw std::runtime_error("the catalog has no bilingual.missing text in " + std::string(l10n::code(lang)));
      }
      BilingualText text;
      text.present = true;
      text.spans.push_back({InlineSpan::Kind::text, *marker, {}});
      writeBilingualText(ensureLanguageElement(located.field, lang), text);
      marked = true;
    }
    if (marked) markedSegments.push_back(located.segment.id);
  }
  return markedSegments;
}

MarkedDraft markMissingTranslations(std::string_view draftInput, const std::string& sourceName,
                                    const pipeline::TextCatalog& texts, const xml::ParseLimits& limits) {
  auto parsed = xml::parseUntrusted(draftInput, sourceName, limits);
  MarkedDraft draft;
  draft.marked = markMissingTranslationsInPlace(parsed.document.get(), texts);
  draft.input = xml::serializedDocument(parsed.document.get());
  return draft;
}

}  // namespace paraph::review
