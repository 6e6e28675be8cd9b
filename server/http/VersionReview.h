#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "document/DocumentService.h"
#include "review/Finding.h"
#include "review/Segment.h"
#include "review/TranslationStatus.h"
#include "store/Store.h"

namespace paraph::http {

// One QA finding with its stable id, "<segment>:<check>" (":2", ":3"… for a further finding
// of the same check on the same segment), and its acknowledgement if any.
struct ReviewedFinding {
  review::Finding finding;
  std::string id;
  std::optional<store::AcknowledgementRecord> acknowledgement;
};

// The translation side of one stored version: its segments, how complete its translation
// is, what changed since the version before, and the QA findings. Recomputed from the
// stored inputs when asked (a few milliseconds), so the findings always follow the catalog
// the server runs with.
struct VersionReview {
  store::VersionRecord version;
  review::SegmentedDocument segments;
  review::TranslationStatus status;
  std::set<std::string> changedSinceLastVersion;
  std::vector<ReviewedFinding> findings;

  std::size_t errorCount() const;
  std::size_t unacknowledgedWarnings() const;
  // Approval needs no error and every warning acknowledged; otherwise why not, in words.
  std::optional<std::string> approvalBlocker() const;
};

// Loads a stored version (number 0: the latest) and reviews it; nullopt when there is none.
std::optional<VersionReview> loadVersionReview(store::Store& store, const document::DocumentService& service,
                                               const std::string& id, int number);

// Ids for findings in order ("seg:figures", "seg:figures:2").
std::vector<std::string> findingIds(const std::vector<review::Finding>& findings);

// A stored file of a version (input.xml, fr.html…); throws when the version lacks it.
std::string readVersionFile(store::Store& store, const store::VersionRecord& version, const std::string& name);

}  // namespace paraph::http
