// The title and summary a feed entry shows, read from the document's own rendered HTML so
// that the feed says exactly what the page says, in the page's language.
#pragma once

#include <string>
#include <string_view>

namespace paraph::publication {

struct EntryText {
  std::string title, summary;
};

// The longest summary, in characters (code points), "…" included.
inline constexpr std::size_t kMaxSummaryCharacters = 300;

// From one HTML output of xslt/*/html.xsl (HTML5, UTF-8), parsed with libxml2's HTML parser
// without network access and without error output (the outputs are valid HTML5, which the
// HTML 4 parser does not all know; it recovers):
//  - title: the text of <title>, whitespace collapsed;
//  - summary: <meta name="description" content="…"> when present and not blank (no
//    stylesheet writes one yet); else the text of the first <p class="lead"> inside <main>
//    (the press release's opening paragraph, written to sum it up); else the text of the
//    first <p> inside <main> (or, without <main>, inside <body>) that has any, skipping
//    p.doc-kind and p.dateline, which open several types ("Communiqué de presse", "Bruxelles,
//    le 2 mars 2026") and repeat the entry's category and dates, and paragraphs ending with
//    ':' or ',' (a circular's "Aux organismes assureurs :", a letter's "Madame, Monsieur,");
//    whitespace collapsed, cut at a word boundary to at most kMaxSummaryCharacters, "…"
//    marking the cut.
// Whitespace means the ASCII white space of HTML (space, tab, line feed, form feed, carriage
// return); no-break spaces are kept, French typography needs them. Never throws for odd
// HTML: what is missing is returned empty (std::bad_alloc aside).
EntryText entryTextFromHtml(std::string_view html);

// Whitespace collapsed and trimmed; then, when longer than maxCharacters code points, cut
// after the last whole word that fits with "…" appended within the limit ("mots…", the
// ellipsis against the word in French and Dutch alike; a comma, semicolon or colon left
// before it is dropped; a single word longer than the limit is cut inside it). Exposed for
// the tests.
std::string collapsedWhitespace(std::string_view text);
std::string cutAtWord(const std::string& text, std::size_t maxCharacters);

}  // namespace paraph::publication
