#include "pipeline/OutputParity.h"

#include <algorithm>
#include <map>
#include <set>

#include <libxml/HTMLparser.h>

#include "pipeline/ParityCheck.h"
#include "xml/XPath.h"
#include "xml/XmlPtr.h"

namespace paraph::testing {
namespace {

using pipeline::normalisedFacts;

struct Segment {
  std::string element;
  std::string structure;
  std::string text;
  std::vector<std::string> identifiers;  // texts marked translate="no", compared whole
};

const std::set<std::string> kStructural{"table", "thead", "tbody", "tr", "th", "td", "ol", "ul", "li", "dl", "dt", "dd",
                                        "h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "section", "article"};

// The text of a node with a space at every element boundary, so that "<dd>RP/2026/1</dd><dt>Date"
// does not read as one word. Elements marked translate="no" (identifiers such as a KBO/BCE
// number 0412.658.307, whose dots are neither French nor Dutch number formatting) are set
// aside whole.
void spacedText(const xmlNode* node, std::string& text, std::vector<std::string>& identifiers) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE && child->content != nullptr) {
      text += reinterpret_cast<const char*>(child->content);
    } else if (child->type == XML_ELEMENT_NODE) {
      if (xml::attribute(child, "translate") == "no") {
        identifiers.push_back("id:" + xml::textContent(child));
        text += ' ';
        continue;
      }
      text += ' ';
      spacedText(child, text, identifiers);
      text += ' ';
    }
  }
}

void describeStructure(const xmlNode* node, std::string& structure) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    const std::string name = reinterpret_cast<const char*>(child->name);
    if (kStructural.contains(name)) structure += name + "(";
    describeStructure(child, structure);
    if (kStructural.contains(name)) structure += ")";
  }
}

std::map<std::string, Segment> segmentsOf(const std::string& html) {
  xml::DocPtr document(htmlReadMemory(html.data(), static_cast<int>(html.size()), "output.html", "UTF-8",
                                      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
  std::map<std::string, Segment> segments;
  if (!document) return segments;
  static const xml::XPathExpression marked("//*[@data-segment]");
  for (xmlNode* node : marked.nodes(document.get(), nullptr, {})) {
    Segment segment;
    segment.element = reinterpret_cast<const char*>(node->name);
    describeStructure(node, segment.structure);
    spacedText(node, segment.text, segment.identifiers);
    segments.emplace(xml::attribute(node, "data-segment"), std::move(segment));
  }
  return segments;
}

}  // namespace

std::vector<ParityFinding> checkParity(const std::string& frenchHtml, const std::string& dutchHtml) {
  const auto french = segmentsOf(frenchHtml);
  const auto dutch = segmentsOf(dutchHtml);
  std::vector<ParityFinding> findings;
  if (french.empty()) findings.push_back({"", "the French version has no data-segment marks"});
  for (const auto& [id, segment] : french) {
    const auto other = dutch.find(id);
    if (other == dutch.end()) {
      findings.push_back({id, "missing in the Dutch version"});
      continue;
    }
    if (segment.element != other->second.element) {
      findings.push_back({id, "is a <" + segment.element + "> in French but a <" + other->second.element + "> in Dutch"});
    }
    if (segment.structure != other->second.structure) {
      findings.push_back({id, "has a different structure: " + segment.structure + " | " + other->second.structure});
    }
    auto frenchFacts = normalisedFacts(segment.text, true);
    auto dutchFacts = normalisedFacts(other->second.text, false);
    frenchFacts.insert(frenchFacts.end(), segment.identifiers.begin(), segment.identifiers.end());
    dutchFacts.insert(dutchFacts.end(), other->second.identifiers.begin(), other->second.identifiers.end());
    std::sort(frenchFacts.begin(), frenchFacts.end());
    std::sort(dutchFacts.begin(), dutchFacts.end());
    if (frenchFacts != dutchFacts) {
      std::string message = "carries different numbers, dates or references:";
      std::vector<std::string> onlyFrench;
      std::vector<std::string> onlyDutch;
      std::set_difference(frenchFacts.begin(), frenchFacts.end(), dutchFacts.begin(), dutchFacts.end(), std::back_inserter(onlyFrench));
      std::set_difference(dutchFacts.begin(), dutchFacts.end(), frenchFacts.begin(), frenchFacts.end(), std::back_inserter(onlyDutch));
      for (const auto& fact : onlyFrench) message += " FR " + fact + ";";
      for (const auto& fact : onlyDutch) message += " NL " + fact + ";";
      findings.push_back({id, message});
    }
  }
  for (const auto& [id, segment] : dutch) {
    if (!french.contains(id)) findings.push_back({id, "missing in the French version"});
  }
  return findings;
}

}  // namespace paraph::testing
