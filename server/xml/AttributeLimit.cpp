#include "xml/AttributeLimit.h"

namespace paraph::xml {
namespace {

// The offset just after the first `terminator` at or after `from`, or the end of `bytes`.
std::size_t after(std::string_view bytes, std::size_t from, std::string_view terminator) {
  const auto found = bytes.find(terminator, from);
  return found == std::string_view::npos ? bytes.size() : found + terminator.size();
}

CrowdedStartTag placed(std::string_view bytes, std::size_t offset) {
  CrowdedStartTag tag{offset, 1, 1};
  for (std::size_t index = 0; index < offset; ++index) {
    const auto byte = static_cast<unsigned char>(bytes[index]);
    if (byte == '\n') {
      ++tag.line;
      tag.column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++tag.column;
    }
  }
  return tag;
}

}  // namespace

std::optional<CrowdedStartTag> findStartTagWithMoreAttributesThan(std::string_view bytes, unsigned limit) {
  std::size_t position = 0;
  while ((position = bytes.find('<', position)) != std::string_view::npos) {
    const std::string_view rest = bytes.substr(position);
    if (rest.starts_with("<!--")) {
      position = after(bytes, position + 4, "-->");
    } else if (rest.starts_with("<![CDATA[")) {
      position = after(bytes, position + 9, "]]>");
    } else if (rest.starts_with("<?")) {
      position = after(bytes, position + 2, "?>");
    } else if (rest.starts_with("<!")) {
      // A DOCTYPE: refused by the parser anyway, and its internal subset is not worth lexing.
      return std::nullopt;
    } else if (rest.starts_with("</")) {
      position = after(bytes, position + 2, ">");
    } else {
      // A start tag: every attribute has exactly one '=' outside quoted values.
      const std::size_t tagStart = position;
      unsigned attributes = 0;
      ++position;
      while (position < bytes.size() && bytes[position] != '>') {
        const char byte = bytes[position];
        if (byte == '"' || byte == '\'') {
          position = after(bytes, position + 1, std::string_view(&byte, 1));
          continue;
        }
        if (byte == '=' && ++attributes > limit) return placed(bytes, tagStart);
        ++position;
      }
    }
  }
  return std::nullopt;
}

}  // namespace paraph::xml
