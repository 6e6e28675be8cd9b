#include "document/CanonicalInput.h"

#include <libxml/c14n.h>

#include <stdexcept>

namespace paraph::document {

std::string canonicalForm(xmlDoc* document) {
  xmlChar* bytes = nullptr;
  const int size = xmlC14NDocDumpMemory(document, nullptr, XML_C14N_1_0, nullptr, 0, &bytes);
  if (size < 0 || bytes == nullptr) throw std::runtime_error("cannot canonicalise the document (C14N failed)");
  std::string canonical(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
  xmlFree(bytes);
  return canonical;
}

}  // namespace paraph::document
