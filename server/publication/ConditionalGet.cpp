#include "publication/ConditionalGet.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "publication/CivilTime.h"
#include "xml/Fnv1a.h"

namespace paraph::publication {
namespace {

constexpr std::array<std::string_view, 7> kShortDays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 7> kLongDays{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                    "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

template <std::size_t N>
std::optional<int> indexIn(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  return std::nullopt;
}

bool isOptionalWhitespace(char character) { return character == ' ' || character == '\t'; }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && isOptionalWhitespace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isOptionalWhitespace(text.back())) text.remove_suffix(1);
  return text;
}

// "HH:MM:SS" at offset into time.
bool readTimeOfDay(std::string_view text, std::size_t offset, CivilTime& time) {
  if (offset + 8 > text.size() || text[offset + 2] != ':' || text[offset + 5] != ':') return false;
  const auto hour = digitsAt(text, offset, 2), minute = digitsAt(text, offset + 3, 2),
             second = digitsAt(text, offset + 6, 2);
  if (!hour || !minute || !second) return false;
  time.hour = *hour;
  time.minute = *minute;
  time.second = *second;
  return true;
}

std::optional<std::int64_t> instantIfReal(const CivilTime& time) {
  if (!isRealCivilTime(time)) return std::nullopt;
  return epochSecondsOf(time);
}

// "Sun, 06 Nov 1994 08:49:37 GMT"
std::optional<std::int64_t> parseImfFixdate(std::string_view text) {
  if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' || text[16] != ' ' ||
      text.substr(25) != " GMT" || !indexIn(kShortDays, text.substr(0, 3))) {
    return std::nullopt;
  }
  CivilTime time;
  const auto day = digitsAt(text, 5, 2), year = digitsAt(text, 12, 4);
  const auto month = indexIn(kMonths, text.substr(8, 3));
  if (!day || !year || !month || !readTimeOfDay(text, 17, time)) return std::nullopt;
  time.year = *year;
  time.month = *month + 1;
  time.day = *day;
  return instantIfReal(time);
}

// "Sunday, 06-Nov-94 08:49:37 GMT"
std::optional<std::int64_t> parseRfc850Date(std::string_view text, std::int64_t now) {
  const std::size_t comma = text.find(", ");
  if (comma == std::string_view::npos || !indexIn(kLongDays, text.substr(0, comma))) return std::nullopt;
  const std::string_view rest = text.substr(comma + 2);
  if (rest.size() != 22 || rest[2] != '-' || rest[6] != '-' || rest[9] != ' ' || rest.substr(18) != " GMT") {
    return std::nullopt;
  }
  CivilTime time;
  const auto day = digitsAt(rest, 0, 2), twoDigitYear = digitsAt(rest, 7, 2);
  const auto month = indexIn(kMonths, rest.substr(3, 3));
  if (!day || !twoDigitYear || !month || !readTimeOfDay(rest, 10, time)) return std::nullopt;
  // RFC 9110: a two-digit year that appears more than 50 years in the future is the most
  // recent past year with the same last two digits.
  const int currentYear = civilFromEpochSeconds(now).value_or(CivilTime{}).year;
  int year = currentYear - currentYear % 100 + *twoDigitYear;
  if (year > currentYear + 50) year -= 100;
  time.year = year;
  time.month = *month + 1;
  time.day = *day;
  return instantIfReal(time);
}

// "Sun Nov  6 08:49:37 1994" (the day padded with a space, not a zero)
std::optional<std::int64_t> parseAsctimeDate(std::string_view text) {
  if (text.size() != 24 || text[3] != ' ' || text[7] != ' ' || text[10] != ' ' || text[19] != ' ' ||
      !indexIn(kShortDays, text.substr(0, 3))) {
    return std::nullopt;
  }
  CivilTime time;
  const auto month = indexIn(kMonths, text.substr(4, 3));
  const auto day = text[8] == ' ' ? digitsAt(text, 9, 1) : digitsAt(text, 8, 2);
  const auto year = digitsAt(text, 20, 4);
  if (!month || !day || !year || !readTimeOfDay(text, 11, time)) return std::nullopt;
  time.year = *year;
  time.month = *month + 1;
  time.day = *day;
  return instantIfReal(time);
}

// The opaque part of an entity tag ("\"x\"" of W/"x" or "x"), for weak comparison.
std::string_view opaqueTag(std::string_view tag) {
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  return tag;
}

// Splits If-None-Match's list: #entity-tag, where a tag's quoted part may itself hold
// commas. nullopt when the field is not such a list.
std::optional<std::vector<std::string_view>> entityTags(std::string_view field) {
  std::vector<std::string_view> tags;
  std::size_t at = 0;
  while (true) {
    while (at < field.size() && (isOptionalWhitespace(field[at]) || field[at] == ',')) ++at;
    if (at == field.size()) break;
    const std::size_t start = at;
    if (field.substr(at, 2) == "W/") at += 2;
    if (at >= field.size() || field[at] != '"') return std::nullopt;
    const std::size_t closing = field.find('"', at + 1);
    if (closing == std::string_view::npos) return std::nullopt;
    at = closing + 1;
    tags.push_back(field.substr(start, at - start));
    while (at < field.size() && isOptionalWhitespace(field[at])) ++at;
    if (at < field.size() && field[at] != ',') return std::nullopt;
  }
  return tags;
}

}  // namespace

std::string strongEtag(std::string_view body) {
  const std::uint64_t hash = xml::fnv1a64(body);
  char text[64];
  std::snprintf(text, sizeof text, "\"%016llx-%zx\"", static_cast<unsigned long long>(hash), body.size());
  return text;
}

std::string httpDate(std::int64_t epochSeconds) {
  const auto time = civilFromEpochSeconds(epochSeconds);
  if (!time) {
    throw std::invalid_argument("instant " + std::to_string(epochSeconds) +
                                " s since 1970 is outside years 0001-9999 and has no HTTP date");
  }
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kShortDays[time->weekday].data(), time->day,
                kMonths[time->month - 1].data(), time->year, time->hour, time->minute, time->second);
  return text;
}

std::optional<std::int64_t> parseHttpDate(std::string_view text) {
  text = trimmed(text);
  if (auto instant = parseImfFixdate(text)) return instant;
  if (auto instant = parseAsctimeDate(text)) return instant;
  const auto now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  return parseRfc850Date(text, now);
}

bool notModified(const std::string& ifNoneMatch, const std::string& ifModifiedSince, const std::string& etag,
                 std::int64_t lastModified) {
  const std::string_view noneMatch = trimmed(ifNoneMatch);
  if (!noneMatch.empty()) {
    if (noneMatch == "*") return true;
    const auto tags = entityTags(noneMatch);
    if (!tags) return false;
    for (const std::string_view tag : *tags) {
      if (opaqueTag(tag) == opaqueTag(etag)) return true;
    }
    return false;
  }
  const std::string_view modifiedSince = trimmed(ifModifiedSince);
  if (modifiedSince.empty()) return false;
  const auto since = parseHttpDate(modifiedSince);
  return since && lastModified <= *since;
}

}  // namespace paraph::publication
