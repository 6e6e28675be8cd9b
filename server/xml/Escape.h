#pragma once

#include <string>
#include <string_view>

namespace paraph::xml {

// Text made safe to write into XML or HTML by hand: & < > always, and " when it goes in a
// double-quoted attribute value. (Trees built with libxml2 escape on their own; this is for
// the few strings written directly.)
std::string escapedMarkup(std::string_view text, bool inAttribute);

// Text made fit for an XML 1.0 document. libxml2 escapes '<', '&' and '>' when it
// serialises, but writes any other byte as it is: a control character pasted into a title or
// a comment would make the whole feed or page unreadable. The characters XML 1.0 forbids are
// removed (U+0000-U+001F except tab, line feed and carriage return; U+FFFE; U+FFFF) and each
// malformed UTF-8 sequence (stray continuation bytes, overlong forms, surrogates, truncated
// sequences) is replaced by U+FFFD.
std::string xmlSafeText(std::string_view utf8);

// One URI path segment (RFC 3986): every byte but the unreserved characters
// (A-Z a-z 0-9 - . _ ~) and those in `alsoKept` percent-encoded, in upper-case hex, so that
// any document or segment id makes a valid, stable segment.
std::string percentEncoded(std::string_view text, std::string_view alsoKept = {});

}  // namespace paraph::xml
