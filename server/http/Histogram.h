#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace paraph::http {

// A Prometheus histogram with fixed buckets in seconds, from 5 ms (an HTML render) to 60 s
// (a print at its timeout). Not thread-safe by itself: Metrics holds the lock.
class Histogram {
 public:
  static constexpr std::array<double, 13> kBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                                   1.0,   2.5,  5.0,   10.0, 30.0, 60.0};

  void observe(double seconds);
  // The _bucket, _sum and _count lines for one label set, e.g. labels = stage="print",type="letter".
  std::string render(const std::string& name, const std::string& labels) const;

 private:
  std::array<std::uint64_t, kBuckets.size()> counts_{};
  std::uint64_t count_ = 0;
  double sum_ = 0;
};

}  // namespace paraph::http
