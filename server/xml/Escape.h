#pragma once

#include <string>
#include <string_view>

namespace paraph::xml {

// Text made safe to write into XML or HTML by hand: & < > always, and " when it goes in a
// double-quoted attribute value. (Trees built with libxml2 escape on their own; this is for
// the few strings written directly.)
std::string escapedMarkup(std::string_view text, bool inAttribute);

}  // namespace paraph::xml
