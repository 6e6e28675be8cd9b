#include "review/TranslationStatus.h"

#include <algorithm>
#include <set>

namespace paraph::review {

std::vector<std::string> TranslationStatus::needingTranslation(const SegmentedDocument& document) const {
  std::vector<std::string> ids;
  for (const auto& segment : document.segments) {
    const auto listed = [&](const std::vector<std::string>& list) {
      return std::find(list.begin(), list.end(), segment.id) != list.end();
    };
    if (listed(missingTarget) || listed(outdatedTarget)) ids.push_back(segment.id);
  }
  return ids;
}

std::vector<std::string> changedSegments(const SegmentedDocument& previous, const SegmentedDocument& current) {
  std::vector<std::string> changed;
  for (const auto& segment : current.segments) {
    const Segment* before = previous.find(segment.id);
    if (before == nullptr || before->fingerprint != segment.fingerprint) changed.push_back(segment.id);
  }
  return changed;
}

TranslationStatus translationStatusOf(const SegmentedDocument& current, const SegmentedDocument* previous) {
  TranslationStatus status;
  if (previous != nullptr) status.changedSource = changedSegments(*previous, current);
  // Targets of the previous version, by their text, with the fingerprint of what they translated.
  std::multiset<std::pair<std::string, std::string>> previousTargets;
  if (previous != nullptr) {
    for (const auto& segment : previous->segments) {
      if (!segment.target().empty()) {
        previousTargets.emplace(collapseSpaces(segment.target().markedText()), segment.fingerprint);
      }
    }
  }
  for (const auto& segment : current.segments) {
    if (segment.target().empty()) {
      status.missingTarget.push_back(segment.id);
      continue;
    }
    const bool changed = std::find(status.changedSource.begin(), status.changedSource.end(), segment.id) !=
                         status.changedSource.end();
    if (!changed) continue;
    const std::string target = collapseSpaces(segment.target().markedText());
    const auto first = previousTargets.lower_bound({target, ""});
    for (auto it = first; it != previousTargets.end() && it->first == target; ++it) {
      if (it->second != segment.fingerprint) {
        status.outdatedTarget.push_back(segment.id);
        break;
      }
    }
  }
  return status;
}

}  // namespace paraph::review
