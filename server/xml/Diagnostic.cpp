#include "xml/Diagnostic.h"

namespace paraph::xml {

std::string Diagnostic::toLine() const {
  std::string text = file.empty() ? std::string("<input>") : file;
  text += ':' + std::to_string(line) + ':' + std::to_string(column) + ": " + message;
  if (!path.empty()) text += " [" + path + "]";
  return text;
}

namespace {
std::string summarise(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return "invalid input";
  return diagnostics.front().toLine();
}
}  // namespace

InvalidInput::InvalidInput(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summarise(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace paraph::xml
