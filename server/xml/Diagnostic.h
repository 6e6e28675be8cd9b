#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace paraph::xml {

// One problem found in a submitted document, placed so that staff can find it:
// the file, the line and column, and the path to the field.
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string path;     // e.g. /letter/decision/amount
  std::string message;  // what is wrong and how to fix it, for a staff member
  std::string rule;     // the rule or check id that found it (empty for parse errors)

  // "FILE:LINE:COL: message", the form editors and compilers use.
  std::string toLine() const;
};

// Thrown when submitted input is refused; carries every problem found.
class InvalidInput : public std::runtime_error {
 public:
  explicit InvalidInput(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace paraph::xml
