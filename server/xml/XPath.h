#pragma once

#include <map>
#include <string>
#include <vector>

#include "xml/XmlPtr.h"

namespace paraph::xml {

using NamespaceMap = std::map<std::string, std::string>;  // prefix -> URI

// A compiled XPath 1.0 expression. Compiled once (catalog load), evaluated from many
// threads: each evaluation makes its own xmlXPathContext.
class XPathExpression {
 public:
  XPathExpression() = default;
  // Throws std::runtime_error naming the expression when it does not compile.
  explicit XPathExpression(const std::string& expression);

  const std::string& text() const { return text_; }
  bool empty() const { return !compiled_; }

  std::vector<xmlNode*> nodes(xmlDoc* document, xmlNode* contextNode, const NamespaceMap& namespaces) const;
  // The same, in a context the caller made once for many evaluations (making a context
  // registers every XPath function: too costly per rule).
  std::vector<xmlNode*> nodes(xmlXPathContext* context, xmlNode* contextNode) const;
  bool boolean(xmlXPathContext* context, xmlNode* contextNode) const;
  bool boolean(xmlDoc* document, xmlNode* contextNode, const NamespaceMap& namespaces) const;
  std::string string(xmlDoc* document, xmlNode* contextNode, const NamespaceMap& namespaces) const;

 private:
  XPathObjectPtr evaluate(xmlDoc* document, xmlNode* contextNode, const NamespaceMap& namespaces) const;
  XPathObjectPtr evaluateIn(xmlXPathContext* context, xmlNode* contextNode) const;

  std::string text_;
  std::shared_ptr<xmlXPathCompExpr> compiled_;
};

// A reusable evaluation context over one document with namespaces registered.
XPathContextPtr makeXPathContext(xmlDoc* document, const NamespaceMap& namespaces);

// Helpers for reading paraph's own catalog files.
std::string attribute(const xmlNode* node, const char* name);
std::string textContent(const xmlNode* node);
std::string langOf(const xmlNode* node);  // xml:lang
std::vector<xmlNode*> childElements(const xmlNode* node, const char* localName = nullptr);
std::string nodePath(const xmlNode* node);  // /letter/decision/amount, prefixes dropped

}  // namespace paraph::xml
