#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace paraph::xml {

// Where a start tag with too many attributes begins: its '<', as a byte offset and as the
// line and column (characters, from 1) that diagnostics use.
struct CrowdedStartTag {
  std::size_t offset = 0;
  int line = 0;
  int column = 0;
};

// The first start tag in `bytes` carrying more than `limit` attributes (namespace
// declarations count, as they do for libxml2), or nothing. One linear pass that only has to
// be right for well-formed XML: libxml2 2.9's duplicate-attribute check is quadratic in the
// number of attributes of an element (50,000 attributes took 9 s), so such a tag must be
// refused before libxml2 reads it; anything malformed is left for libxml2 to report.
std::optional<CrowdedStartTag> findStartTagWithMoreAttributesThan(std::string_view bytes, unsigned limit);

}  // namespace paraph::xml
