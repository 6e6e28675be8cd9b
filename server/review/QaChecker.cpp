#include "review/QaChecker.h"

#include <algorithm>

#include "review/QaChecks.h"

namespace paraph::review {

QaChecker::QaChecker(const pipeline::TextCatalog& texts) : terms_(texts) {}

std::vector<Finding> QaChecker::check(const Segment& segment) const {
  auto findings = qa::missingTarget(segment);
  if (!findings.empty()) {
    auto sourceOnly = qa::unpairedBrackets(segment);
    findings.insert(findings.end(), sourceOnly.begin(), sourceOnly.end());
    return findings;
  }
  for (auto&& more : {qa::identicalTarget(segment), qa::figures(segment), qa::terminology(segment, terms_),
                      qa::unpairedBrackets(segment), qa::spacing(segment), qa::frenchTypography(segment)}) {
    findings.insert(findings.end(), more.begin(), more.end());
  }
  return findings;
}

std::vector<Finding> QaChecker::check(const SegmentedDocument& document) const {
  std::vector<Finding> findings;
  for (const auto& segment : document.segments) {
    auto more = check(segment);
    findings.insert(findings.end(), more.begin(), more.end());
  }
  return findings;
}

bool QaChecker::hasErrors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& finding) { return finding.severity == Severity::error; });
}

}  // namespace paraph::review
