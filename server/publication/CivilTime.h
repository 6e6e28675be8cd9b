// Calendar arithmetic in UTC (proleptic Gregorian, years 0001-9999) and the fixed-width
// date syntaxes of publication, shared by Embargo and ConditionalGet. UTC has no daylight
// saving, so this needs no ICU; Brussels wall-clock times go through ICU (Embargo.cpp).
// Internal to paraph::publication.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace paraph::publication {

struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int weekday = 4;  // 0 = Sunday … 6 = Saturday (filled by civilFromEpochSeconds)
};

// True when the date exists (2026-02-29 does not) and the time is 00:00:00-23:59:59.
bool isRealCivilTime(const CivilTime& time);

// Seconds since 1970-01-01T00:00:00Z of a real civil time read as UTC.
std::int64_t epochSecondsOf(const CivilTime& time);
// The UTC civil time of an instant; nullopt outside years 0001-9999.
std::optional<CivilTime> civilFromEpochSeconds(std::int64_t epochSeconds);

// "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS", all digits fixed width; nullopt unless the
// syntax is right and the time real.
std::optional<CivilTime> parseLocalDateTime(std::string_view text);

// RFC 3339 date-time (see fromRfc3339Utc in Embargo.h) to seconds since the epoch.
std::optional<std::int64_t> parseRfc3339(std::string_view text);

// Reads `count` digits at `offset`; nullopt if the text is too short or one is not a digit.
std::optional<int> digitsAt(std::string_view text, std::size_t offset, std::size_t count);

}  // namespace paraph::publication
