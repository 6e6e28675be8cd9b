#pragma once

#include <string>
#include <string_view>

namespace paraph::review {

// How a QA finding weighs on the version's state, as a translation manager sets it:
// an error blocks approval until the text is fixed; a warning blocks it until a reviewer
// acknowledges it (it may be right: a proper name is the same in both languages).
enum class Severity { warning, error };

constexpr std::string_view nameOf(Severity severity) { return severity == Severity::error ? "error" : "warning"; }

// One QA finding on one segment pair.
struct Finding {
  std::string segmentId;
  std::string check;  // the check's id: "missing-target", "figures", …
  Severity severity = Severity::warning;
  std::string message;  // for a translator: what differs, quoting it
};

}  // namespace paraph::review
