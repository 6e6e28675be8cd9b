// Instants as Poco::DateTime in UTC, and Poco's date parser made strict, shared by Embargo
// and ConditionalGet. UTC has no daylight saving, so this needs no ICU; Brussels wall-clock
// times go through ICU (Embargo.cpp). Internal to paraph::publication.
#pragma once

#include <Poco/DateTime.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace paraph::publication {

// The UTC date and time of an instant given in seconds since 1970-01-01T00:00:00Z;
// nullopt outside years 0001-9999.
std::optional<Poco::DateTime> utcDateTimeOf(std::int64_t epochSeconds);

// Seconds since the epoch of a date and time read as UTC; its fraction of a second is
// dropped (truncated towards the past).
std::int64_t epochSecondsOf(const Poco::DateTime& utc);

// The date and time `text` spells in Poco's `format` (DateTimeFormatter's specifiers), but
// only when formatting it back gives exactly `text`: Poco's parser alone skips what it does
// not expect, takes one-digit days, any case in names and trailing junk, which the
// grammars of HTTP and RFC 3339 refuse. Years 0001-9999, no leap second; nullopt otherwise.
std::optional<Poco::DateTime> parseExactly(const std::string& format, std::string_view text);

}  // namespace paraph::publication
