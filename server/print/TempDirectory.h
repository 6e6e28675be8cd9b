// A private (0700) temporary directory removed with everything in it when the owner goes
// away: browser profiles and wkhtmltopdf's runtime folders never outlive their process.
#pragma once

#include <string>

namespace paraph::print {

class TempDirectory {
 public:
  // Creates $TMPDIR/<prefix>XXXXXX (or /tmp); throws std::system_error on failure.
  explicit TempDirectory(const std::string& prefix);
  // Creates parent/<prefix>XXXXXX.
  TempDirectory(const std::string& parent, const std::string& prefix);
  ~TempDirectory();
  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace paraph::print
