// Document metadata for the PDFs both engines produce. Chromium writes only /Title (from
// <title>) and wkhtmltopdf not even that; screen readers, archives and search need the
// author, subject, keywords and the document language, so they are stamped afterwards with
// libqpdf. The rest of the file (structure tree, MarkInfo, outline, fonts) is left as it is.
#pragma once

#include <string>

#include "print/PrintEngine.h"

namespace paraph::print {

// Returns pdf with its Info dictionary (Title, Author, Subject, Keywords, Producer "paraph",
// Creator "paraph <version> (<engine>)") and the catalog's /Lang set from settings, and the
// viewer told to show the title rather than the file name (PDF/UA). Empty settings keep what
// the engine wrote. Throws PrintError(Failed) when the engine's output is not a readable PDF.
std::string applyPdfMetadata(const std::string& pdf, const PrintSettings& settings, const std::string& engineName);

}  // namespace paraph::print
