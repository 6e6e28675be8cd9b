#include "publication/CivilTime.h"

#include <chrono>

namespace paraph::publication {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;

bool isDigit(char character) { return character >= '0' && character <= '9'; }

std::chrono::year_month_day dateOf(const CivilTime& time) {
  return std::chrono::year_month_day{std::chrono::year{time.year},
                                     std::chrono::month{static_cast<unsigned>(time.month)},
                                     std::chrono::day{static_cast<unsigned>(time.day)}};
}

// Floor division: the day of a negative instant (before 1970) starts at or before it.
std::int64_t floorDivide(std::int64_t value, std::int64_t divisor) {
  std::int64_t quotient = value / divisor;
  if (value % divisor != 0 && value < 0) --quotient;
  return quotient;
}

}  // namespace

std::optional<int> digitsAt(std::string_view text, std::size_t offset, std::size_t count) {
  if (offset + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = offset; i < offset + count; ++i) {
    if (!isDigit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool isRealCivilTime(const CivilTime& time) {
  if (time.year < 1 || time.year > 9999 || time.month < 1 || time.month > 12 || time.day < 1 || time.day > 31) {
    return false;
  }
  return dateOf(time).ok() && time.hour >= 0 && time.hour < 24 && time.minute >= 0 && time.minute < 60 &&
         time.second >= 0 && time.second < 60;
}

std::int64_t epochSecondsOf(const CivilTime& time) {
  const std::int64_t days = std::chrono::sys_days{dateOf(time)}.time_since_epoch().count();
  return days * kSecondsPerDay + time.hour * 3600 + time.minute * 60 + time.second;
}

std::optional<CivilTime> civilFromEpochSeconds(std::int64_t epochSeconds) {
  // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
  constexpr std::int64_t kEarliest = -62'135'596'800;
  constexpr std::int64_t kLatest = 253'402'300'799;
  if (epochSeconds < kEarliest || epochSeconds > kLatest) return std::nullopt;
  const std::int64_t days = floorDivide(epochSeconds, kSecondsPerDay);
  const std::int64_t secondOfDay = epochSeconds - days * kSecondsPerDay;
  const std::chrono::sys_days day{std::chrono::days{days}};
  const std::chrono::year_month_day date{day};
  CivilTime time;
  time.year = static_cast<int>(date.year());
  time.month = static_cast<int>(static_cast<unsigned>(date.month()));
  time.day = static_cast<int>(static_cast<unsigned>(date.day()));
  time.hour = static_cast<int>(secondOfDay / 3600);
  time.minute = static_cast<int>(secondOfDay % 3600 / 60);
  time.second = static_cast<int>(secondOfDay % 60);
  time.weekday = static_cast<int>(std::chrono::weekday{day}.c_encoding());
  return time;
}

std::optional<CivilTime> parseLocalDateTime(std::string_view text) {
  if ((text.size() != 16 && text.size() != 19) || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || (text.size() == 19 && text[16] != ':')) {
    return std::nullopt;
  }
  const auto year = digitsAt(text, 0, 4), month = digitsAt(text, 5, 2), day = digitsAt(text, 8, 2);
  const auto hour = digitsAt(text, 11, 2), minute = digitsAt(text, 14, 2);
  const auto second = text.size() == 19 ? digitsAt(text, 17, 2) : std::optional<int>(0);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  const CivilTime time{*year, *month, *day, *hour, *minute, *second};
  if (!isRealCivilTime(time)) return std::nullopt;
  return time;
}

std::optional<std::int64_t> parseRfc3339(std::string_view text) {
  if (text.size() < 20) return std::nullopt;
  const char separator = text[10];
  if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
  std::string wallClock(text.substr(0, 19));
  wallClock[10] = 'T';
  const auto time = parseLocalDateTime(wallClock);
  if (!time) return std::nullopt;
  std::size_t at = 19;
  if (text[at] == '.') {
    const std::size_t fractionStart = ++at;
    while (at < text.size() && isDigit(text[at])) ++at;
    if (at == fractionStart) return std::nullopt;
  }
  const std::string_view zone = text.substr(at);
  std::int64_t offsetSeconds = 0;
  if (zone == "Z" || zone == "z") {
    offsetSeconds = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    const auto hours = digitsAt(zone, 1, 2), minutes = digitsAt(zone, 4, 2);
    if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
    offsetSeconds = (*hours * 3600 + *minutes * 60) * (zone[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  // Local time = UTC + offset.
  return epochSecondsOf(*time) - offsetSeconds;
}

}  // namespace paraph::publication
