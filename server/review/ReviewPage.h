#pragma once

#include <set>
#include <string>
#include <vector>

#include "l10n/Lang.h"
#include "pipeline/TextCatalog.h"
#include "review/Finding.h"
#include "review/Segment.h"
#include "xml/XmlPtr.h"

namespace paraph::review {

// A comment left by a reviewer or translator, on one segment or on the whole version.
struct ReviewComment {
  std::string segmentId;  // empty: on the version
  std::string author;
  std::string at;  // ISO 8601 UTC, the store's timestamps ("2026-03-04T10:15:30.123Z")
  std::string text;
};

// A QA finding as the review page shows it: with its stable id and its acknowledgement.
struct ReviewFinding {
  Finding finding;
  std::string findingId;  // stable: "<segmentId>:<check>[:N]"
  bool acknowledged = false;
  std::string acknowledgedBy;
};

// One change of a version's state, as recorded by the store.
struct ReviewTransition {
  std::string from, to, actor, at, comment;  // from empty: the version was created in `to`
};

// Everything the review page of one version shows. The HTTP layer fills it from the store
// and the request; the page decides nothing about permissions itself (the can* flags), it
// only refuses to offer an approval that the rules would refuse anyway.
struct ReviewPageModel {
  std::string documentId, documentType, documentLabel /* in the UI language */, reference;
  int version = 0;
  std::vector<int> versions;  // all version numbers, for a version picker (links ?version=N)
  std::string state;          // draft | in-review | approved | published | withdrawn
  l10n::Lang sourceLanguage = l10n::Lang::fr;
  const SegmentedDocument* segments = nullptr;    // this version's segments
  std::set<std::string> changedSinceLastVersion;  // segment ids
  std::vector<ReviewFinding> findings;
  std::vector<ReviewComment> comments;
  std::vector<ReviewTransition> history;  // oldest first
  std::string filter = "all";             // all | findings | changed (anything else: all)
  // The page of the rows the filter keeps (1-based) and how many rows a page has
  // (review.segments_per_page): a long document's page stays small and quick to render.
  // A page past the last shows no rows, only the link back.
  std::size_t page = 1, pageSize = 200;
  // canReview: approve, reject and acknowledge warnings (a reviewer, while in review).
  bool canReview = false, canComment = false;
  std::string formToken;  // echoed in a hidden field "form_token" of every form (anti-CSRF)
  std::string basePath;   // "/review/<url-encoded document id>"
  std::string userName;
};

// The paired review page (docs/translation.md, "Review page"): one row per segment, French
// and Dutch side by side, that segment's QA findings and comments beside them, and the
// forms that acknowledge warnings, comment, approve and reject. A complete HTML5 document
// that needs nothing from outside (styles inlined, no script, no image, no font).
//
// The model is written as an XML tree with every text from the model as a text node or an
// attribute value (so nothing a segment or a comment holds can become markup), then
// transformed by xslt/review/page.xsl; every word of the interface comes from
// catalog/l10n/review.{fr,nl}.xml.
//
// Built once from the catalog (it compiles the stylesheet: the resource catalog must be
// installed, as building a pipeline::Pipeline does); thread-safe afterwards.
class ReviewPage {
 public:
  explicit ReviewPage(const pipeline::TextCatalog& texts);

  // Throws xml::TransformError when the stylesheet fails (a catalog key missing).
  std::string render(const ReviewPageModel& model, l10n::Lang uiLanguage) const;

  // The model tree the stylesheet reads (for tests and for debugging the stylesheet).
  xml::DocPtr modelTree(const ReviewPageModel& model, l10n::Lang uiLanguage) const;

 private:
  const pipeline::TextCatalog& texts_;
  xml::StylesheetPtr stylesheet_;
};

}  // namespace paraph::review
