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

// Which facts normalisedFacts reads besides numbers, dates and references.
struct FactOptions {
  // Article references as one fact each: "article 109bis", "l'article 7", "articles 215quater",
  // "art. 14" (fr) and "artikel 7", "artikelen 215quater", "art. 14" (nl) all give
  // "article:109bis"… instead of a bare number. Off for the parity check of outputs (whose
  // behaviour predates it), on for the translation QA (paraph::review).
  bool articleReferences = false;
};

// The facts of one segment's text, normalised: "date:2026-03-01", "number:1234.56",
// "ref:RP/2026/00412", with options "article:109bis". Sorted. Shared by the parity check of
// outputs and the translation QA of input segments.
std::vector<std::string> normalisedFacts(const std::string& text, bool french, FactOptions options = {});

}  // namespace paraph::pipeline
