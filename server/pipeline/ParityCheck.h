#pragma once

#include <string>
#include <vector>

namespace paraph::pipeline {

// Which facts normalisedFacts reads besides numbers, dates and references.
struct FactOptions {
  // Article references as one fact each: "article 109bis", "l'article 7", "articles 215quater",
  // "art. 14" (fr) and "artikel 7", "artikelen 215quater", "art. 14" (nl) all give
  // "article:109bis"… instead of a bare number. Off for the parity check of outputs (whose
  // behaviour predates it), on for the translation QA (paraph::review).
  bool articleReferences = false;
};

// The facts of one segment's text, normalised: "date:2026-03-01", "number:1234.56",
// "ref:RP/2026/00412", with options "article:109bis". Sorted. Shared by the translation QA of
// input segments and the parity test of outputs (tests/pipeline/ParityCheck.h).
std::vector<std::string> normalisedFacts(const std::string& text, bool french, FactOptions options = {});

}  // namespace paraph::pipeline
