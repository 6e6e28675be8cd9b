#include "publication/CivilTime.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>

namespace paraph::publication {
namespace {

// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
constexpr std::int64_t kEarliestSecond = -62'135'596'800;
constexpr std::int64_t kLatestSecond = 253'402'300'799;
// Poco::DateTime splits an instant before 1582-10-15T00:00:00Z (where its internal time
// scale starts) into negative hours and seconds ("00:00:-1"). The Gregorian calendar
// repeats exactly every 400 years, weekdays included (146097 days, a multiple of 7), so
// such an instant is split 400 years later and the year moved back.
constexpr std::int64_t kPocoScaleStart = -12'219'292'800;
constexpr std::int64_t kSecondsPer400Years = 146'097LL * 86'400;

}  // namespace

std::optional<Poco::DateTime> utcDateTimeOf(std::int64_t epochSeconds) {
  if (epochSeconds < kEarliestSecond || epochSeconds > kLatestSecond) return std::nullopt;
  int yearsShifted = 0;
  while (epochSeconds < kPocoScaleStart) {
    epochSeconds += kSecondsPer400Years;
    yearsShifted += 400;
  }
  const Poco::DateTime shifted(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(epochSeconds)));
  if (yearsShifted == 0) return shifted;
  return Poco::DateTime(shifted.year() - yearsShifted, shifted.month(), shifted.day(), shifted.hour(),
                        shifted.minute(), shifted.second());
}

std::int64_t epochSecondsOf(const Poco::DateTime& utc) {
  // Built from the fields, without the fraction: Timestamp::epochTime truncates towards
  // zero, which for an instant before 1970 would round up.
  const Poco::DateTime wholeSeconds(utc.year(), utc.month(), utc.day(), utc.hour(), utc.minute(), utc.second());
  return static_cast<std::int64_t>(wholeSeconds.timestamp().epochTime());
}

std::optional<Poco::DateTime> parseExactly(const std::string& format, std::string_view text) {
  const std::string input(text);
  Poco::DateTime parsed;
  int timeZoneDifferential = 0;
  if (!Poco::DateTimeParser::tryParse(format, input, parsed, timeZoneDifferential)) return std::nullopt;
  // Poco takes a leap second (:60), which seconds since the epoch cannot name.
  if (parsed.year() < 1 || parsed.second() > 59 || Poco::DateTimeFormatter::format(parsed, format, timeZoneDifferential) != input) {
    return std::nullopt;
  }
  return parsed;
}

}  // namespace paraph::publication
