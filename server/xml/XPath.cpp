#include "xml/XPath.h"

#include <cstring>
#include <stdexcept>

#include <libxml/xpathInternals.h>

namespace paraph::xml {

XPathExpression::XPathExpression(const std::string& expression) : text_(expression) {
  xmlXPathCompExprPtr compiled = xmlXPathCompile(reinterpret_cast<const xmlChar*>(expression.c_str()));
  if (compiled == nullptr) throw std::runtime_error("XPath expression does not compile: " + expression);
  compiled_.reset(compiled, xmlXPathFreeCompExpr);
}

XPathContextPtr makeXPathContext(xmlDoc* document, const NamespaceMap& namespaces) {
  XPathContextPtr context(xmlXPathNewContext(document));
  if (!context) throw std::bad_alloc();
  for (const auto& [prefix, uri] : namespaces) {
    xmlXPathRegisterNs(context.get(), reinterpret_cast<const xmlChar*>(prefix.c_str()),
                       reinterpret_cast<const xmlChar*>(uri.c_str()));
  }
  return context;
}

XPathObjectPtr XPathExpression::evaluateIn(xmlXPathContext* context, xmlNode* contextNode) const {
  if (!compiled_) throw std::logic_error("empty XPath expression");
  context->node = contextNode != nullptr ? contextNode : xmlDocGetRootElement(context->doc);
  XPathObjectPtr result(xmlXPathCompiledEval(compiled_.get(), context));
  if (!result) throw std::runtime_error("XPath expression failed: " + text_);
  return result;
}

XPathObjectPtr XPathExpression::evaluate(xmlDoc* document, xmlNode* contextNode, const NamespaceMap& namespaces) const {
  auto context = makeXPathContext(document, namespaces);
  return evaluateIn(context.get(), contextNode);
}

std::vector<xmlNode*> XPathExpression::nodes(xmlXPathContext* context, xmlNode* contextNode) const {
  auto result = evaluateIn(context, contextNode);
  std::vector<xmlNode*> found;
  if (result->type == XPATH_NODESET && result->nodesetval != nullptr) {
    for (int index = 0; index < result->nodesetval->nodeNr; ++index) found.push_back(result->nodesetval->nodeTab[index]);
  }
  return found;
}

bool XPathExpression::boolean(xmlXPathContext* context, xmlNode* contextNode) const {
  auto result = evaluateIn(context, contextNode);
  return xmlXPathCastToBoolean(result.get()) != 0;
}

std::vector<xmlNode*> XPathExpression::nodes(xmlDoc* document, xmlNode* contextNode,
                                             const NamespaceMap& namespaces) const {
  auto context = makeXPathContext(document, namespaces);
  return nodes(context.get(), contextNode);
}

bool XPathExpression::boolean(xmlDoc* document, xmlNode* contextNode, const NamespaceMap& namespaces) const {
  auto context = makeXPathContext(document, namespaces);
  return boolean(context.get(), contextNode);
}

std::string XPathExpression::string(xmlDoc* document, xmlNode* contextNode, const NamespaceMap& namespaces) const {
  auto result = evaluate(document, contextNode, namespaces);
  XmlCharPtr text(xmlXPathCastToString(result.get()));
  return text ? std::string(reinterpret_cast<const char*>(text.get())) : std::string();
}

std::string attribute(const xmlNode* node, const char* name) {
  XmlCharPtr value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
  return value ? std::string(reinterpret_cast<const char*>(value.get())) : std::string();
}

std::string textContent(const xmlNode* node) {
  XmlCharPtr value(xmlNodeGetContent(node));
  return value ? std::string(reinterpret_cast<const char*>(value.get())) : std::string();
}

std::string langOf(const xmlNode* node) {
  XmlCharPtr value(xmlNodeGetLang(node));
  return value ? std::string(reinterpret_cast<const char*>(value.get())) : std::string();
}

std::vector<xmlNode*> childElements(const xmlNode* node, const char* localName) {
  std::vector<xmlNode*> children;
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (localName != nullptr && std::strcmp(reinterpret_cast<const char*>(child->name), localName) != 0) continue;
    children.push_back(child);
  }
  return children;
}

std::string nodePath(const xmlNode* node) {
  std::string path;
  for (const xmlNode* current = node; current != nullptr && current->type != XML_DOCUMENT_NODE;
       current = current->parent) {
    std::string step;
    if (current->type == XML_ATTRIBUTE_NODE) {
      step = "@" + std::string(reinterpret_cast<const char*>(current->name));
    } else if (current->type == XML_ELEMENT_NODE) {
      step = reinterpret_cast<const char*>(current->name);
      int position = 0;
      int sameName = 0;
      if (current->parent != nullptr && current->parent->type == XML_ELEMENT_NODE) {
        for (const xmlNode* sibling = current->parent->children; sibling != nullptr; sibling = sibling->next) {
          if (sibling->type != XML_ELEMENT_NODE || !xmlStrEqual(sibling->name, current->name)) continue;
          ++sameName;
          if (sibling == current) position = sameName;
        }
      }
      if (sameName > 1) step += "[" + std::to_string(position) + "]";
    } else {
      continue;  // text and other nodes: report their element
    }
    path = "/" + step + path;
  }
  return path;
}

}  // namespace paraph::xml
