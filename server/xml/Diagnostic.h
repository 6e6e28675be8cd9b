#pragma once

#include <stdexcept>
#include <string>
#include <utility>
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
  // The message in the staff's languages: a key of catalog/l10n/messages.fr.xml and
  // messages.nl.xml, and the named arguments of its ICU pattern. `message` stays the
  // English fallback (API clients that ask for en, and a key without a translation).
  // Rendered by pipeline::localisedMessage.
  std::string key;
  std::vector<std::pair<std::string, std::string>> arguments;

  // "FILE:LINE:COL: message", the form editors and compilers use.
  std::string toLine() const;
  // Sets the catalog key and arguments; returns *this so a diagnostic reads in one expression.
  Diagnostic& localisedAs(std::string messageKey, std::vector<std::pair<std::string, std::string>> namedArguments = {});
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
