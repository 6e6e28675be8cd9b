// How many pages a PDF has (a document's page limit, document.max_pages_per_edition).
#pragma once

#include <cstddef>
#include <string>

namespace paraph::print {

// Throws PrintError(Failed) when the bytes are not a PDF qpdf can read.
std::size_t pdfPageCount(const std::string& pdf);

}  // namespace paraph::print
