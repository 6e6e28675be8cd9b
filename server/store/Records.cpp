#include "store/Records.h"

namespace paraph::store {

std::string toString(JobState state) {
  switch (state) {
    case JobState::queued: return "queued";
    case JobState::running: return "running";
    case JobState::done: return "done";
    case JobState::failed: return "failed";
  }
  return "unknown";
}

std::optional<JobState> parseJobState(const std::string& text) {
  if (text == "queued") return JobState::queued;
  if (text == "running") return JobState::running;
  if (text == "done") return JobState::done;
  if (text == "failed") return JobState::failed;
  return std::nullopt;
}

}  // namespace paraph::store
