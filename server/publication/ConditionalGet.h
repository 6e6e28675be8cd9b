// Conditional GET for the feeds (RFC 9110 §8.8 and §13): readers poll every few minutes,
// and a 304 Not Modified spares them and the server a feed they already have.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace paraph::publication {

// A strong entity tag for exactly these bytes: "\"" + 16 hex digits of the 64-bit FNV-1a
// hash of the body + "-" + the body's length in hex + "\"", e.g. "\"af63dc4c8601ec8c-1\"" for "a".
// FNV-1a is not cryptographic, and needs not be: the tag only tells a reader's copy from
// the current feed, nobody gains by forging one, and the length makes an accidental
// collision between two versions of a feed vanishingly unlikely. Deterministic across
// runs and nodes, so every node of a cluster answers the same tag for the same feed.
std::string strongEtag(std::string_view body);

// IMF-fixdate, RFC 9110 §5.6.7: "Sun, 06 Nov 1994 08:49:37 GMT". Throws
// std::invalid_argument outside years 0001-9999.
std::string httpDate(std::int64_t epochSeconds);

// Reads the three forms RFC 9110 §5.6.7 obliges a recipient to accept: IMF-fixdate,
// RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT"; a two-digit year more than 50 years ahead is
// in the previous century) and asctime ("Sun Nov  6 08:49:37 1994"). Names are matched
// case-sensitively as the grammar says; the weekday must be spelt right but is not checked
// against the date. nullopt for anything else.
std::optional<std::int64_t> parseHttpDate(std::string_view text);

// Whether a GET or HEAD may be answered 304 Not Modified, by RFC 9110 §13.2.2's order:
//  - If-None-Match, when present (non-blank), decides alone: "*" matches any current
//    representation; otherwise a comma-separated list of entity tags, compared weakly
//    (W/"x" matches "x"). A malformed list matches nothing (the reader gets the full feed).
//  - Only without it, If-Modified-Since: not modified when lastModified (seconds) is at or
//    before the date given; ignored when it is not a valid HTTP-date.
// Empty strings stand for absent header fields. The handler answers 304 with the same
// ETag and Last-Modified it would have sent with a 200.
bool notModified(const std::string& ifNoneMatch, const std::string& ifModifiedSince, const std::string& etag,
                 std::int64_t lastModified);

}  // namespace paraph::publication
