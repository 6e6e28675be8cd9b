#include "xml/ResourceCatalog.h"

#include <memory>
#include <mutex>
#include <stdexcept>

#include <libxml/catalog.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>

#include "xml/XmlPtr.h"

namespace paraph::xml {
namespace {

struct CatalogState {
  xmlCatalogPtr catalog = nullptr;
  std::vector<std::filesystem::path> allowedFolders;
};

CatalogState& state() {
  static CatalogState instance;
  return instance;
}

std::once_flag installOnce;

std::optional<std::filesystem::path> localPathOf(std::string_view uri) {
  std::string text(uri);
  if (text.rfind("file://", 0) == 0) {
    XmlCharPtr unescaped(reinterpret_cast<xmlChar*>(xmlURIUnescapeString(text.c_str() + 7, 0, nullptr)));
    if (!unescaped) return std::nullopt;
    return std::filesystem::path(reinterpret_cast<const char*>(unescaped.get()));
  }
  if (text.find("://") != std::string::npos) return std::nullopt;  // some other scheme
  return std::filesystem::path(text);
}

xmlParserInputPtr safeEntityLoader(const char* url, const char* publicId, xmlParserCtxtPtr context) {
  std::optional<std::filesystem::path> path;
  if (url != nullptr) path = ResourceCatalog::resolve(url);
  if (!path && publicId != nullptr && state().catalog != nullptr) {
    XmlCharPtr resolved(xmlACatalogResolvePublic(state().catalog, reinterpret_cast<const xmlChar*>(publicId)));
    if (resolved) path = ResourceCatalog::resolve(reinterpret_cast<const char*>(resolved.get()));
  }
  // Refused: libxml2 then reports "failed to load external entity" naming the URL.
  if (!path) return nullptr;
  return xmlNewInputFromFile(context, path->c_str());
}

}  // namespace

void ResourceCatalog::install(const std::filesystem::path& catalogFile,
                              std::vector<std::filesystem::path> allowedFolders) {
  std::call_once(installOnce, [&] {
    xmlInitParser();
    // No system catalogs (/etc/xml): only paraph's own catalog is consulted.
    xmlCatalogSetDefaults(XML_CATA_ALLOW_NONE);
    CatalogState& current = state();
    current.catalog = xmlLoadACatalog(catalogFile.c_str());
    if (current.catalog == nullptr) {
      throw std::runtime_error("cannot load the XML catalog " + catalogFile.string());
    }
    for (auto& folder : allowedFolders) {
      current.allowedFolders.push_back(std::filesystem::weakly_canonical(folder));
    }
    xmlSetExternalEntityLoader(safeEntityLoader);
  });
}

bool ResourceCatalog::isAllowed(const std::filesystem::path& path) {
  std::error_code error;
  const auto canonical = std::filesystem::weakly_canonical(path, error);
  if (error) return false;
  for (const auto& folder : state().allowedFolders) {
    const auto relative = canonical.lexically_relative(folder);
    if (!relative.empty() && *relative.begin() != "..") return true;
  }
  return false;
}

std::optional<std::filesystem::path> ResourceCatalog::resolve(std::string_view uri) {
  std::string candidate(uri);
  if (state().catalog != nullptr) {
    XmlCharPtr mapped(xmlACatalogResolveURI(state().catalog, reinterpret_cast<const xmlChar*>(candidate.c_str())));
    if (!mapped) {
      mapped.reset(xmlACatalogResolveSystem(state().catalog, reinterpret_cast<const xmlChar*>(candidate.c_str())));
    }
    if (mapped) candidate = reinterpret_cast<const char*>(mapped.get());
  }
  const auto path = localPathOf(candidate);
  if (!path || !isAllowed(*path)) return std::nullopt;
  return path;
}

}  // namespace paraph::xml
