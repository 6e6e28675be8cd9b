// Bilingual parity of two rendered outputs, for the tests: the French and Dutch versions of
// a document must have the same structure and carry the same numbers, amounts, dates and
// references. Both versions mark their aligned blocks with data-segment; for each segment this
// compares, after undoing each locale's formatting (pipeline::normalisedFacts):
//  - that it exists in both versions, with the same element and the same structural
//    elements inside (tables, rows, cells, lists, items, headings, paragraphs);
//  - the numbers, amounts, dates (written out in French or Dutch, or ISO) and references.
// It checks the stylesheets, which are the same for every document, so it runs over every
// fixture in the tests rather than on every job.
#pragma once

#include <string>
#include <vector>

namespace paraph::testing {

struct ParityFinding {
  std::string segment;
  std::string message;
};

std::vector<ParityFinding> checkParity(const std::string& frenchHtml, const std::string& dutchHtml);

}  // namespace paraph::testing
