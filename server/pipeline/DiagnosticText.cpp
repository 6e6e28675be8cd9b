#include "pipeline/DiagnosticText.h"

#include <cctype>
#include <cstdlib>

#include "l10n/FormatError.h"
#include "l10n/Formatter.h"

namespace paraph::pipeline {
namespace {

std::string lowered(std::string_view text) {
  std::string result(text);
  for (char& character : result) character = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
  return result;
}

std::string_view trimmedView(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<MessageLanguage> parseMessageLanguage(std::string_view text) {
  const std::string tag = lowered(trimmedView(text));
  const auto primary = tag.substr(0, tag.find_first_of("-_.@"));
  if (primary == "fr") return MessageLanguage::fr;
  if (primary == "nl") return MessageLanguage::nl;
  if (primary == "en") return MessageLanguage::en;
  return std::nullopt;
}

MessageLanguage negotiateMessageLanguage(std::string_view acceptLanguage, MessageLanguage fallback) {
  std::optional<MessageLanguage> best;
  double bestQuality = 0.0;
  while (!acceptLanguage.empty()) {
    const auto comma = acceptLanguage.find(',');
    std::string_view item = acceptLanguage.substr(0, comma);
    acceptLanguage = comma == std::string_view::npos ? std::string_view() : acceptLanguage.substr(comma + 1);
    double quality = 1.0;
    if (const auto semicolon = item.find(';'); semicolon != std::string_view::npos) {
      const std::string parameter = lowered(trimmedView(item.substr(semicolon + 1)));
      if (parameter.starts_with("q=")) quality = std::strtod(parameter.c_str() + 2, nullptr);
      item = item.substr(0, semicolon);
    }
    const auto language = parseMessageLanguage(item);
    // Strictly greater: among equal weights the first listed wins.
    if (language && quality > bestQuality) {
      best = language;
      bestQuality = quality;
    }
  }
  return best.value_or(fallback);
}

std::string localisedMessage(const xml::Diagnostic& diagnostic, const TextCatalog& texts, MessageLanguage language) {
  if (language == MessageLanguage::en || diagnostic.key.empty()) return diagnostic.message;
  const l10n::Lang lang = language == MessageLanguage::fr ? l10n::Lang::fr : l10n::Lang::nl;
  const std::string* pattern = texts.text(diagnostic.key, lang);
  if (pattern == nullptr) return diagnostic.message;
  try {
    return l10n::formatMessage(lang, *pattern, diagnostic.arguments, true);
  } catch (const l10n::FormatError&) {
    // A broken pattern is a catalog bug the tests catch; staff still get the English.
    return diagnostic.message;
  }
}

std::vector<xml::Diagnostic> localised(std::vector<xml::Diagnostic> diagnostics, const TextCatalog& texts,
                                       MessageLanguage language) {
  for (auto& diagnostic : diagnostics) diagnostic.message = localisedMessage(diagnostic, texts, language);
  return diagnostics;
}

}  // namespace paraph::pipeline
