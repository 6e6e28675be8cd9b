#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/Pipeline.h"
#include "review/Finding.h"
#include "review/QaChecker.h"
#include "review/Segment.h"
#include "review/TranslationStatus.h"
#include "store/Store.h"

namespace paraph::http {

// An input the server accepts: valid as it is (complete), or a draft, valid once every
// missing translation is filled with its marker (docs/translation.md, "Drafts").
struct AcceptedInput {
  pipeline::ValidatedDocument document;  // of the marked input when a draft
  std::vector<std::string> markedSegments;
  bool draft() const { return !markedSegments.empty(); }
};

// Validates a submission the way the server stores it. Throws xml::InvalidInput with the
// diagnostics of the input as given (a problem other than a missing translation), or of the
// marked draft.
AcceptedInput acceptInput(const pipeline::Pipeline& pipeline, std::string_view bytes, const std::string& sourceName,
                          const xml::ParseLimits& limits);

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

// The analysis of an input against the input of the version before it (empty for a first
// version): what the job runner records as the new version's initial state.
struct InputReview {
  review::SegmentedDocument segments;
  review::TranslationStatus status;
  std::vector<review::Finding> findings;
};
InputReview reviewInput(std::string_view input, std::string_view previousInput, const review::QaChecker& qa,
                        const xml::ParseLimits& limits);

// Loads a stored version (number 0: the latest) and reviews it; nullopt when there is none.
std::optional<VersionReview> loadVersionReview(store::Store& store, const review::QaChecker& qa, const std::string& id,
                                               int number, const xml::ParseLimits& limits);

// Ids for findings in order ("seg:figures", "seg:figures:2").
std::vector<std::string> findingIds(const std::vector<review::Finding>& findings);

// A stored file of a version (input.xml, fr.html…); throws when the version lacks it.
std::string readVersionFile(store::Store& store, const store::VersionRecord& version, const std::string& name);

}  // namespace paraph::http
