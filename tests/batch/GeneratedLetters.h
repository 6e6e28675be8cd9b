// Distinct, valid letters made from the fixture letters (names, streets, postal codes and so
// courts, amounts and outcomes vary), and the batches that carry them.
#pragma once

#include <Poco/Zip/Compress.h>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/Fixtures.h"

namespace paraph::testing {

struct GeneratedLetter {
  std::string id;
  std::string reference;
  std::string postalCode;
  std::string xml;  // a whole document, as sent alone (declaration included)
};

inline std::string replacedFirst(const std::string& text, const std::string& pattern, const std::string& with) {
  return std::regex_replace(text, std::regex(pattern), with, std::regex_constants::format_first_only);
}

// Adds `delta` euros to every amount of the letter ("4850.00" → "4867.00"), so that a
// granted letter's amount still equals the amount requested and a partial one stays below.
inline std::string shiftedAmounts(std::string xml, int delta) {
  static const std::regex amount("<(amount|amount-requested)>([0-9]+)\\.([0-9]{2})</");
  std::string result;
  auto begin = std::sregex_iterator(xml.begin(), xml.end(), amount);
  std::size_t last = 0;
  for (auto match = begin; match != std::sregex_iterator(); ++match) {
    result += xml.substr(last, static_cast<std::size_t>(match->position()) - last);
    result += "<" + (*match)[1].str() + ">" + std::to_string(std::stol((*match)[2]) + delta) + "." + (*match)[3].str() + "</";
    last = static_cast<std::size_t>(match->position() + match->length());
  }
  return result + xml.substr(last);
}

// `count` letters, ids prefix-00001…, their postal codes spread over 1000-9999 out of order.
inline std::vector<GeneratedLetter> generatedLetters(int count, const std::string& prefix) {
  static const char* kFamilies[] = {"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Dubois", "Lambert",
                                    "Dupont", "Martin", "Claes", "Goossens", "Wouters", "Simon", "Laurent", "Leclercq"};
  static const char* kGiven[] = {"Marie", "Luc", "Sofie", "Jean", "Els", "Pierre", "An", "Thomas", "Nathalie", "Koen"};
  const auto fixtures = filesIn(kHome / "fixtures" / "letter", ".xml");
  std::vector<GeneratedLetter> letters;
  for (int index = 0; index < count; ++index) {
    GeneratedLetter letter;
    char number[16];
    std::snprintf(number, sizeof number, "%05d", index + 1);
    letter.id = prefix + "-" + number;
    char reference[24];
    std::snprintf(reference, sizeof reference, "RP/2026/9%04d", index + 1);  // the schema's RP/YYYY/NNNNN
    letter.reference = reference;
    letter.postalCode = std::to_string(1000 + (index * 7919 + 4111) % 9000);
    std::string xml = readFile(fixtures[static_cast<std::size_t>(index) % fixtures.size()]);
    xml = replacedFirst(xml, R"( id="[^"]*")", " id=\"" + letter.id + "\"");
    xml = replacedFirst(xml, "<reference>[^<]*</reference>", "<reference>" + letter.reference + "</reference>");
    xml = replacedFirst(xml, "<postal-code>[^<]*</postal-code>", "<postal-code>" + letter.postalCode + "</postal-code>");
    xml = replacedFirst(xml, "<family>[^<]*</family>", std::string("<family>") + kFamilies[index % 16] + "</family>");
    xml = replacedFirst(xml, "<given>[^<]*</given>", std::string("<given>") + kGiven[(index / 3) % 10] + "</given>");
    // The street's house number: the fixture's street name, another number.
    if (const auto open = xml.find("<street>"), close = xml.find("</street>"); open != std::string::npos && close != std::string::npos) {
      std::string street = xml.substr(open + 8, close - open - 8);
      street = street.substr(0, street.find_last_not_of("0123456789 ") + 1);
      xml.replace(open + 8, close - open - 8, street + " " + std::to_string(1 + index % 180));
    }
    letter.xml = shiftedAmounts(xml, index % 97);
    letters.push_back(std::move(letter));
  }
  return letters;
}

// A ZIP batch of named entries, in the given order.
inline std::string zipOf(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, bytes] : entries) {
    std::istringstream in(bytes);
    zip.addFile(in, Poco::DateTime(2026, 3, 2), Poco::Path(name, Poco::Path::PATH_UNIX));
  }
  zip.close();
  return out.str();
}

inline std::string entryName(int position) {
  char name[16];
  std::snprintf(name, sizeof name, "%04d.xml", position);
  return name;
}

}  // namespace paraph::testing
