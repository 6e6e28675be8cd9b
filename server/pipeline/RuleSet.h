#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "xml/Diagnostic.h"
#include "xml/SafeParser.h"
#include "xml/XPath.h"

namespace paraph::pipeline {

// A document type's business rules (catalog/rules/<type>.xml): for every node that matches
// a rule's context, its assertion must hold, or the document is refused with the rule's
// message placed at that node. A Schematron-like subset evaluated with libxml2's XPath, kept
// as data so that the people who know the law can read and review it.
struct Rule {
  std::string id;
  xml::XPathExpression context;
  xml::XPathExpression assertion;
  std::string field;    // the path reported to staff; the context node's path when empty
  std::string message;  // English; may contain {value}: the context node's string value
  std::string key;      // rule.<type>.<id>: its message in catalog/l10n/messages.fr.xml, .nl.xml
};

class RuleSet {
 public:
  RuleSet() = default;
  // typeName keys the translated messages (rule.<typeName>.<id>); the file's stem by default.
  explicit RuleSet(const std::filesystem::path& rulesFile, const std::string& typeName = {});

  std::vector<xml::Diagnostic> check(const xml::ParsedDocument& parsed) const;
  const std::vector<Rule>& rules() const { return rules_; }

 private:
  xml::NamespaceMap namespaces_;
  std::vector<Rule> rules_;
};

// Replaces {value} in a message.
std::string fillMessage(const std::string& message, const std::string& value);

}  // namespace paraph::pipeline
