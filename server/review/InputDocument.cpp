#include "review/InputDocument.h"

#include <new>

#include "review/SegmentExtractor.h"

namespace paraph::review {

xmlNode* ensureLanguageElement(xmlNode* field, l10n::Lang lang) {
  if (xmlNode* existing = SegmentExtractor::languageElement(field, lang)) return existing;
  const std::string name(l10n::code(lang));
  xmlNode* element = xmlNewDocNode(field->doc, field->ns, reinterpret_cast<const xmlChar*>(name.c_str()), nullptr);
  if (element == nullptr) throw std::bad_alloc();
  // French first, as every fixture writes it; the schemas accept either order.
  xmlNode* other = SegmentExtractor::languageElement(field, l10n::other(lang));
  if (other != nullptr && lang == l10n::Lang::nl) {
    xmlAddNextSibling(other, element);
  } else if (other != nullptr) {
    xmlAddPrevSibling(other, element);
  } else {
    xmlAddChild(field, element);
  }
  return element;
}

}  // namespace paraph::review
