#pragma once

#include <string>

#include "l10n/Lang.h"
#include "xml/XmlPtr.h"

namespace paraph::review {

// Writing a new input document (the next version's, or a draft's rendering input).

// The field's <fr>/<nl> element, created (in the field's namespace, after the other
// language's element) when absent.
xmlNode* ensureLanguageElement(xmlNode* field, l10n::Lang lang);

}  // namespace paraph::review
