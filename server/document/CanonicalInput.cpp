#include "document/CanonicalInput.h"

#include <libxml/c14n.h>

#include <stdexcept>

#include "xml/XmlPtr.h"

namespace paraph::document {

std::string canonicalForm(xmlDoc* document) {
  xmlChar* written = nullptr;
  const int size = xmlC14NDocDumpMemory(document, nullptr, XML_C14N_1_0, nullptr, 0, &written);
  // Owned at once: libxml2 may hand back a buffer even when it reports a failure.
  const xml::XmlCharPtr bytes(written);
  if (size < 0 || bytes == nullptr) throw std::runtime_error("cannot canonicalise the document (C14N failed)");
  return std::string(reinterpret_cast<const char*>(bytes.get()), static_cast<std::size_t>(size));
}

}  // namespace paraph::document
