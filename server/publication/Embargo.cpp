#include "publication/Embargo.h"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>

#include "publication/CivilTime.h"

namespace paraph::publication {
namespace {

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// A lenient Brussels calendar for this thread. Lenient because strict ICU refuses a time
// in the spring gap, which an embargo must still resolve (see Embargo.h); impossible
// fields never reach it (CivilTime checks them first). Skipped and repeated wall times
// both take the later reading. ICU calendars are not thread-safe and the zone data is
// costly to load, hence one per thread, built on first use.
icu::Calendar& brusselsCalendar() {
  thread_local std::unique_ptr<icu::Calendar> calendar = [] {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone("Europe/Brussels"));
    // ICU answers an unknown id with "Etc/Unknown" (behaving as GMT) instead of failing.
    if (!zone || *zone == icu::TimeZone::getUnknown()) {
      throw std::runtime_error("ICU has no time zone Europe/Brussels");
    }
    UErrorCode status = U_ZERO_ERROR;
    auto built = std::make_unique<icu::GregorianCalendar>(zone.release(), icu::Locale::getRoot(), status);
    // Proleptic Gregorian, like ISO 8601 dates (no switch to Julian before 1582).
    built->setGregorianChange(U_DATE_MIN, status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU could not build a Europe/Brussels calendar: ") + u_errorName(status));
    }
    built->setLenient(true);
    built->setSkippedWallTimeOption(UCAL_WALLTIME_LAST);
    built->setRepeatedWallTimeOption(UCAL_WALLTIME_LAST);
    return built;
  }();
  return *calendar;
}

}  // namespace

std::int64_t brusselsLocalToUtc(std::string_view localDateTime) {
  const auto fields = parseLocalDateTime(localDateTime);
  if (!fields) {
    throw std::invalid_argument("embargo " + quoted(localDateTime) +
                                " is not a Brussels local time YYYY-MM-DDTHH:MM[:SS] that exists (no offset, no Z)");
  }
  icu::Calendar& calendar = brusselsCalendar();
  calendar.clear();
  calendar.set(fields->year, fields->month - 1, fields->day, fields->hour, fields->minute, fields->second);
  UErrorCode status = U_ZERO_ERROR;
  const UDate milliseconds = calendar.getTime(status);
  if (U_FAILURE(status)) {
    throw std::invalid_argument("embargo " + quoted(localDateTime) + " cannot be placed in Europe/Brussels (" +
                                u_errorName(status) + ")");
  }
  // Whole seconds in, whole seconds out: the division is exact.
  return static_cast<std::int64_t>(milliseconds / 1000.0);
}

std::string brusselsWallClock(std::int64_t epochSeconds) {
  if (!civilFromEpochSeconds(epochSeconds)) {
    throw std::invalid_argument("instant " + std::to_string(epochSeconds) + " s since 1970 is outside years 0001-9999");
  }
  icu::Calendar& calendar = brusselsCalendar();
  UErrorCode status = U_ZERO_ERROR;
  calendar.setTime(static_cast<UDate>(epochSeconds) * 1000.0, status);
  const auto field = [&](UCalendarDateFields which) { return calendar.get(which, status); };
  const int year = field(UCAL_EXTENDED_YEAR), month = field(UCAL_MONTH) + 1, day = field(UCAL_DATE);
  const int hour = field(UCAL_HOUR_OF_DAY), minute = field(UCAL_MINUTE);
  if (U_FAILURE(status)) {
    throw std::invalid_argument("instant " + std::to_string(epochSeconds) + " has no Brussels time (" +
                                u_errorName(status) + ")");
  }
  char text[64];  // room for any int, so the compiler sees no truncation
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
  return text;
}

std::string toRfc3339Utc(std::int64_t epochSeconds) {
  const auto fields = civilFromEpochSeconds(epochSeconds);
  if (!fields) {
    throw std::invalid_argument("instant " + std::to_string(epochSeconds) + " s since 1970 is outside years 0001-9999");
  }
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", fields->year, fields->month, fields->day,
                fields->hour, fields->minute, fields->second);
  return text;
}

std::string toRfc3339UtcMilliseconds(std::int64_t epochSeconds) {
  std::string text = toRfc3339Utc(epochSeconds);
  text.insert(text.size() - 1, ".000");
  return text;
}

std::int64_t fromRfc3339Utc(std::string_view text) {
  const auto seconds = parseRfc3339(text);
  if (!seconds) {
    throw std::invalid_argument("date-time " + quoted(text) +
                                " is not RFC 3339 like 2026-12-01T10:00:00Z or 2026-12-01T10:00:00.123Z");
  }
  return *seconds;
}

}  // namespace paraph::publication
