#pragma once

#include <vector>

#include "review/Finding.h"
#include "review/Segment.h"
#include "review/TermMatcher.h"

namespace paraph::review::qa {

// The bilingual QA checks, one function each, over one segment pair (source and target
// language texts of one segment). Each returns its findings (none when the pair passes).
// Severities (docs/translation.md): errors are what makes the two versions say different
// things or leaves one unusable; warnings are what a reviewer may rightly accept.

// error: the target-language text is absent or empty.
std::vector<Finding> missingTarget(const Segment& segment);
// warning: the target is the source, unchanged (untranslated text, or a proper name).
std::vector<Finding> identicalTarget(const Segment& segment);
// error: a number, amount, date, article reference, file reference or inline reference
// (<ref>, <figure>) differs between the languages, after undoing each locale's formats.
std::vector<Finding> figures(const Segment& segment);
// warning: a catalog term used in the source whose official pair is missing in the target.
std::vector<Finding> terminology(const Segment& segment, const TermMatcher& terms);
// error: a bracket or quotation mark opened and not closed, or closed and not opened, in
// either language ("1)" and "a)" list markers are not brackets).
std::vector<Finding> unpairedBrackets(const Segment& segment);
// warning: a double space, or a leading or trailing space, in one language and not the other.
std::vector<Finding> spacing(const Segment& segment);
// warning: French text without a no-break space (U+00A0 or U+202F) before ; : ! ? or inside
// « ». Checked on the French text whichever language is the source: both are published.
std::vector<Finding> frenchTypography(const Segment& segment);

}  // namespace paraph::review::qa
