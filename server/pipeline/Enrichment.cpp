#include "pipeline/Enrichment.h"

#include "xml/XPath.h"

namespace paraph::pipeline {

void EnrichmentContext::report(const xmlNode* node, std::string message, std::string rule, std::string key,
                               std::vector<std::pair<std::string, std::string>> arguments) const {
  // A problem of the whole document is placed at its root.
  const xmlNode* placed = node != nullptr ? node : xmlDocGetRootElement(parsed.document.get());
  auto diagnostic = parsed.diagnosticAt(placed, std::move(message), std::move(rule));
  diagnostics.push_back(diagnostic.localisedAs(std::move(key), std::move(arguments)));
}

xmlNode* EnrichmentContext::append(xmlNode* parent, const char* name, const std::string& text) const {
  xmlNode* child = xmlNewChild(parent, enrichmentNamespace, reinterpret_cast<const xmlChar*>(name), nullptr);
  if (!text.empty()) xmlNodeAddContent(child, reinterpret_cast<const xmlChar*>(text.c_str()));
  return child;
}

}  // namespace paraph::pipeline
