// Text made fit for an XML 1.0 document. libxml2 escapes '<', '&' and '>' when it
// serialises, but writes any other byte as it is: a control character from a pasted title
// would make the whole feed unreadable to every reader. Internal to paraph::publication.
#pragma once

#include <string>
#include <string_view>

namespace paraph::publication {

// The text with the characters XML 1.0 forbids removed (U+0000-U+001F except tab, line
// feed and carriage return; U+FFFE; U+FFFF) and each malformed UTF-8 sequence (stray
// continuation bytes, overlong forms, surrogates, truncated sequences) replaced by U+FFFD.
std::string xmlSafeText(std::string_view utf8);

}  // namespace paraph::publication
