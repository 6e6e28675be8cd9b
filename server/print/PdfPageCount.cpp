#include "print/PdfPageCount.h"

#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4
#endif

#include <qpdf/QPDF.hh>

#include "print/PrintEngine.h"

namespace paraph::print {

std::size_t pdfPageCount(const std::string& pdf) {
  try {
    QPDF document;
    document.setSuppressWarnings(true);
    document.processMemoryFile("printed.pdf", pdf.data(), pdf.size());
    return document.getAllPages().size();
  } catch (const std::exception& error) {
    throw PrintError(PrintError::Kind::Failed, std::string("the printed PDF cannot be read: ") + error.what());
  }
}

}  // namespace paraph::print
