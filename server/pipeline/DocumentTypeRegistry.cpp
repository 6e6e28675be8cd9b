#include "pipeline/DocumentTypeRegistry.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "xml/SafeParser.h"

namespace paraph::pipeline {

const OutputSpec* DocumentType::output(const std::string& format) const {
  for (const auto& spec : outputs) {
    if (spec.format == format) return &spec;
  }
  return nullptr;
}

const EditionSpec* DocumentType::edition(const std::string& wanted) const {
  for (const auto& spec : editions) {
    if (spec.name == wanted) return &spec;
  }
  return nullptr;
}

std::vector<std::string> DocumentType::outputFileNames() const {
  std::vector<std::string> names;
  for (const auto& spec : editions) {
    for (const auto& format : outputs) names.push_back(spec.name + "." + format.format);
  }
  return names;
}

namespace {

// <editions><edition name="fr" language="fr"/>…<edition name="fr-nl" side-by-side="true"/></editions>
std::vector<EditionSpec> readEditions(xmlNode* element) {
  std::vector<EditionSpec> editions;
  for (xmlNode* child : xml::childElements(element, "edition")) {
    EditionSpec spec;
    spec.name = xml::attribute(child, "name");
    const std::string language = xml::attribute(child, "language");
    if (!language.empty()) {
      spec.language = l10n::parseLang(language);
      if (!spec.language) throw std::runtime_error("catalog/doctypes.xml: edition " + spec.name + ": unknown language " + language);
    } else if (xml::attribute(child, "side-by-side") != "true") {
      throw std::runtime_error("catalog/doctypes.xml: edition " + spec.name + " needs language= or side-by-side=\"true\"");
    }
    editions.push_back(std::move(spec));
  }
  return editions;
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream stream(text);
  std::vector<std::string> result;
  for (std::string word; stream >> word;) result.push_back(word);
  return result;
}

DocumentType readType(xmlNode* element, const std::vector<EditionSpec>& defaultEditions) {
  DocumentType type;
  type.editions = defaultEditions;
  type.name = xml::attribute(element, "name");
  type.namespaceUri = xml::attribute(element, "namespace");
  type.rootElement = xml::attribute(element, "root");
  type.schemaUri = xml::attribute(element, "schema");
  type.rulesUri = xml::attribute(element, "rules");
  for (xmlNode* child : xml::childElements(element)) {
    const std::string kind = reinterpret_cast<const char*>(child->name);
    if (kind == "namespace") {
      type.namespaces[xml::attribute(child, "prefix")] = xml::attribute(child, "uri");
    } else if (kind == "label") {
      if (auto lang = l10n::parseLang(xml::langOf(child))) type.labels[*lang] = xml::textContent(child);
    } else if (kind == "reference") {
      type.reference = xml::XPathExpression(xml::attribute(child, "select"));
    } else if (kind == "embargo") {
      type.embargo = xml::XPathExpression(xml::attribute(child, "select"));
    } else if (kind == "feed-title" || kind == "feed-summary") {
      const auto lang = l10n::parseLang(xml::langOf(child));
      if (!lang) throw std::runtime_error("catalog/doctypes.xml: doctype " + type.name + ": " + kind + " needs xml:lang fr or nl");
      (kind == "feed-title" ? type.feedTitle : type.feedSummary)[*lang] = xml::XPathExpression(xml::attribute(child, "select"));
    } else if (kind == "enrich") {
      EnrichmentSpec spec;
      for (xmlAttr* attr = child->properties; attr != nullptr; attr = attr->next) {
        const std::string name = reinterpret_cast<const char*>(attr->name);
        const std::string value = xml::attribute(child, name.c_str());
        if (name == "with") spec.with = value; else spec.arguments[name] = value;
      }
      type.enrichments.push_back(std::move(spec));
    } else if (kind == "output") {
      type.outputs.push_back(OutputSpec{xml::attribute(child, "format"), xml::attribute(child, "media-type"),
                                        xml::attribute(child, "stylesheet"), xml::attribute(child, "from")});
    } else if (kind == "editions") {
      type.editions = readEditions(child);
    } else if (kind == "unique") {
      type.uniqueKeys.push_back(UniqueKey{xml::attribute(child, "key"), xml::XPathExpression(xml::attribute(child, "select")),
                                          xml::attribute(child, "message")});
    } else if (kind == "mail-room") {
      type.mailRoomPostalCode = xml::XPathExpression(xml::attribute(child, "postal-code"));
    } else if (kind == "sign") {
      type.sign = true;
    } else if (kind == "require-in-output") {
      type.requiredMarks.push_back(RequiredMark{xml::attribute(child, "attribute"),
                                                words(xml::attribute(child, "values")),
                                                xml::attribute(child, "label")});
    }
  }
  if (type.name.empty() || type.namespaceUri.empty() || type.rootElement.empty() || type.schemaUri.empty()) {
    throw std::runtime_error("catalog/doctypes.xml: a doctype lacks name, namespace, root or schema");
  }
  if (type.output("html") == nullptr) {
    throw std::runtime_error("catalog/doctypes.xml: doctype " + type.name + " has no html output");
  }
  return type;
}

}  // namespace

DocumentTypeRegistry::DocumentTypeRegistry(const std::filesystem::path& registryFile) {
  auto document = xml::parseTrustedFile(registryFile.string());
  xmlNode* root = xmlDocGetRootElement(document.get());
  std::vector<EditionSpec> defaultEditions;
  for (xmlNode* element : xml::childElements(root, "editions")) defaultEditions = readEditions(element);
  for (xmlNode* element : xml::childElements(root, "doctype")) {
    types_.push_back(readType(element, defaultEditions));
    const auto& type = types_.back();
    if (type.editions.empty()) throw std::runtime_error("catalog/doctypes.xml: doctype " + type.name + " has no edition");
    for (const auto& edition : type.editions) {
      if (edition.sideBySide() && (type.edition("fr") == nullptr || type.edition("nl") == nullptr)) {
        throw std::runtime_error("catalog/doctypes.xml: doctype " + type.name +
                                 ": a side-by-side edition needs the fr and nl editions");
      }
    }
  }
}

std::vector<std::string> DocumentTypeRegistry::versionFileNames() const {
  std::vector<std::string> names{"input.xml"};
  for (const auto& type : types_) {
    for (auto& name : type.outputFileNames()) {
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
    }
  }
  return names;
}

const DocumentType* DocumentTypeRegistry::find(const std::string& namespaceUri, const std::string& rootElement) const {
  for (const auto& type : types_) {
    if (type.namespaceUri == namespaceUri && type.rootElement == rootElement) return &type;
  }
  return nullptr;
}

const DocumentType* DocumentTypeRegistry::byName(const std::string& name) const {
  for (const auto& type : types_) {
    if (type.name == name) return &type;
  }
  return nullptr;
}

}  // namespace paraph::pipeline
