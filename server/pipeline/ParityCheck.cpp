#include "pipeline/ParityCheck.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include <libxml/HTMLparser.h>

#include "xml/XPath.h"
#include "xml/XmlPtr.h"

namespace paraph::pipeline {
namespace {

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

int monthNumber(const std::string& name, bool french) {
  static const std::vector<std::string> frenchMonths{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                                     "août", "septembre", "octobre", "novembre", "décembre"};
  static const std::vector<std::string> dutchMonths{"januari", "februari", "maart", "april", "mei", "juni", "juli",
                                                    "augustus", "september", "oktober", "november", "december"};
  const auto& months = french ? frenchMonths : dutchMonths;
  const auto found = std::find(months.begin(), months.end(), name);
  return found == months.end() ? 0 : static_cast<int>(found - months.begin()) + 1;
}

std::string twoDigits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

// "1 234,56" (fr) / "1.234,56" (nl) -> "1234.56"; leading zeros kept (file numbers).
std::string canonicalNumber(const std::string& written, bool french) {
  std::string digits;
  for (std::size_t index = 0; index < written.size(); ++index) {
    const char character = written[index];
    if (character >= '0' && character <= '9') digits += character;
    else if (character == ',') digits += '.';
    else if (!french && character == '.') continue;  // Dutch thousands separator
  }
  return digits;
}

}  // namespace

std::vector<std::string> normalisedFacts(const std::string& input, bool french, FactOptions options) {
  std::vector<std::string> facts;
  std::string text = input;
  // References first (RP/2026/00412, 2026/123): one fact, not three numbers.
  static const std::regex reference(R"([A-Za-z0-9]*[0-9][A-Za-z0-9]*(?:/[A-Za-z0-9]+)+)");
  std::string rest;
  auto consume = [&](const std::regex& pattern, auto toFact) {
    rest.clear();
    auto last = text.cbegin();
    for (std::sregex_iterator match(text.begin(), text.end(), pattern), end; match != end; ++match) {
      const std::string fact = toFact(*match);
      if (fact.empty()) continue;
      facts.push_back(fact);
      rest.append(last, (*match)[0].first);
      rest += ' ';
      last = (*match)[0].second;
    }
    rest.append(last, text.cend());
    text = rest;
  };
  consume(reference, [](const std::smatch& match) { return "ref:" + match[0].str(); });
  if (options.articleReferences) {
    // The number (with its Latin suffix) right after the word, across plain or no-break spaces.
    static const std::regex article(
        "\\b(?:[Aa]rticles?|[Aa]rtikel(?:en)?|[Aa]rt\\.)(?:\\s|\u00A0|\u202F)*"
        "([0-9]+(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)?)\\b");
    consume(article, [](const std::smatch& match) { return "article:" + match[1].str(); });
  }
  static const std::regex isoDate(R"(\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b)");
  consume(isoDate, [](const std::smatch& match) { return "date:" + match[0].str(); });
  static const std::regex writtenDate(R"(\b([0-9]{1,2})(?:er)? ([a-zéû]+) ([0-9]{4})\b)");
  consume(writtenDate, [&](const std::smatch& match) {
    const int month = monthNumber(match[2].str(), french);
    if (month == 0) return std::string();
    return "date:" + match[3].str() + "-" + twoDigits(month) + "-" + twoDigits(std::stoi(match[1].str()));
  });
  // Numbers: French groups with U+202F or U+00A0, Dutch with '.', both use ',' for decimals.
  // Staff type French amounts with plain spaces too ("5 150,00 €"); a plain space groups
  // digits only before a decimal comma or a euro sign, so phone numbers stay apart.
  static const std::regex frenchNumber(
      "[0-9]{1,3}(?:(?:\u202F|\u00A0)[0-9]{3})+(?:,[0-9]+)?"
      "|[0-9]{1,3}(?: [0-9]{3})+(?=,[0-9]| ?(?:\u00A0)?€| ?EUR)(?:,[0-9]+)?"
      "|[0-9]+(?:,[0-9]+)?");
  static const std::regex dutchNumber(R"([0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?)");
  consume(french ? frenchNumber : dutchNumber,
          [&](const std::smatch& match) { return "number:" + canonicalNumber(match[0].str(), french); });
  std::sort(facts.begin(), facts.end());
  return facts;
}

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

}  // namespace paraph::pipeline
