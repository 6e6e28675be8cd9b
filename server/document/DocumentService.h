// paraph::document owns the whole path of one submission, shared by the command line, the
// server's workers and (later) batches and every node: accept (parse once, validate, mark a
// draft's missing translations, hash the canonical input), plan an amendment's
// consolidation, render every edition the document type declares (each language transformed
// once, the side-by-side edition built from those two results), print them, and hand the
// set of files to whoever stores or writes them. It reads no database and no request: what
// it needs from the store (the previous version's input, the convention an amendment
// applies to) is given to it.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/DocumentLimits.h"
#include "pipeline/Pipeline.h"
#include "print/ArchiveStep.h"
#include "print/PrintEngine.h"
#include "publication/EntryText.h"
#include "review/Finding.h"
#include "review/QaChecker.h"
#include "review/Segment.h"
#include "review/TranslationStatus.h"

namespace paraph::document {

// An input paraph accepts: valid as it is (complete), or a draft, valid once every missing
// translation is filled with its marker (docs/translation.md, "Drafts").
struct AcceptedInput {
  pipeline::ValidatedDocument document;  // of the marked input when a draft
  std::vector<std::string> markedSegments;
  std::string canonicalSha256;  // of the input as given: what decides whether it is a new version
  std::string input;            // the bytes as given: what a version stores and its PDFs attach
  bool draft() const { return !markedSegments.empty(); }
};

// The translation side of an input, against the input of the version before it (none for
// a first version): its segments, how complete the translation is, and the QA findings.
struct InputReview {
  review::SegmentedDocument segments;
  review::TranslationStatus status;
  std::vector<review::Finding> findings;
};

// What submitting an amendment (avenant) also makes: the next version of the convention it
// amends, consolidated from the convention's version `fromVersion` (docs/amendment.md).
struct ConsolidationPlan {
  std::string conventionId;
  int fromVersion = 0;
  std::string input;  // the consolidated convention input
  std::string canonicalSha256;
  std::vector<std::string> changedArticles;
};

// Why an amendment cannot be consolidated now; nothing is stored. `conflict` means the
// convention is not there (409), otherwise the amendment does not fit it or the result
// would be invalid (400, with the diagnostics).
struct ConsolidationRefused : std::runtime_error {
  ConsolidationRefused(bool isConflict, const std::string& message, std::vector<xml::Diagnostic> found = {})
      : std::runtime_error(message), conflict(isConflict), diagnostics(std::move(found)) {}
  bool conflict;
  std::vector<xml::Diagnostic> diagnostics;
};

// One file of a rendered set, named as the type's outputs declare it (fr.html, fr-nl.pdf…).
struct OutputFile {
  std::string name;
  std::string mediaType;
  std::string bytes;
};

// Which of the type's editions and formats to make (the server makes all of them; the
// command line what it is asked for).
struct RenderRequest {
  std::vector<std::string> editions;  // empty: every edition the type declares
  std::vector<std::string> formats;   // empty: every format the type declares
};

// Told the time of each stage (validate, review, render_fr, print_fr…), for a job's
// timings and the metrics; `stage` groups the keys (render, print).
using StageObserver = std::function<void(const std::string& stage, const std::string& key, std::chrono::nanoseconds)>;

// Called between stages with the next stage's name; may throw to stop the work (a job's
// timeout, a shutdown).
using StageGate = std::function<void(const std::string& nextStage)>;

struct RenderedSet {
  std::vector<OutputFile> files;  // in the type's order of editions, then formats
};

class DocumentService {
 public:
  // engine may be null: only HTML can then be rendered. archive, when given, makes every
  // PDF archive-grade (PDF/A-3u, PDF/UA, the source attached, signed for the types that
  // declare <sign/>: print::ArchiveStep). documentLimits: segments and pages (document.*).
  DocumentService(const pipeline::Pipeline& pipeline, const review::QaChecker& qa, print::PrintEngine* engine,
                  xml::ParseLimits limits, const print::ArchiveStep* archive = nullptr,
                  DocumentLimits documentLimits = {});

  const pipeline::Pipeline& pipeline() const { return pipeline_; }
  print::PrintEngine* engine() const { return engine_; }

  // Parses once, validates (a draft is accepted, its missing translations marked) and hashes
  // the canonical input. Throws xml::InvalidInput with the diagnostics of the input as
  // given (a problem other than a missing translation), or one diagnostic naming
  // document.max_segments when the input has more segments than that.
  AcceptedInput accept(std::string_view bytes, const std::string& sourceName) const;

  // The translation status and QA findings of an input against the previous version's.
  InputReview review(std::string_view input, std::string_view previousInput) const;

  // The convention an accepted amendment must be consolidated into; nullopt when there is
  // nothing to consolidate (not an amendment, or a draft: consolidated once complete).
  std::optional<std::string> consolidationTarget(const AcceptedInput& accepted) const;

  // The consolidated next version of the convention `amendment` amends, from that
  // convention's stored input (its version `conventionVersion`); nullopt when there is
  // nothing to consolidate (not an amendment, or a draft: consolidated once its translation
  // is complete). Throws ConsolidationRefused.
  std::optional<ConsolidationPlan> planConsolidation(const AcceptedInput& amendment, std::string_view amendmentInput,
                                                     const std::optional<std::string>& conventionInput,
                                                     int conventionVersion) const;

  // What the feed entry of the published document says in `lang`: the type's
  // <feed-title>/<feed-summary> selections from the input (whitespace collapsed, the summary
  // cut at a word to publication::kMaxSummaryCharacters); without a title, the type's label
  // and the reference.
  publication::EntryText entryText(const AcceptedInput& accepted, l10n::Lang lang) const;

  // Renders and prints the editions asked for. Throws xml::TransformError,
  // pipeline::OutputCheckError, print::PrintError (also when a printed edition has more pages
  // than document.max_pages_per_edition: its message names the edition and the setting).
  RenderedSet render(const AcceptedInput& accepted, const RenderRequest& request = {},
                     const StageObserver& observe = {}, const StageGate& gate = {}) const;

 private:
  const pipeline::Pipeline& pipeline_;
  const review::QaChecker& qa_;
  print::PrintEngine* engine_;
  xml::ParseLimits limits_;
  const print::ArchiveStep* archive_;
  DocumentLimits documentLimits_;
};

}  // namespace paraph::document
