#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <vector>
#include <unistd.h>

#include "support/Command.h"
#include "support/Fixtures.h"

using paraph::testing::filesIn;
using paraph::testing::kHome;
using paraph::testing::runParaph;

namespace {

std::string shell(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  while (std::size_t read = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, read);
  pclose(pipe);
  return output;
}

std::string field(const std::string& pdfinfo, const std::string& name) {
  const std::regex line("(^|\n)" + name + ":\\s*([^\n]*)");
  std::smatch match;
  return std::regex_search(pdfinfo, match, line) ? match[2].str() : std::string();
}

class PdfRender : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    out_ = std::filesystem::temp_directory_path() / ("paraph-pdf-" + GetParam() + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(out_);
  }
  void TearDown() override { std::filesystem::remove_all(out_); }
  std::filesystem::path out_;
};

}  // namespace

// A fixture letter printed in both languages: A4, the right language in text and
// metadata, page numbers from the second page on, every font embedded.
TEST_P(PdfRender, ALetterPrintsInBothLanguages) {
  const std::string engine = GetParam();
  const auto letter = kHome / "fixtures" / "letter" / "refused-charleroi-fr.xml";
  const auto result = runParaph("render " + letter.string() + " --lang both --format pdf --engine " + engine +
                                " --out " + out_.string());
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const auto pdfs = filesIn(out_, ".pdf");
  ASSERT_EQ(pdfs.size(), 2u) << result.output;
  for (const auto& pdf : pdfs) {
    const bool french = pdf.string().ends_with(".fr.pdf");
    SCOPED_TRACE(pdf.string());
    const std::string info = shell("pdfinfo " + pdf.string());
    EXPECT_NE(field(info, "Page size").find("(A4)"), std::string::npos) << info;
    EXPECT_NE(field(info, "Title").find("RP/2026/00298"), std::string::npos) << info;
    EXPECT_EQ(field(info, "Author"), french ? "INAMI – RIZIV" : "RIZIV – INAMI") << info;
    EXPECT_EQ(field(info, "Subject"), french ? "Lettre de notification" : "Kennisgevingsbrief") << info;
    const int pages = std::stoi(field(info, "Pages"));
    EXPECT_GE(pages, 2);

    const std::string text = shell("pdftotext -layout " + pdf.string() + " -");
    EXPECT_NE(text.find(french ? "tribunal du travail" : "arbeidsrechtbank"), std::string::npos);
    EXPECT_EQ(text.find(french ? "arbeidsrechtbank" : "tribunal du travail"), std::string::npos);

    // The document language is set in the catalog (/Lang), which screen readers use.
    const std::string expanded = shell("qpdf --qdf --object-streams=disable " + pdf.string() + " - | grep -a '/Lang'");
    EXPECT_NE(expanded.find(french ? "/Lang (fr-BE)" : "/Lang (nl-BE)"), std::string::npos) << expanded;

    // pdffonts columns end with: emb sub uni object-number generation.
    const std::string fonts = shell("pdffonts " + pdf.string());
    std::istringstream lines(fonts);
    int fontCount = 0;
    for (std::string line; std::getline(lines, line);) {
      if (line.starts_with("name") || line.starts_with("----") || line.empty()) continue;
      std::vector<std::string> words;
      std::istringstream split(line);
      for (std::string word; split >> word;) words.push_back(word);
      ASSERT_GE(words.size(), 5u) << line;
      EXPECT_EQ(words[words.size() - 5], "yes") << "not embedded: " << line;
      ++fontCount;
    }
    EXPECT_GT(fontCount, 0) << fonts;

    if (engine == "chromium") {
      EXPECT_EQ(field(info, "Tagged"), "yes") << info;
      const std::string firstPage = shell("pdftotext -layout -f 1 -l 1 " + pdf.string() + " -");
      // pdftotext drops the thin spaces around the slash: "2/3".
      const std::regex anyPageNumber("[0-9]+ ?/ ?" + std::to_string(pages) + "\\s*$");
      EXPECT_FALSE(std::regex_search(firstPage, anyPageNumber)) << "page number on the first page:\n" << firstPage;
      for (int page = 2; page <= pages; ++page) {
        const std::string pageText =
            shell("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + pdf.string() + " -");
        const std::regex pageNumber("\\b" + std::to_string(page) + " ?/ ?" + std::to_string(pages) + "\\b");
        EXPECT_TRUE(std::regex_search(pageText, pageNumber)) << "page " << page << ":\n" << pageText;
        EXPECT_NE(pageText.find("RP/2026/00298"), std::string::npos) << "running reference on page " << page;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, PdfRender, ::testing::Values("chromium", "wkhtmltopdf"));
