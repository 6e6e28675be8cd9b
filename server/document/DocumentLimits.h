// Limits on one document beyond its size (parse.*) and its print time (print.timeout_ms), so
// that a few heavy documents cannot hold the workers and the browser's tabs for minutes.
#pragma once

namespace paraph::document {

struct DocumentLimits {
  // document.max_segments: bilingual fields (segments) one input may have; checked when the
  // document is submitted, before anything is stored (400 naming the setting).
  unsigned maxSegments = 5000;
  // document.max_pages_per_edition: pages one printed edition may have; checked as soon as
  // the PDF is printed, before the archive step, and the job fails naming the setting.
  unsigned maxPagesPerEdition = 500;
};

}  // namespace paraph::document
