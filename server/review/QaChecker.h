#pragma once

#include <vector>

#include "pipeline/TextCatalog.h"
#include "review/Finding.h"
#include "review/Segment.h"
#include "review/TermMatcher.h"

namespace paraph::review {

// Runs every bilingual QA check (review/QaChecks.h) over the segments of a version. Built
// once from the catalog (it prepares the terminology), thread-safe afterwards.
class QaChecker {
 public:
  explicit QaChecker(const pipeline::TextCatalog& texts);

  // A segment whose target is missing gets that finding only: comparing with nothing is noise.
  std::vector<Finding> check(const Segment& segment) const;
  std::vector<Finding> check(const SegmentedDocument& document) const;

  // Approval needs no error, and every warning acknowledged (by the store, per finding).
  static bool hasErrors(const std::vector<Finding>& findings);

 private:
  TermMatcher terms_;
};

}  // namespace paraph::review
