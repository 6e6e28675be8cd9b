// The title and summary a feed entry shows, in the entry's language (selected from the
// document's input as catalog/doctypes.xml declares, see document::DocumentService::entryText).
#pragma once

#include <string>
#include <string_view>

namespace paraph::publication {

struct EntryText {
  std::string title, summary;
};

// The longest summary, in characters (code points), "…" included.
inline constexpr std::size_t kMaxSummaryCharacters = 300;

// Whitespace collapsed and trimmed; then, when longer than maxCharacters code points, cut
// after the last whole word that fits with "…" appended within the limit ("mots…", the
// ellipsis against the word in French and Dutch alike; a comma, semicolon or colon left
// before it is dropped; a single word longer than the limit is cut inside it). Exposed for
// the tests.
std::string collapsedWhitespace(std::string_view text);
std::string cutAtWord(const std::string& text, std::size_t maxCharacters);

}  // namespace paraph::publication
