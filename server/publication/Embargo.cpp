#include "publication/Embargo.h"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>

#include <memory>
#include <optional>
#include <regex>
#include <stdexcept>

#include "publication/CivilTime.h"

namespace paraph::publication {
namespace {

// An embargo as the document writes it, to the minute or to the second.
const std::string kLocalToTheMinute = "%Y-%m-%dT%H:%M";
const std::string kLocalToTheSecond = "%Y-%m-%dT%H:%M:%S";
// The store's timestamps: RFC 3339 in UTC with milliseconds, "2026-12-01T10:00:00.000Z".
const std::string kRfc3339UtcMilliseconds = "%Y-%m-%dT%H:%M:%S.%i%z";
constexpr std::size_t kRfc3339DateTimeLength = 19;  // "2026-12-01T10:00:00"
// What follows the seconds of an RFC 3339 date-time: time-secfrac? time-offset.
const std::regex kRfc3339FractionAndOffset(R"((\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))");

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::optional<Poco::DateTime> parseLocalDateTime(std::string_view text) {
  if (auto toTheMinute = parseExactly(kLocalToTheMinute, text)) return toTheMinute;
  return parseExactly(kLocalToTheSecond, text);
}

// RFC 3339 date-time (see fromRfc3339Utc in Embargo.h) to seconds since the epoch.
std::optional<std::int64_t> parseRfc3339(std::string_view text) {
  if (text.size() <= kRfc3339DateTimeLength) return std::nullopt;
  // RFC 3339 §5.6 allows 't', 'z' and a space for 'T'; Poco's ISO 8601 formats want 'T', 'Z'.
  std::string normalized(text);
  const char separator = normalized[10];
  if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
  normalized[10] = 'T';
  if (normalized.back() == 'z') normalized.back() = 'Z';
  const std::string_view wallClockText = std::string_view(normalized).substr(0, kRfc3339DateTimeLength);
  const std::string fractionAndOffset = normalized.substr(kRfc3339DateTimeLength);
  const auto wallClock = parseExactly(kLocalToTheSecond, wallClockText);
  if (!wallClock || !std::regex_match(fractionAndOffset, kRfc3339FractionAndOffset)) return std::nullopt;
  Poco::DateTime withFraction;
  int offsetSeconds = 0;  // local time = UTC + offset
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, normalized, withFraction,
                                      offsetSeconds)) {
    return std::nullopt;
  }
  return epochSecondsOf(*wallClock) - offsetSeconds;
}

// A lenient Brussels calendar for this thread. Lenient because strict ICU refuses a time
// in the spring gap, which an embargo must still resolve (see Embargo.h); impossible
// fields never reach it (parseLocalDateTime refuses them first). Skipped and repeated wall times
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
  calendar.set(fields->year(), fields->month() - 1, fields->day(), fields->hour(), fields->minute(), fields->second());
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
  if (!utcDateTimeOf(epochSeconds)) {
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
  // The last hour of 9999 in UTC is already 10000 in Brussels, which Poco cannot write.
  if (!Poco::DateTime::isValid(year, month, day, hour, minute)) {
    throw std::invalid_argument("instant " + std::to_string(epochSeconds) + " has no Brussels time in years 0001-9999");
  }
  return Poco::DateTimeFormatter::format(Poco::DateTime(year, month, day, hour, minute), kLocalToTheMinute);
}

std::string toRfc3339Utc(std::int64_t epochSeconds) {
  const auto utc = utcDateTimeOf(epochSeconds);
  if (!utc) {
    throw std::invalid_argument("instant " + std::to_string(epochSeconds) + " s since 1970 is outside years 0001-9999");
  }
  // Without a time zone differential, the formatter writes UTC's %z as "Z".
  return Poco::DateTimeFormatter::format(*utc, Poco::DateTimeFormat::ISO8601_FORMAT);
}

std::string toRfc3339UtcMilliseconds(std::int64_t epochSeconds) {
  const auto utc = utcDateTimeOf(epochSeconds);
  if (!utc) {
    throw std::invalid_argument("instant " + std::to_string(epochSeconds) + " s since 1970 is outside years 0001-9999");
  }
  return Poco::DateTimeFormatter::format(*utc, kRfc3339UtcMilliseconds);
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
