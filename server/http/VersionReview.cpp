#include "http/VersionReview.h"

#include <algorithm>
#include <map>
#include <stdexcept>


namespace paraph::http {

std::vector<std::string> findingIds(const std::vector<review::Finding>& findings) {
  std::map<std::string, int> seen;
  std::vector<std::string> ids;
  ids.reserve(findings.size());
  for (const auto& finding : findings) {
    const std::string base = finding.segmentId + ":" + finding.check;
    const int count = ++seen[base];
    ids.push_back(count == 1 ? base : base + ":" + std::to_string(count));
  }
  return ids;
}

std::string readVersionFile(store::Store& store, const store::VersionRecord& version, const std::string& name) {
  for (const auto& file : version.files) {
    if (file.name == name) return store.files().read(file.sha256);
  }
  throw std::runtime_error("version " + std::to_string(version.number) + " of '" + version.documentId + "' has no " +
                           name);
}

std::optional<VersionReview> loadVersionReview(store::Store& store, const document::DocumentService& service,
                                               const std::string& id, int number) {
  auto version = store.version(id, number);
  if (!version) return std::nullopt;
  std::string previousInput;
  if (version->number > 1) {
    if (const auto previous = store.version(id, version->number - 1)) {
      previousInput = readVersionFile(store, *previous, "input.xml");
    }
  }
  auto analysed = service.review(readVersionFile(store, *version, "input.xml"), previousInput);
  VersionReview review;
  review.segments = std::move(analysed.segments);
  review.status = std::move(analysed.status);
  review.changedSinceLastVersion.insert(review.status.changedSource.begin(), review.status.changedSource.end());
  const auto ids = findingIds(analysed.findings);
  std::map<std::string, store::AcknowledgementRecord> acknowledged;
  for (auto& acknowledgement : store.acknowledgements(id, version->number)) {
    acknowledged.emplace(acknowledgement.findingId, acknowledgement);
  }
  for (std::size_t index = 0; index < analysed.findings.size(); ++index) {
    ReviewedFinding reviewed{analysed.findings[index], ids[index], std::nullopt};
    if (const auto found = acknowledged.find(ids[index]); found != acknowledged.end()) {
      reviewed.acknowledgement = found->second;
    }
    review.findings.push_back(std::move(reviewed));
  }
  review.version = std::move(*version);
  return review;
}

std::size_t VersionReview::errorCount() const {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [](const ReviewedFinding& reviewed) {
    return reviewed.finding.severity == review::Severity::error;
  }));
}

std::size_t VersionReview::unacknowledgedWarnings() const {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [](const ReviewedFinding& reviewed) {
    return reviewed.finding.severity == review::Severity::warning && !reviewed.acknowledgement;
  }));
}

std::optional<std::string> VersionReview::approvalBlocker() const {
  const auto errors = errorCount();
  const auto warnings = unacknowledgedWarnings();
  if (errors == 0 && warnings == 0) return std::nullopt;
  std::string why;
  if (errors > 0) why = std::to_string(errors) + " QA error(s) must be fixed in a new version";
  if (warnings > 0) {
    why += (why.empty() ? "" : " and ") + std::to_string(warnings) + " QA warning(s) must be acknowledged";
  }
  return why + " before approval";
}

}  // namespace paraph::http
