#include "print/PrintSettingsFor.h"

namespace paraph::print {

PrintSettings printSettingsFor(const pipeline::ValidatedDocument& document, const pipeline::RenderedHtml& html,
                                      l10n::Lang lang) {
  print::PrintSettings settings;
  settings.title = html.title;
  settings.author = lang == l10n::Lang::fr ? "INAMI – RIZIV" : "RIZIV – INAMI";
  settings.subject = document.type->label(lang);
  settings.keywords = {document.type->name, document.reference};
  settings.language = std::string(l10n::bcp47(lang));
  settings.documentReference = document.reference;
  return settings;
}

PrintSettings printSettingsForSideBySide(const pipeline::ValidatedDocument& document,
                                        const pipeline::RenderedHtml& html) {
  // French first, as the page reads left to right (its metadata language too).
  auto settings = printSettingsFor(document, html, l10n::Lang::fr);
  settings.author = "INAMI – RIZIV";
  return settings;
}

}  // namespace paraph::print
