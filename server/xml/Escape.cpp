#include "xml/Escape.h"

#include <Poco/URI.h>

namespace paraph::xml {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

bool isContinuation(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }

// Length of the well-formed UTF-8 sequence at `at` (Unicode table 3-7), or 0.
std::size_t sequenceLength(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // no overlong forms
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  const auto second = static_cast<unsigned char>(text[at + 1]);
  if (second < low || second > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!isContinuation(static_cast<unsigned char>(text[at + i]))) return 0;
  }
  return length;
}

bool isAllowedAscii(unsigned char byte) { return byte >= 0x20 || byte == '\t' || byte == '\n' || byte == '\r'; }

}  // namespace

std::string escapedMarkup(std::string_view text, bool inAttribute) {
  std::string result;
  result.reserve(text.size());
  for (const char character : text) {
    switch (character) {
      case '&': result += "&amp;"; break;
      case '<': result += "&lt;"; break;
      case '>': result += "&gt;"; break;
      case '"': result += inAttribute ? "&quot;" : "\""; break;
      default: result += character;
    }
  }
  return result;
}

std::string xmlSafeText(std::string_view utf8) {
  std::string safe;
  safe.reserve(utf8.size());
  std::size_t at = 0;
  while (at < utf8.size()) {
    const std::size_t length = sequenceLength(utf8, at);
    if (length == 0) {
      safe += kReplacementCharacter;
      ++at;
      continue;
    }
    const std::string_view sequence = utf8.substr(at, length);
    at += length;
    if (length == 1 && !isAllowedAscii(static_cast<unsigned char>(sequence[0]))) continue;
    if (sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF") continue;  // U+FFFE, U+FFFF
    safe += sequence;
  }
  return safe;
}

std::string percentEncoded(std::string_view text, std::string_view alsoKept) {
  // Poco encodes controls, non-ASCII and its own unsafe set ("%<>{}|\\\"^`!*'()$,[]") always;
  // these are the rest of RFC 3986's reserved characters, so only the unreserved stay.
  std::string reserved = ":/?#@&+;=";
  for (const char kept : alsoKept) std::erase(reserved, kept);
  std::string encoded;
  Poco::URI::encode(std::string(text), reserved, encoded);
  return encoded;
}

}  // namespace paraph::xml
