#pragma once

#include <string>
#include <vector>

#include "review/Segment.h"

namespace paraph::review {

// Whether a version's translation is complete. The store turns this into the version's
// state: complete → in-review; otherwise draft (which renders with markers and can never
// be published).
struct TranslationStatus {
  std::vector<std::string> missingTarget;   // ids: target-language text absent or empty
  std::vector<std::string> outdatedTarget;  // ids: source changed since the previous version,
                                            // target carried over unchanged
  std::vector<std::string> changedSource;   // ids new in this version (new or changed source)

  bool complete() const { return missingTarget.empty() && outdatedTarget.empty(); }
  // What the translation service has to do: missing and outdated, in document order.
  std::vector<std::string> needingTranslation(const SegmentedDocument& document) const;
};

// The ids of `current` that `previous` does not have, or whose source text differs (for
// explicit permanent ids): the pieces whose source changed, in document order.
std::vector<std::string> changedSegments(const SegmentedDocument& previous, const SegmentedDocument& current);

// A version's status; `previous` is the version before it (nullptr for the first). A target
// is outdated when its segment's source changed but the target is, word for word, a target
// of the previous version that translated another source: staff edited one language only.
TranslationStatus translationStatusOf(const SegmentedDocument& current, const SegmentedDocument* previous = nullptr);

}  // namespace paraph::review
