#include "LoadResult.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace paraph::loadtest {
namespace {

double percentile(const std::vector<double>& sorted, double fraction) {
  if (sorted.empty()) return 0;
  const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
  return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

std::string fixed(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

}  // namespace

std::string LoadResult::report(double seconds) {
  std::lock_guard lock(mutex_);
  auto sorted = latenciesMs_;
  std::sort(sorted.begin(), sorted.end());
  std::ostringstream text;
  text << "accepted   " << accepted_ << " (" << fixed(static_cast<double>(accepted_) / seconds) << "/s)\n"
       << "completed  " << sorted.size() << " (" << fixed(static_cast<double>(sorted.size()) / seconds) << "/s)"
       << ", failed jobs " << failedJobs_ << "\n"
       << "submission→done ms  p50 " << fixed(percentile(sorted, 0.50)) << "  p95 " << fixed(percentile(sorted, 0.95))
       << "  p99 " << fixed(percentile(sorted, 0.99)) << "  max " << fixed(sorted.empty() ? 0 : sorted.back()) << "\n"
       << "POST responses:";
  for (const auto& [code, count] : statuses_) text << "  " << code << " ×" << count;
  text << "\nerrors:";
  if (errors_.empty()) text << " none";
  for (const auto& [kind, count] : errors_) text << "  " << kind << " ×" << count;
  text << '\n';
  return text.str();
}

}  // namespace paraph::loadtest
