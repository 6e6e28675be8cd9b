// Realistic HTML for the print tests: what the pipeline hands the engines (inline CSS,
// system fonts, no scripts), plus hostile and endless documents.
#pragma once

#include <string>

#include "print/PrintEngine.h"

namespace paraph::print::testing {

// A three-page French decision: <html lang="fr-BE">, @page A4 with "N / M" page numbers in
// the bottom margin box except on the first page, h1/h2 headings, a table. Page 1 holds
// "Décision", page 2 "Montants remboursés", page 3 "Voies de recours".
std::string threePageFrenchDecision();
// Settings matching it.
PrintSettings frenchDecisionSettings();
// Tries every way out: file:// iframe, object, stylesheet and link, cloud metadata image,
// script fetch/XHR, images, frames and a meta refresh aimed at http://127.0.0.1:port/.
std::string hostileDocument(unsigned port);
// So many pages that no engine prints it within a few seconds.
std::string endlessDocument();

}  // namespace paraph::print::testing
