#include "l10n/Formatter.h"

#include <unicode/sortkey.h>

#include <cstdint>
#include <vector>

#include "l10n/IcuText.h"
#include "l10n/LocaleFormatters.h"

namespace paraph::l10n {

namespace {

bool isDigit(char character) { return character >= '0' && character <= '9'; }

// "-?digits[.digits]", any length: the only number syntax accepted from documents. ICU's
// formatDecimal would also take "1e3", "NaN" or "Infinity".
bool isPlainDecimal(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  const std::size_t dot = text.find('.');
  const std::string_view integerDigits = text.substr(0, dot);
  const std::string_view fractionDigits =
      dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (integerDigits.empty()) return false;
  if (dot != std::string_view::npos && fractionDigits.empty()) return false;
  for (std::string_view digits : {integerDigits, fractionDigits}) {
    for (char character : digits) {
      if (!isDigit(character)) return false;
    }
  }
  return true;
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// Reads `count` digits at `offset`; nullopt if any is not a digit.
std::optional<int> digitsAt(std::string_view text, std::size_t offset, std::size_t count) {
  int value = 0;
  for (std::size_t i = offset; i < offset + count; ++i) {
    if (!isDigit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

struct LocalDateTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

// "YYYY-MM-DD": syntax only; whether the day exists is the calendar's job.
std::optional<LocalDateTime> parseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = digitsAt(text, 0, 4), month = digitsAt(text, 5, 2), day = digitsAt(text, 8, 2);
  if (!year || !month || !day || *year == 0) return std::nullopt;
  return LocalDateTime{*year, *month, *day};
}

// "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS".
std::optional<LocalDateTime> parseIsoLocalDateTime(std::string_view text) {
  if ((text.size() != 16 && text.size() != 19) || text[10] != 'T' || text[13] != ':') {
    return std::nullopt;
  }
  auto result = parseIsoDate(text.substr(0, 10));
  const auto hour = digitsAt(text, 11, 2), minute = digitsAt(text, 14, 2);
  if (!result || !hour || !minute) return std::nullopt;
  result->hour = *hour;
  result->minute = *minute;
  if (text.size() == 19) {
    const auto second = digitsAt(text, 17, 2);
    if (text[16] != ':' || !second) return std::nullopt;
    result->second = *second;
  }
  return result;
}

// The instant of `fields` on `calendar` (strict), or nullopt if no such wall-clock time.
std::optional<UDate> instantOf(icu::Calendar& calendar, const LocalDateTime& fields) {
  calendar.clear();
  calendar.set(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute,
               fields.second);
  UErrorCode status = U_ZERO_ERROR;
  const UDate instant = calendar.getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  return instant;
}

std::string formatInstant(icu::DateFormat& format, UDate instant) {
  icu::UnicodeString text;
  format.format(instant, text);
  return toUtf8(text);
}

std::string formatDecimalString(const icu::number::LocalizedNumberFormatter& formatter,
                                const std::string& decimal) {
  UErrorCode status = U_ZERO_ERROR;
  const auto formatted = formatter.formatDecimal(icu::StringPiece(decimal), status);
  icu::UnicodeString text = formatted.toString(status);
  if (U_FAILURE(status)) {
    throw FormatError("ICU could not format the number " + quoted(decimal) + " (" +
                      u_errorName(status) + ")");
  }
  return toUtf8(text);
}

void removeAll(std::string& text, std::string_view unwanted) {
  for (auto at = text.find(unwanted); at != std::string::npos; at = text.find(unwanted, at)) {
    text.erase(at, unwanted.size());
  }
}

// ICU 72's fr_BE spellout writes 81-89 as "quatre-vingt un" … "quatre-vingt neuf" (its
// rule reuses the "cent" suffix, which takes a space); French in either orthography
// hyphenates them. Harmless once ICU's data is fixed.
void hyphenateQuatreVingtUnits(std::string& words) {
  static constexpr std::string_view kStem = "quatre-vingt ";
  static constexpr std::string_view kUnits[] = {"un",  "deux", "trois", "quatre", "cinq",
                                                "six", "sept", "huit",  "neuf"};
  for (auto at = words.find(kStem); at != std::string::npos; at = words.find(kStem, at + 1)) {
    const std::size_t next = at + kStem.size();
    const std::size_t end = words.find(' ', next);
    const std::string_view nextWord =
        std::string_view(words).substr(next, end == std::string::npos ? end : end - next);
    for (std::string_view unit : kUnits) {
      if (nextWord == unit) words[next - 1] = '-';
    }
  }
}

std::string spellOut(LocaleFormatters& formatters, std::int64_t number) {
  icu::UnicodeString text;
  formatters.spellout().format(number, text);
  std::string words = toUtf8(text);
  // ICU's Dutch spellout marks hyphenation points with soft hyphens (U+00AD); they are
  // invisible on screen but break searching and copying from the PDF, and the written
  // form carries none ("duizendtweehonderdvierendertig").
  removeAll(words, "\u00AD");
  if (formatters.lang() == Lang::fr) hyphenateQuatreVingtUnits(words);
  return words;
}

std::string frenchAmountInWords(LocaleFormatters& formatters, std::int64_t euros,
                                std::int64_t cents) {
  if (euros == 0 && cents == 0) return "zéro euro";
  std::string words;
  if (euros != 0) {
    words = spellOut(formatters, euros);
    // A round number of millions (or milliards) is a noun and takes "de":
    // "un million d'euros", but "un million deux cent mille euros".
    const bool roundMillions = euros % 1'000'000 == 0;
    words += euros == 1 ? " euro" : roundMillions ? " d'euros" : " euros";
  }
  if (cents != 0) {
    if (!words.empty()) words += " et ";
    words += spellOut(formatters, cents) + (cents == 1 ? " cent" : " cents");
  }
  return words;
}

std::string dutchAmountInWords(LocaleFormatters& formatters, std::int64_t euros,
                               std::int64_t cents) {
  if (euros == 0 && cents == 0) return "nul euro";
  std::string words;
  if (euros != 0) words = spellOut(formatters, euros) + " euro";
  if (cents != 0) {
    if (!words.empty()) words += " en ";
    words += spellOut(formatters, cents) + " cent";
  }
  return words;
}

std::weak_ordering toOrdering(UCollationResult result) {
  if (result == UCOL_LESS) return std::weak_ordering::less;
  if (result == UCOL_GREATER) return std::weak_ordering::greater;
  return std::weak_ordering::equivalent;
}

}  // namespace

std::string formatDate(Lang lang, std::string_view isoDate, DateStyle style) {
  auto& formatters = LocaleFormatters::forCurrentThread(lang);
  const auto fields = parseIsoDate(isoDate);
  if (!fields) throw FormatError("date " + quoted(isoDate) + " is not in the form YYYY-MM-DD");
  const auto instant = instantOf(formatters.utcCalendar(), *fields);
  if (!instant) throw FormatError("date " + quoted(isoDate) + " does not exist");
  return formatInstant(formatters.dateFormat(style), *instant);
}

std::string formatDateTime(Lang lang, std::string_view isoLocalDateTime) {
  auto& formatters = LocaleFormatters::forCurrentThread(lang);
  const auto fields = parseIsoLocalDateTime(isoLocalDateTime);
  if (!fields) {
    throw FormatError("date-time " + quoted(isoLocalDateTime) +
                      " is not in the form YYYY-MM-DDTHH:MM (Brussels local time, no offset)");
  }
  const auto instant = instantOf(formatters.brusselsCalendar(), *fields);
  if (!instant) {
    // Tell a daylight-saving gap apart from an impossible date or time: only the former
    // exists on a calendar without transitions.
    const bool existsInUtc = instantOf(formatters.utcCalendar(), *fields).has_value();
    throw FormatError("date-time " + quoted(isoLocalDateTime) +
                      (existsInUtc ? " does not exist in Europe/Brussels (skipped by the "
                                     "change to summer time)"
                                   : " does not exist"));
  }
  return formatInstant(formatters.dateTimeFormat(), *instant);
}

std::string formatMoney(Lang lang, const Money& amount) {
  return formatDecimalString(LocaleFormatters::forCurrentThread(lang).moneyFormatter(),
                             amount.toDecimalString());
}

std::string formatNumber(Lang lang, std::string_view decimal) {
  if (!isPlainDecimal(decimal)) {
    throw FormatError("number " + quoted(decimal) + " is not a plain decimal like -1234.5");
  }
  return formatDecimalString(LocaleFormatters::forCurrentThread(lang).numberFormatter(0, -1),
                             std::string(decimal));
}

std::string formatNumber(Lang lang, std::string_view decimal, int minFractionDigits,
                         int maxFractionDigits) {
  if (!isPlainDecimal(decimal)) {
    throw FormatError("number " + quoted(decimal) + " is not a plain decimal like -1234.5");
  }
  constexpr int kMostFractionDigits = 20;
  if (minFractionDigits < 0 || maxFractionDigits < minFractionDigits ||
      maxFractionDigits > kMostFractionDigits) {
    throw FormatError("fraction digits " + std::to_string(minFractionDigits) + ".." +
                      std::to_string(maxFractionDigits) + " are not within 0.." +
                      std::to_string(kMostFractionDigits) + " with min <= max");
  }
  return formatDecimalString(
      LocaleFormatters::forCurrentThread(lang).numberFormatter(minFractionDigits,
                                                               maxFractionDigits),
      std::string(decimal));
}

std::string moneyInWords(Lang lang, const Money& amount) {
  if (amount.cents() < 0) {
    throw FormatError("amount " + quoted(amount.toDecimalString()) +
                      " is negative and cannot be written in words");
  }
  auto& formatters = LocaleFormatters::forCurrentThread(lang);
  const std::int64_t euros = amount.cents() / 100;
  const std::int64_t cents = amount.cents() % 100;
  return lang == Lang::fr ? frenchAmountInWords(formatters, euros, cents)
                          : dutchAmountInWords(formatters, euros, cents);
}

std::string formatMessage(Lang lang, std::string_view icuMessagePattern,
                          const MessageArguments& namedArguments, bool numbersAsText) {
  auto& format = LocaleFormatters::forCurrentThread(lang).messageFormat(icuMessagePattern);
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(namedArguments.size());
  values.reserve(namedArguments.size());
  for (const auto& [name, value] : namedArguments) {
    names.push_back(toUnicode(name));
    if (!numbersAsText && isPlainDecimal(value)) {
      // The decimal string itself, not a double: "0.1" stays exactly one tenth.
      UErrorCode status = U_ZERO_ERROR;
      values.emplace_back(icu::StringPiece(value), status);
      if (U_FAILURE(status)) {
        throw FormatError("message argument " + name + "=" + quoted(value) +
                          " is not a usable number (" + u_errorName(status) + ")");
      }
    } else {
      values.emplace_back(toUnicode(value));
    }
  }
  icu::UnicodeString text;
  UErrorCode status = U_ZERO_ERROR;
  format.format(names.data(), values.data(), static_cast<int32_t>(values.size()), text, status);
  if (U_FAILURE(status)) {
    throw FormatError("message " + quoted(icuMessagePattern) + " could not be formatted (" +
                      u_errorName(status) + ")");
  }
  return toUtf8(text);
}

std::string collationKey(Lang lang, std::string_view text) {
  const icu::UnicodeString unicodeText = toUnicode(text);
  const icu::Collator& collator = LocaleFormatters::forCurrentThread(lang).collator();
  std::vector<std::uint8_t> key(64);
  // The returned length includes the terminating zero byte; grow once if it did not fit.
  int32_t length = collator.getSortKey(unicodeText, key.data(), static_cast<int32_t>(key.size()));
  if (length > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(length));
    length = collator.getSortKey(unicodeText, key.data(), length);
  }
  if (length <= 0) throw FormatError("ICU could not compute a sort key for " + quoted(text));
  static constexpr char kHexDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(static_cast<std::size_t>(length - 1) * 2);
  // Without the terminator: lowercase hex keeps byte order, and a shorter key that is a
  // prefix of a longer one still sorts first, as the zero byte would have made it.
  for (int32_t i = 0; i < length - 1; ++i) {
    hex.push_back(kHexDigits[key[i] >> 4]);
    hex.push_back(kHexDigits[key[i] & 0x0F]);
  }
  return hex;
}

std::weak_ordering compare(Lang lang, std::string_view left, std::string_view right) {
  const icu::UnicodeString leftText = toUnicode(left);
  const icu::UnicodeString rightText = toUnicode(right);
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult result =
      LocaleFormatters::forCurrentThread(lang).collator().compare(leftText, rightText, status);
  if (U_FAILURE(status)) {
    throw FormatError("ICU could not compare " + quoted(left) + " and " + quoted(right));
  }
  return toOrdering(result);
}

}  // namespace paraph::l10n
