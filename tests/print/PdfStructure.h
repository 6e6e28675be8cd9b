// Reads what poppler's tools do not show: the catalog's /Lang, tagging and outline, with qpdf.
#pragma once

#include <string>

namespace paraph::print::testing {

struct PdfStructure {
  std::string language;         // catalog /Lang
  bool hasStructureTree = false;  // catalog /StructTreeRoot
  bool marked = false;            // catalog /MarkInfo /Marked true
  bool hasOutline = false;        // catalog /Outlines with a first item
  std::string infoAuthor;         // Info /Author, UTF-8
  std::string infoKeywords;
  std::string infoProducer;

  static PdfStructure of(const std::string& pdfBytes);
};

}  // namespace paraph::print::testing
