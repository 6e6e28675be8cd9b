#pragma once

#include <map>
#include <mutex>
#include <string>

#include "xml/XmlPtr.h"

namespace paraph::xml {

// Compiles each stylesheet once and shares it, read-only, between threads; every transform
// makes its own xsltTransformContext over it. Stylesheets are addressed by catalog URI.
class StylesheetCache {
 public:
  // Throws std::runtime_error with libxslt's messages when the stylesheet does not compile.
  StylesheetPtr get(const std::string& uri);

 private:
  std::mutex mutex_;
  std::map<std::string, StylesheetPtr> compiled_;
};

// Thrown when a transform fails, with libxslt's messages.
class TransformError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Applies a compiled stylesheet with string parameters, in a transform context whose
// security preferences forbid writing files, creating folders and any network access, and
// allow reading only the catalog's folders. `userData` is handed to extension functions
// through xsltTransformContext::_private. Returns the result tree; throws TransformError.
DocPtr transform(const StylesheetPtr& stylesheet, xmlDoc* input, const std::map<std::string, std::string>& stringParams,
                 void* userData);
// Serialises a result tree with the stylesheet's xsl:output settings.
std::string serialize(const StylesheetPtr& stylesheet, xmlDoc* result);



}  // namespace paraph::xml
