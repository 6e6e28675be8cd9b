#include "review/Xliff.h"

#include <charconv>

namespace paraph::review {

std::string xliffOriginal(const std::string& documentId, int version) {
  return "paraph:" + documentId + "/v" + std::to_string(version);
}

std::optional<XliffOrigin> parseXliffOriginal(const std::string& original) {
  const std::string prefix = "paraph:";
  if (original.rfind(prefix, 0) != 0) return std::nullopt;
  const auto slash = original.rfind("/v");
  if (slash == std::string::npos || slash <= prefix.size()) return std::nullopt;
  XliffOrigin origin;
  origin.documentId = original.substr(prefix.size(), slash - prefix.size());
  const char* first = original.data() + slash + 2;
  const char* last = original.data() + original.size();
  const auto [end, error] = std::from_chars(first, last, origin.version);
  if (error != std::errc() || end != last || first == last || origin.version < 1) return std::nullopt;
  return origin;
}

}  // namespace paraph::review
