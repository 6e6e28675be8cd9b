#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/DocumentType.h"

namespace paraph::pipeline {

class DocumentTypeRegistry {
 public:
  // Reads catalog/doctypes.xml; throws std::runtime_error when it is broken.
  explicit DocumentTypeRegistry(const std::filesystem::path& registryFile);

  const std::vector<DocumentType>& all() const { return types_; }
  // The type whose root element and namespace match, or nullptr.
  const DocumentType* find(const std::string& namespaceUri, const std::string& rootElement) const;
  const DocumentType* byName(const std::string& name) const;
  // Every file name a version of any type may have, input.xml first: what the API serves.
  std::vector<std::string> versionFileNames() const;

 private:
  std::vector<DocumentType> types_;
};

}  // namespace paraph::pipeline
