#pragma once

#include "l10n/Lang.h"
#include "pipeline/Pipeline.h"
#include "print/PrintEngine.h"

namespace paraph::print {

// The PDF metadata for one language of a document (title, author by language, subject,
// keywords, language, reference): one definition for the command line and the server.
PrintSettings printSettingsFor(const pipeline::ValidatedDocument& document, const pipeline::RenderedHtml& html,
                                      l10n::Lang lang);

// The side-by-side edition's metadata (French and Dutch in one PDF).
PrintSettings printSettingsForSideBySide(const pipeline::ValidatedDocument& document,
                                        const pipeline::RenderedHtml& html);

}  // namespace paraph::print
