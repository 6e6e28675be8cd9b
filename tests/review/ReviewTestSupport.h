// Helpers shared by the review tests: fixtures by name, their segments, and small edits of
// fixture text for the cases a fixture cannot show by itself.
#pragma once

#include <stdexcept>
#include <string>

#include "review/SegmentExtractor.h"
#include "support/Fixtures.h"
#include "support/SharedPipeline.h"

namespace paraph::testing {

inline std::string fixture(const std::string& relativePath) {
  const auto path = kHome / "fixtures" / relativePath;
  if (!std::filesystem::exists(path)) throw std::runtime_error("no fixture " + path.string());
  return readFile(path);
}

inline review::SegmentedDocument segmentsOf(const std::string& input, const std::string& name = "input.xml") {
  return review::SegmentExtractor::extract(xml::parseUntrusted(input, name, {}));
}

inline const review::Segment* segmentAt(const review::SegmentedDocument& document, const std::string& path) {
  for (const auto& segment : document.segments) {
    if (segment.path == path) return &segment;
  }
  return nullptr;
}

}  // namespace paraph::testing
