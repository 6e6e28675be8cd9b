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

std::string toString(ReviewState state) {
  switch (state) {
    case ReviewState::draft: return "draft";
    case ReviewState::inReview: return "in-review";
    case ReviewState::approved: return "approved";
    case ReviewState::published: return "published";
    case ReviewState::withdrawn: return "withdrawn";
  }
  return "unknown";
}

std::optional<ReviewState> parseReviewState(const std::string& text) {
  if (text == "draft") return ReviewState::draft;
  if (text == "in-review") return ReviewState::inReview;
  if (text == "approved") return ReviewState::approved;
  if (text == "published") return ReviewState::published;
  if (text == "withdrawn") return ReviewState::withdrawn;
  return std::nullopt;
}

}  // namespace paraph::store

namespace paraph::store {

std::string toString(DeliveryState state) {
  switch (state) {
    case DeliveryState::pending: return "pending";
    case DeliveryState::delivered: return "delivered";
    case DeliveryState::failed: return "failed";
  }
  return "failed";
}

}  // namespace paraph::store
