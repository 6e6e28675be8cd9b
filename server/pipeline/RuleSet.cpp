#include "pipeline/RuleSet.h"

#include <stdexcept>

namespace paraph::pipeline {

std::string fillMessage(const std::string& message, const std::string& value) {
  std::string filled = message;
  const std::string placeholder = "{value}";
  for (auto position = filled.find(placeholder); position != std::string::npos;
       position = filled.find(placeholder, position + value.size())) {
    filled.replace(position, placeholder.size(), value);
  }
  return filled;
}

namespace {
std::string collapsedWhitespace(const std::string& text) {
  std::string result;
  bool pendingSpace = false;
  for (char character : text) {
    if (character == ' ' || character == '\n' || character == '\t' || character == '\r') {
      pendingSpace = !result.empty();
    } else {
      if (pendingSpace) result += ' ';
      pendingSpace = false;
      result += character;
    }
  }
  return result;
}
// Rules name fields relative to the root ("decision/amount"); staff see the full path.
std::string fieldPath(const xml::ParsedDocument& parsed, const std::string& field) {
  if (field.starts_with("/")) return field;
  return "/" + std::string(reinterpret_cast<const char*>(xmlDocGetRootElement(parsed.document.get())->name)) + "/" + field;
}

}  // namespace

RuleSet::RuleSet(const std::filesystem::path& rulesFile, const std::string& typeName) {
  const std::string type = typeName.empty() ? rulesFile.stem().string() : typeName;
  auto document = xml::parseTrustedFile(rulesFile.string());
  xmlNode* root = xmlDocGetRootElement(document.get());
  for (xmlNode* child : xml::childElements(root, "namespace")) {
    namespaces_[xml::attribute(child, "prefix")] = xml::attribute(child, "uri");
  }
  for (xmlNode* child : xml::childElements(root, "rule")) {
    Rule rule;
    rule.id = xml::attribute(child, "id");
    try {
      rule.context = xml::XPathExpression(xml::attribute(child, "context"));
      rule.assertion = xml::XPathExpression(xml::attribute(child, "assert"));
    } catch (const std::exception& error) {
      throw std::runtime_error(rulesFile.string() + ": rule " + rule.id + ": " + error.what());
    }
    rule.field = xml::attribute(child, "field");
    rule.message = collapsedWhitespace(xml::textContent(child));
    rule.key = "rule." + type + "." + rule.id;
    rules_.push_back(std::move(rule));
  }
}

std::vector<xml::Diagnostic> RuleSet::check(const xml::ParsedDocument& parsed) const {
  std::vector<xml::Diagnostic> diagnostics;
  auto context = xml::makeXPathContext(parsed.document.get(), namespaces_);
  for (const auto& rule : rules_) {
    for (xmlNode* node : rule.context.nodes(context.get(), nullptr)) {
      if (rule.assertion.boolean(context.get(), node)) continue;
      const std::string value = collapsedWhitespace(xml::textContent(node));
      auto diagnostic = parsed.diagnosticAt(node, fillMessage(rule.message, value), rule.id);
      if (!rule.field.empty()) diagnostic.path = fieldPath(parsed, rule.field);
      diagnostic.localisedAs(rule.key, {{"value", value}});
      diagnostics.push_back(std::move(diagnostic));
    }
  }
  return diagnostics;
}

}  // namespace paraph::pipeline
