#include "publication/EntryText.h"

#include <algorithm>
#include <limits>

namespace paraph::publication {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

// The ASCII white space of HTML; no-break spaces are kept, French typography needs them.
bool isHtmlWhitespace(char character) {
  return character == ' ' || character == '\t' || character == '\n' || character == '\f' || character == '\r';
}

bool isLeadByte(char character) { return (static_cast<unsigned char>(character) & 0xC0U) != 0x80U; }

std::size_t codePoints(std::string_view text) {
  std::size_t count = 0;
  for (const char character : text) count += isLeadByte(character) ? 1 : 0;
  return count;
}

// Byte offset just after the first `count` code points.
std::size_t offsetAfter(std::string_view text, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (isLeadByte(text[at])) {
      if (seen == count) return at;
      ++seen;
    }
  }
  return text.size();
}

}  // namespace

std::string collapsedWhitespace(std::string_view text) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool pendingSpace = false;
  for (const char character : text) {
    if (isHtmlWhitespace(character)) {
      pendingSpace = !collapsed.empty();
      continue;
    }
    if (pendingSpace) collapsed += ' ';
    pendingSpace = false;
    collapsed += character;
  }
  return collapsed;
}

std::string cutAtWord(const std::string& text, std::size_t maxCharacters) {
  if (codePoints(text) <= maxCharacters) return text;
  if (maxCharacters == 0) return {};
  // Room for the ellipsis; the character just after the kept part tells whether the cut
  // falls between two words.
  const std::size_t end = offsetAfter(text, maxCharacters - 1);
  std::size_t cut = end;
  if (end < text.size() && text[end] != ' ') {
    const std::size_t space = text.rfind(' ', end);
    if (space != std::string::npos && space > 0) cut = space;
  }
  std::string kept = text.substr(0, cut);
  while (!kept.empty() && (kept.back() == ' ' || kept.back() == ',' || kept.back() == ';' || kept.back() == ':')) {
    kept.pop_back();
  }
  return kept + std::string(kEllipsis);
}

}  // namespace paraph::publication
