#include "print/PdfInspector.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace paraph::print::testing {
namespace {

std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  ::pclose(pipe);
  return output;
}

}  // namespace

PdfInspector::PdfInspector(const std::string& pdfBytes) {
  std::string pattern = (std::filesystem::temp_directory_path() / "paraph-pdf-XXXXXX").string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  directory_ = buffer.data();
  path_ = directory_ + "/document.pdf";
  std::ofstream(path_, std::ios::binary) << pdfBytes;
}

PdfInspector::~PdfInspector() {
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

std::string PdfInspector::info() const { return run("pdfinfo '" + path_ + "' 2>&1"); }

std::string PdfInspector::infoField(const std::string& field) const {
  std::istringstream lines(info());
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(field + ":", 0) == 0) {
      const auto start = line.find_first_not_of(' ', field.size() + 1);
      return start == std::string::npos ? "" : line.substr(start);
    }
  }
  return "";
}

std::string PdfInspector::text(int page) const {
  const std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  return run("pdftotext -layout" + range + " '" + path_ + "' - 2>/dev/null");
}

std::string PdfInspector::fonts() const { return run("pdffonts '" + path_ + "' 2>&1"); }

bool PdfInspector::allFontsEmbedded() const {
  // pdffonts: two header lines, then one line per font whose "emb" column is yes or no.
  std::istringstream lines(fonts());
  std::string line;
  int fontLines = 0;
  int lineNumber = 0;
  while (std::getline(lines, line)) {
    if (++lineNumber <= 2 || line.empty()) continue;
    ++fontLines;
    // name and type may contain spaces; read from the right: emb sub uni object-number generation.
    std::istringstream columns(line);
    std::vector<std::string> words;
    for (std::string word; columns >> word;) words.push_back(word);
    if (words.size() < 5 || words[words.size() - 5] != "yes") return false;
  }
  return fontLines > 0;
}

}  // namespace paraph::print::testing
