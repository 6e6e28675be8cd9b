#include "pipeline/LabourCourts.h"

#include <charconv>
#include <stdexcept>

#include "pipeline/RuleSet.h"
#include "xml/SafeParser.h"
#include "xml/XPath.h"

namespace paraph::pipeline {
namespace {

std::optional<int> postalNumber(const std::string& text) {
  if (text.size() != 4) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

void moveIntoNamespace(xmlNode* node, xmlNs* target) {
  for (xmlNode* current = node; current != nullptr; current = current->next) {
    if (current->type != XML_ELEMENT_NODE) continue;
    xmlSetNs(current, target);
    moveIntoNamespace(current->children, target);
  }
}

}  // namespace

LabourCourts::LabourCourts(const std::filesystem::path& courtsFile)
    : document_(xml::parseTrustedFile(courtsFile.string())) {
  for (xmlNode* court : xml::childElements(xmlDocGetRootElement(document_.get()), "court")) {
    const std::string id = xml::attribute(court, "id");
    for (xmlNode* serves : xml::childElements(court, "serves")) {
      Range range;
      const auto from = postalNumber(xml::attribute(serves, "from"));
      const auto to = postalNumber(xml::attribute(serves, "to"));
      if (!from || !to || *from > *to) {
        throw std::runtime_error(courtsFile.string() + ": court " + id + " has a bad postal range");
      }
      range.from = *from;
      range.to = *to;
      const std::string language = xml::attribute(serves, "language");
      if (!language.empty()) range.language = l10n::parseLang(language);
      range.court = Court{id, court};
      ranges_.push_back(range);
    }
  }
}

std::optional<LabourCourts::Court> LabourCourts::forPostalCode(const std::string& postalCode,
                                                               l10n::Lang language) const {
  const auto number = postalNumber(postalCode);
  if (!number) return std::nullopt;
  std::optional<Court> anyLanguage;
  for (const auto& range : ranges_) {
    if (*number < range.from || *number > range.to) continue;
    if (!range.language || *range.language == language) return range.court;
    if (!anyLanguage) anyLanguage = range.court;
  }
  return anyLanguage;
}

void LabourCourts::appendCourt(const Court& court, xmlNode* parent, xmlNs* enrichmentNamespace) const {
  xmlNode* copy = xmlDocCopyNode(court.element, parent->doc, 1);
  if (copy == nullptr) throw std::bad_alloc();
  for (xmlNode* serves : xml::childElements(copy, "serves")) {
    xmlUnlinkNode(serves);
    xmlFreeNode(serves);
  }
  xmlAddChild(parent, copy);
  moveIntoNamespace(copy, enrichmentNamespace);
}

void LabourCourts::apply(const EnrichmentContext& context) const {
  xmlDoc* tree = context.parsed.document.get();
  xmlNode* root = xmlDocGetRootElement(tree);
  const xml::XPathExpression postalCodePath(context.spec.arguments.at("postal-code"));
  const auto postalNodes = postalCodePath.nodes(tree, root, context.type.namespaces);
  const std::string postalCode = postalNodes.empty() ? "" : xml::textContent(postalNodes.front());
  l10n::Lang language = context.sourceLanguage;
  if (auto found = context.spec.arguments.find("language"); found != context.spec.arguments.end()) {
    const std::string stated = xml::XPathExpression(found->second).string(tree, root, context.type.namespaces);
    if (auto statedLang = l10n::parseLang(stated)) language = *statedLang;
  }
  const auto court = forPostalCode(postalCode, language);
  if (!court) {
    context.report(postalNodes.empty() ? nullptr : postalNodes.front(),
                   fillMessage(context.spec.arguments.at("missing"), postalCode), "labour-court",
                   "enrichment." + context.type.name + ".labour-court", {{"value", postalCode}});
    return;
  }
  appendCourt(*court, context.target, context.enrichmentNamespace);
}

}  // namespace paraph::pipeline
