// Time for publication: an embargo is written in the document as a wall-clock time in
// Europe/Brussels ("2026-12-03T10:00"); the feed, the store and HTTP speak UTC. These
// conversions are the only place where the two meet.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace paraph::publication {

// The instant, in seconds since 1970-01-01T00:00:00Z, of a Brussels wall-clock time
// "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" (no offset, no 'Z'; years 0001-9999).
// Daylight saving changes resolve to the LATER instant, so that an embargo is never lifted
// before any time its author could have meant:
//  - a time skipped in spring (2026-03-29T02:30 does not exist: clocks go from 02:00 to
//    03:00) is read with the offset in force before the change (UTC+1), i.e. 01:30Z, which
//    the clocks show as 03:30;
//  - a time repeated in autumn (2026-10-25T02:30 happens twice) is the second occurrence,
//    in winter time (UTC+1), i.e. 01:30Z, not 00:30Z.
// Throws std::invalid_argument naming the text when it is malformed or the date does not
// exist (2026-02-30, 24:00).
std::int64_t brusselsLocalToUtc(std::string_view localDateTime);

// The Brussels wall-clock time of an instant, to the minute: "2026-03-04T11:15" (what
// people read on the review page). Throws std::invalid_argument outside years 0001-9999.
std::string brusselsWallClock(std::int64_t epochSeconds);

// "2026-12-01T10:00:00Z": RFC 3339, UTC, whole seconds (the form Atom dates take here).
// Throws std::invalid_argument outside years 0001-9999.
std::string toRfc3339Utc(std::int64_t epochSeconds);
// The same with milliseconds, "2026-12-01T10:00:00.000Z": the form the store writes and
// compares as text (an embargo kept for a query against the store's clock must have it,
// or "…00Z" would sort after "…00.000Z").
std::string toRfc3339UtcMilliseconds(std::int64_t epochSeconds);

// Reads an RFC 3339 date-time: "YYYY-MM-DDTHH:MM:SS", optional fraction (truncated to the
// second: the store writes milliseconds, "2026-12-01T10:00:00.123Z"), then 'Z' or an
// offset "+HH:MM" / "-HH:MM". 't', 'z' and a space for 'T' are accepted as RFC 3339 allows.
// Throws std::invalid_argument naming the text otherwise (leap second 60 included).
std::int64_t fromRfc3339Utc(std::string_view text);

}  // namespace paraph::publication
