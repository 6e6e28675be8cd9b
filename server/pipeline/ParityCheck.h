#pragma once

#include <string>
#include <vector>

namespace paraph::pipeline {

// Bilingual parity: the French and Dutch versions of a document must have the same
// structure and carry the same numbers, amounts, dates and references. Both versions mark
// their aligned blocks with data-segment; for each segment this compares, after undoing
// each locale's formatting:
//  - that it exists in both versions, with the same element and the same structural
//    elements inside (tables, rows, cells, lists, items, headings, paragraphs);
//  - the numbers, amounts, dates (written out in French or Dutch, or ISO) and references.
struct ParityFinding {
  std::string segment;
  std::string message;
};

std::vector<ParityFinding> checkParity(const std::string& frenchHtml, const std::string& dutchHtml);

// The facts of one segment's text, normalised: "date:2026-03-01", "number:1234.56",
// "ref:RP/2026/00412". Exposed for tests.
std::vector<std::string> normalisedFacts(const std::string& text, bool french);

}  // namespace paraph::pipeline
