#include "http/Histogram.h"

#include <sstream>

namespace paraph::http {

void Histogram::observe(double seconds) {
  for (std::size_t index = 0; index < kBuckets.size(); ++index) {
    if (seconds <= kBuckets[index]) ++counts_[index];
  }
  ++count_;
  sum_ += seconds;
}

std::string Histogram::render(const std::string& name, const std::string& labels) const {
  std::ostringstream text;
  const std::string prefix = labels.empty() ? "" : labels + ",";
  for (std::size_t index = 0; index < kBuckets.size(); ++index) {
    text << name << "_bucket{" << prefix << "le=\"" << kBuckets[index] << "\"} " << counts_[index] << '\n';
  }
  text << name << "_bucket{" << prefix << "le=\"+Inf\"} " << count_ << '\n';
  text << name << "_sum{" << labels << "} " << sum_ << '\n';
  text << name << "_count{" << labels << "} " << count_ << '\n';
  return text.str();
}

}  // namespace paraph::http
