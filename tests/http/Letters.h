// Fixture letters for the server tests, and the small rewrites the tests need.
#pragma once

#include <filesystem>
#include <regex>
#include <string>
#include <unistd.h>

#include "support/Fixtures.h"

namespace paraph::testing {

inline std::vector<std::filesystem::path> fixtureLetters() { return filesIn(kHome / "fixtures" / "letter", ".xml"); }

inline std::string firstLetter() { return readFile(fixtureLetters().at(0)); }

// The same letter as another document: the root element's id is the first id attribute.
inline std::string withDocumentId(const std::string& xml, const std::string& id) {
  return std::regex_replace(xml, std::regex(R"( id="[^"]*")"), " id=\"" + id + "\"",
                            std::regex_constants::format_first_only);
}

inline std::string documentIdOf(const std::string& xml) {
  std::smatch match;
  std::regex_search(xml, match, std::regex(R"re( id="([^"]*)")re"));
  return match[1];
}

// A fresh folder for one test's server (the test removes it when it is done).
inline std::filesystem::path testFolder(const std::string& name) {
  auto folder = std::filesystem::temp_directory_path() / ("paraph-http-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

}  // namespace paraph::testing
