// Small helpers for building XML trees with libxml2 from C++ strings.
#pragma once

#include <new>
#include <string>

#include <libxml/tree.h>

#include "xml/Escape.h"
#include "xml/XmlPtr.h"

namespace paraph::xml {

inline const xmlChar* xmlChars(const std::string& text) { return reinterpret_cast<const xmlChar*>(text.c_str()); }

// Appends <name> in `ns` to `parent`; throws std::bad_alloc when libxml2 cannot.
inline xmlNode* newElement(xmlNode* parent, xmlNs* ns, const char* name) {
  xmlNode* element = xmlNewChild(parent, ns, reinterpret_cast<const xmlChar*>(name), nullptr);
  if (element == nullptr) throw std::bad_alloc();
  return element;
}

// Sets an attribute to text that may come from outside (forms, the store): xmlSafeText keeps
// bytes that are not UTF-8, or characters XML 1.0 cannot hold, from breaking the output.
// xmlNewProp stores the value as it is (no entity parsing): it is escaped on output.
inline void setSafeAttribute(xmlNode* element, const char* name, const std::string& value) {
  if (xmlNewProp(element, reinterpret_cast<const xmlChar*>(name), xmlChars(xmlSafeText(value))) == nullptr) {
    throw std::bad_alloc();
  }
}

// The document as UTF-8 bytes with an XML declaration, its layout and comments kept;
// `indent` lays out a tree built without white space one element a line.
inline std::string serializedDocument(xmlDoc* document, bool indent = false) {
  xmlChar* buffer = nullptr;
  int size = 0;
  xmlDocDumpFormatMemoryEnc(document, &buffer, &size, "UTF-8", indent ? 1 : 0);
  const XmlCharPtr owned(buffer);
  if (!owned) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(owned.get()), static_cast<std::size_t>(size));
}

}  // namespace paraph::xml
