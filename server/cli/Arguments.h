// paraph::cli: the command line (validate, render, doctypes; serve comes with the server).
#pragma once

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace paraph::cli {

// A usage error: exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "--name value" and "--name=value" options, "--flag" switches, and positional arguments.
struct Arguments {
  std::map<std::string, std::string> options;
  std::set<std::string> switches;
  std::vector<std::string> positional;

  // Throws UsageError for an option not in `valued` or `flags`, or a missing value.
  static Arguments parse(const std::vector<std::string>& words, const std::set<std::string>& valued,
                         const std::set<std::string>& flags);
  std::string option(const std::string& name, const std::string& fallback = {}) const;
  bool has(const std::string& name) const { return switches.contains(name) || options.contains(name); }
};

}  // namespace paraph::cli
