// A point in time by which an operation must be done. Every wait in the print engines takes
// one, so a document's whole path shares a single budget (print.timeout_ms).
#pragma once

#include <chrono>

namespace paraph::print {

using Clock = std::chrono::steady_clock;
using Deadline = Clock::time_point;

inline Deadline deadlineIn(std::chrono::milliseconds duration) { return Clock::now() + duration; }

inline std::chrono::milliseconds remainingUntil(Deadline deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() > 0 ? left : std::chrono::milliseconds{0};
}

}  // namespace paraph::print
