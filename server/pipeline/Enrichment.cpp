#include "pipeline/Enrichment.h"

#include "xml/XPath.h"

namespace paraph::pipeline {

void EnrichmentContext::report(const xmlNode* node, std::string message, std::string rule) const {
  const xmlNode* element = node;
  if (element == nullptr) element = xmlDocGetRootElement(parsed.document.get());
  if (element->type == XML_ATTRIBUTE_NODE) element = element->parent;
  xml::Diagnostic diagnostic;
  diagnostic.file = parsed.sourceName;
  diagnostic.line = static_cast<int>(xmlGetLineNo(element));
  diagnostic.column = parsed.columnOf(element);
  diagnostic.path = xml::nodePath(node != nullptr ? node : element);
  diagnostic.message = std::move(message);
  diagnostic.rule = std::move(rule);
  diagnostics.push_back(std::move(diagnostic));
}

xmlNode* EnrichmentContext::append(xmlNode* parent, const char* name, const std::string& text) const {
  xmlNode* child = xmlNewChild(parent, enrichmentNamespace, reinterpret_cast<const xmlChar*>(name), nullptr);
  if (!text.empty()) xmlNodeAddContent(child, reinterpret_cast<const xmlChar*>(text.c_str()));
  return child;
}

}  // namespace paraph::pipeline
