// Looks at a PDF the way a reader would, with poppler's tools (pdfinfo, pdftotext, pdffonts).
#pragma once

#include <string>

namespace paraph::print::testing {

class PdfInspector {
 public:
  explicit PdfInspector(const std::string& pdfBytes);
  ~PdfInspector();
  PdfInspector(const PdfInspector&) = delete;
  PdfInspector& operator=(const PdfInspector&) = delete;

  // pdfinfo's output.
  std::string info() const;
  // The value of one pdfinfo field ("Title", "Pages", "Page size", "Tagged"), trimmed.
  std::string infoField(const std::string& field) const;
  // pdftotext -layout of one page (1-based) or of all pages (0).
  std::string text(int page = 0) const;
  // pdffonts's output.
  std::string fonts() const;
  // True when pdffonts lists at least one font and every one is embedded.
  bool allFontsEmbedded() const;

 private:
  std::string directory_;
  std::string path_;
};

}  // namespace paraph::print::testing
