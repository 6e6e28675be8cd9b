// paraph::l10n owns everything language-specific: the two output languages, exact money,
// ICU formatting (dates, amounts, words, numbers, messages, collation) and the XSLT
// functions that expose it to stylesheets.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace paraph::l10n {

// The two official output languages. fr means fr_BE and nl means nl_BE everywhere.
enum class Lang { fr, nl };

inline constexpr std::array<Lang, 2> kAllLangs{Lang::fr, Lang::nl};

constexpr std::string_view code(Lang lang) { return lang == Lang::fr ? "fr" : "nl"; }
// BCP 47 tag for HTML lang attributes and PDF metadata.
constexpr std::string_view bcp47(Lang lang) { return lang == Lang::fr ? "fr-BE" : "nl-BE"; }
// ICU locale id.
constexpr const char* icuLocale(Lang lang) { return lang == Lang::fr ? "fr_BE" : "nl_BE"; }
constexpr Lang other(Lang lang) { return lang == Lang::fr ? Lang::nl : Lang::fr; }

inline std::optional<Lang> parseLang(std::string_view text) {
  if (text == "fr" || text == "fr-BE" || text == "fr_BE") return Lang::fr;
  if (text == "nl" || text == "nl-BE" || text == "nl_BE") return Lang::nl;
  return std::nullopt;
}

}  // namespace paraph::l10n
