#include "publication/ConditionalGet.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

#include "publication/CivilTime.h"
#include "xml/Fnv1a.h"

namespace paraph::publication {
namespace {

// The date part of each form, after its weekday, in Poco::DateTimeFormatter's specifiers.
// RFC 850's day has two digits: Poco's RFC850_FORMAT writes it unpadded (%e).
const std::string kImfFixdateAfterWeekday = "%d %b %Y %H:%M:%S GMT";     // "06 Nov 1994 08:49:37 GMT"
const std::string kRfc850AfterWeekday = "%d-%b-%y %H:%M:%S GMT";         // "06-Nov-94 08:49:37 GMT"
const std::string kAsctimeAfterWeekday = "%b %f %H:%M:%S %Y";            // "Nov  6 08:49:37 1994"

// The weekday is spelt right ("Sunday", or "Sun" when abbreviated) but, as the parsers of
// HTTP commonly do, not checked against the date.
bool isWeekdayName(std::string_view name, bool abbreviated) {
  for (const std::string& weekday : Poco::DateTimeFormat::WEEKDAY_NAMES) {
    if (name == (abbreviated ? std::string_view(weekday).substr(0, 3) : std::string_view(weekday))) return true;
  }
  return false;
}

bool isOptionalWhitespace(char character) { return character == ' ' || character == '\t'; }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && isOptionalWhitespace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isOptionalWhitespace(text.back())) text.remove_suffix(1);
  return text;
}

std::optional<std::int64_t> instantOf(const std::optional<Poco::DateTime>& utc) {
  if (!utc) return std::nullopt;
  return epochSecondsOf(*utc);
}

// "Sun, 06 Nov 1994 08:49:37 GMT"
std::optional<std::int64_t> parseImfFixdate(std::string_view text) {
  if (text.size() < 5 || !isWeekdayName(text.substr(0, 3), true) || text.substr(3, 2) != ", ") return std::nullopt;
  return instantOf(parseExactly(kImfFixdateAfterWeekday, text.substr(5)));
}

// "Sunday, 06-Nov-94 08:49:37 GMT"
std::optional<std::int64_t> parseRfc850Date(std::string_view text, int currentYear) {
  const std::size_t comma = text.find(", ");
  if (comma == std::string_view::npos || !isWeekdayName(text.substr(0, comma), false)) return std::nullopt;
  const auto parsed = parseExactly(kRfc850AfterWeekday, text.substr(comma + 2));
  if (!parsed) return std::nullopt;
  // RFC 9110: a two-digit year that appears more than 50 years in the future is the most
  // recent past year with the same last two digits (Poco's own rule is a fixed 1969-2068).
  int year = currentYear - currentYear % 100 + parsed->year() % 100;
  if (year > currentYear + 50) year -= 100;
  if (!Poco::DateTime::isValid(year, parsed->month(), parsed->day(), parsed->hour(), parsed->minute(),
                               parsed->second())) {
    return std::nullopt;  // 29-Feb of a year the rule makes common
  }
  return epochSecondsOf(
      Poco::DateTime(year, parsed->month(), parsed->day(), parsed->hour(), parsed->minute(), parsed->second()));
}

// "Sun Nov  6 08:49:37 1994" (the day padded with a space, not a zero)
std::optional<std::int64_t> parseAsctimeDate(std::string_view text) {
  if (text.size() < 4 || !isWeekdayName(text.substr(0, 3), true) || text[3] != ' ') return std::nullopt;
  return instantOf(parseExactly(kAsctimeAfterWeekday, text.substr(4)));
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
  const auto utc = utcDateTimeOf(epochSeconds);
  if (!utc) {
    throw std::invalid_argument("instant " + std::to_string(epochSeconds) +
                                " s since 1970 is outside years 0001-9999 and has no HTTP date");
  }
  return Poco::DateTimeFormatter::format(*utc, Poco::DateTimeFormat::HTTP_FORMAT);
}

std::optional<std::int64_t> parseHttpDate(std::string_view text) {
  text = trimmed(text);
  if (auto instant = parseImfFixdate(text)) return instant;
  if (auto instant = parseAsctimeDate(text)) return instant;
  return parseRfc850Date(text, Poco::DateTime().year());
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
