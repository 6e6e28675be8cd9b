#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paraph::xml {

// The OASIS XML catalog (catalog/catalog.xml) that maps every schema, rules and stylesheet
// URI to a local file, and the only way libxml2 and libxslt may load anything: install()
// replaces libxml2's external-entity loader with one that loads a file only when it lies
// inside one of the allowed folders (catalog/, xslt/, styles/), after catalog resolution.
// Network URIs that the catalog does not map, and any other local path, are refused.
class ResourceCatalog {
 public:
  // Process-wide: libxml2's loader is a global. Call once at start-up, before any thread
  // parses; later calls with the same home are no-ops.
  static void install(const std::filesystem::path& catalogFile, std::vector<std::filesystem::path> allowedFolders);

  // Resolves a URI (or a path) to a local file that may be read, or nothing.
  static std::optional<std::filesystem::path> resolve(std::string_view uri);

  // True when a local path lies inside an allowed folder.
  static bool isAllowed(const std::filesystem::path& path);
};

}  // namespace paraph::xml
