#include "xml/Diagnostic.h"

namespace paraph::xml {

std::string Diagnostic::toLine() const {
  std::string text = file.empty() ? std::string("<input>") : file;
  text += ':' + std::to_string(line) + ':' + std::to_string(column) + ": " + message;
  if (!path.empty()) text += " [" + path + "]";
  return text;
}

Diagnostic& Diagnostic::localisedAs(std::string messageKey,
                                    std::vector<std::pair<std::string, std::string>> namedArguments) {
  key = std::move(messageKey);
  arguments = std::move(namedArguments);
  return *this;
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
