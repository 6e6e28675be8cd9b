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

}  // namespace paraph::pipeline
