// paraph::xml owns every contact with libxml2 and libxslt: safe parsing of untrusted input,
// the OASIS catalog that maps every schema and stylesheet URI to a local file, and the
// cache of compiled stylesheets. This header gives each libxml2/libxslt object an owner.
#pragma once

#include <memory>

#include <libxml/catalog.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>

namespace paraph::xml {

template <auto FreeFunction>
struct Deleter {
  template <typename T>
  void operator()(T* pointer) const {
    if (pointer != nullptr) FreeFunction(pointer);
  }
};

using DocPtr = std::unique_ptr<xmlDoc, Deleter<xmlFreeDoc>>;
// A node (and its subtree) not linked into any tree yet; release() once a tree adopts it.
using NodePtr = std::unique_ptr<xmlNode, Deleter<xmlFreeNode>>;
using ParserCtxtPtr = std::unique_ptr<xmlParserCtxt, Deleter<xmlFreeParserCtxt>>;
using XPathContextPtr = std::unique_ptr<xmlXPathContext, Deleter<xmlXPathFreeContext>>;
using XPathObjectPtr = std::unique_ptr<xmlXPathObject, Deleter<xmlXPathFreeObject>>;
using XPathCompExprPtr = std::unique_ptr<xmlXPathCompExpr, Deleter<xmlXPathFreeCompExpr>>;
using SchemaParserCtxtPtr = std::unique_ptr<xmlSchemaParserCtxt, Deleter<xmlSchemaFreeParserCtxt>>;
using SchemaPtr = std::unique_ptr<xmlSchema, Deleter<xmlSchemaFree>>;
using SchemaValidCtxtPtr = std::unique_ptr<xmlSchemaValidCtxt, Deleter<xmlSchemaFreeValidCtxt>>;
using TransformContextPtr = std::unique_ptr<xsltTransformContext, Deleter<xsltFreeTransformContext>>;
using SecurityPrefsPtr = std::unique_ptr<xsltSecurityPrefs, Deleter<xsltFreeSecurityPrefs>>;

inline void freeXmlChars(xmlChar* text) { xmlFree(text); }
using XmlCharPtr = std::unique_ptr<xmlChar, Deleter<freeXmlChars>>;

// Compiled stylesheets are shared, read-only, across threads.
using StylesheetPtr = std::shared_ptr<const xsltStylesheet>;

}  // namespace paraph::xml
