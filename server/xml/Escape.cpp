#include "xml/Escape.h"

namespace paraph::xml {

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

}  // namespace paraph::xml
