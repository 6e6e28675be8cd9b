// paraph::publication owns what the institution's website pulls from paraph: the Atom feeds
// of published documents (one per language and one bilingual), the title and summary each
// entry shows, embargo times and conditional GET. It knows nothing of HTTP or the store:
// the handler queries the store, fills a FeedPage and serves renderAtom's bytes
// (docs/publication.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "l10n/Lang.h"

namespace paraph::publication {

// One published document in one language, at its latest published version.
struct FeedEntry {
  std::string documentId, documentType, typeLabel /* in the entry's language */;
  int version = 0;
  l10n::Lang lang = l10n::Lang::fr;
  std::string title, summary;          // in lang; an empty title falls back to the document id
  std::string published, updated;      // RFC 3339 (e.g. 2026-12-01T10:00:00Z or the store's
                                       // 2026-12-01T10:00:00.000Z): first publication of the
                                       // document, publication of this version
  std::string htmlPath, pdfPath;       // server-relative: /pub/{type}/{id}/{lang}.html, .pdf
                                       // (htmlPath required, pdfPath may be empty: no PDF link)
  std::string otherLanguageEntryPath;  // the other language's HTML (hreflang alternate), or empty
};

struct FeedPage {
  std::string feedPath;            // /feed/fr.atom, /feed/nl.atom or /feed.atom
  std::optional<l10n::Lang> lang;  // nullopt: the bilingual feed
  std::string baseUrl;             // scheme://host[:port] of the request, for absolute IRIs; no trailing slash
  std::vector<FeedEntry> entries;  // this page, newest updated first
  int page = 1;
  bool hasNext = false;
  std::string updated;  // the newest entry's updated; empty: the first entry's, or the epoch
  std::string hubPath;  // server-relative WebSub hub announced as rel="hub"; empty: none
};

// The page as an Atom feed document (RFC 4287, paged as RFC 5005 §3), UTF-8, built as a
// libxml2 tree so that every text and attribute is escaped by the serialiser. Characters
// XML 1.0 forbids (control characters, U+FFFE, U+FFFF) are dropped and malformed UTF-8
// becomes U+FFFD, so any title yields a well-formed feed. Dates are normalised to
// "YYYY-MM-DDTHH:MM:SSZ". Throws std::invalid_argument naming the field for a page that
// cannot make a valid feed: page < 1, a feed path or entry path not starting with '/', a
// base URL that is not http(s)://host, a missing htmlPath, a malformed date.
std::string renderAtom(const FeedPage& page);

// The feed's constant id, "tag:inami.fgov.be,2026:paraph/feed/fr" (…/nl, …/feed for the
// bilingual one): stable whatever host or page serves it.
std::string feedId(const std::optional<l10n::Lang>& lang);
// An entry's id, "tag:inami.fgov.be,2026:paraph/{type}/{id}/{lang}": the same for every
// version, so that readers update the entry instead of showing it twice, and the same in
// the language feed and the bilingual one.
std::string entryId(const std::string& documentType, const std::string& documentId, l10n::Lang lang);

}  // namespace paraph::publication
