#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/TextCatalog.h"
#include "xml/Diagnostic.h"

namespace paraph::pipeline {

// The language a diagnostic is told in. Staff read fr or nl (catalog/l10n/messages.fr.xml,
// messages.nl.xml); en is the English written in the rules and the code, kept as the
// fallback for clients that ask for it.
enum class MessageLanguage { en, fr, nl };

// "fr", "fr-BE", "fr_BE.UTF-8", "nl", "en-GB"… -> the language; nullopt for anything else.
std::optional<MessageLanguage> parseMessageLanguage(std::string_view text);
// The best of fr, nl and en in an Accept-Language header (by q, then order); `fallback`
// when the header is empty or names none of them.
MessageLanguage negotiateMessageLanguage(std::string_view acceptLanguage, MessageLanguage fallback);

// The diagnostic's message in `language`: its catalog pattern filled with its arguments, or
// its English message for en, for a diagnostic without a key, and for a key without a
// translation (so that a gap shows English rather than nothing; the tests forbid gaps).
std::string localisedMessage(const xml::Diagnostic& diagnostic, const TextCatalog& texts, MessageLanguage language);

// The same diagnostics with `message` in `language`, for the API and the CLI.
std::vector<xml::Diagnostic> localised(std::vector<xml::Diagnostic> diagnostics, const TextCatalog& texts,
                                       MessageLanguage language);

}  // namespace paraph::pipeline
