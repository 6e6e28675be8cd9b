#pragma once

#include <string>

#include "l10n/Lang.h"
#include "pipeline/TextCatalog.h"
#include "review/Segment.h"
#include "review/TermMatcher.h"
#include "review/TranslationStatus.h"

namespace paraph::review {

// Writes the XLIFF 2.1 file that goes to the translation service for one version:
// <xliff version="2.1" srcLang="fr-BE" trgLang="nl-BE"> with one <file id="f1"
// original="paraph:{document}/v{n}">, and one <unit id="{segment id}"> per segment with
// <notes> (document type, location, terms to respect, a superseded translation),
// inline codes and <segment state="initial|translated"><source/><target/></segment>.
// Built once from the catalog; thread-safe afterwards.
class XliffExporter {
 public:
  explicit XliffExporter(const pipeline::TextCatalog& texts);

  // The segments needing translation (status.needingTranslation), or every segment when
  // `all`. A target is written only when the segment is translated and not outdated.
  // Throws std::invalid_argument when `target` is the document's source language.
  std::string exportFile(const SegmentedDocument& document, int version, l10n::Lang target,
                         const TranslationStatus& status, bool all) const;

 private:
  std::string termsNote(const Segment& segment) const;

  const pipeline::TextCatalog& texts_;
  TermMatcher terms_;
};

}  // namespace paraph::review
