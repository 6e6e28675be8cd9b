// Conversions between the UTF-8 used everywhere in paraph (libxml2, std::string) and ICU's
// UTF-16 strings. Internal to paraph::l10n.
#pragma once

#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace paraph::l10n {

// Throws FormatError when utf8 is not well-formed UTF-8 (ICU would otherwise substitute
// U+FFFD silently and format something the caller never wrote).
icu::UnicodeString toUnicode(std::string_view utf8);
std::string toUtf8(const icu::UnicodeString& text);

}  // namespace paraph::l10n
