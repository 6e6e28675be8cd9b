// Helpers shared by the tests: the project's folders and its fixtures.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace paraph::testing {

inline const std::filesystem::path kHome = PARAPH_SOURCE_HOME;

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

inline std::vector<std::filesystem::path> filesIn(const std::filesystem::path& folder, const std::string& extension) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::exists(folder)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == extension) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// `text` with its one occurrence of `from` replaced; throws when `from` is not there once.
inline std::string replacedOnce(std::string text, const std::string& from, const std::string& to) {
  const auto position = text.find(from);
  if (position == std::string::npos || text.find(from, position + 1) != std::string::npos) {
    throw std::runtime_error("expected exactly one occurrence of: " + from);
  }
  return text.replace(position, from.size(), to);
}

inline std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  return text;
}

inline std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t found = 0;
  for (auto position = haystack.find(needle); position != std::string::npos; position = haystack.find(needle, position + 1)) {
    ++found;
  }
  return found;
}

}  // namespace paraph::testing
