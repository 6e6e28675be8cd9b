// Small helpers for building XML trees with libxml2 from C++ strings.
#pragma once

#include <new>
#include <string>

#include <libxml/tree.h>

namespace paraph::xml {

inline const xmlChar* xmlChars(const std::string& text) { return reinterpret_cast<const xmlChar*>(text.c_str()); }

// Appends <name> in `ns` to `parent`; throws std::bad_alloc when libxml2 cannot.
inline xmlNode* newElement(xmlNode* parent, xmlNs* ns, const char* name) {
  xmlNode* element = xmlNewChild(parent, ns, reinterpret_cast<const xmlChar*>(name), nullptr);
  if (element == nullptr) throw std::bad_alloc();
  return element;
}

}  // namespace paraph::xml
