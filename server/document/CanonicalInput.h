#pragma once

#include <string>

#include <libxml/tree.h>

namespace paraph::document {

// The canonical form of a submitted document, used to decide whether a resubmission is a
// new version. It is Canonical XML 1.0 (libxml2's C14N) without comments, so the XML
// declaration and encoding, attribute order and quote style, empty-element syntax, character
// references and namespace declaration order make no difference, while every element,
// attribute and text node (whitespace included: it may be significant in mixed content) does.
// Comments are left out: they never reach an output. Throws std::runtime_error on failure.
std::string canonicalForm(xmlDoc* document);

}  // namespace paraph::document
