// Locale formatting for the two output languages, backed by ICU 72 / CLDR (fr = fr_BE,
// nl = nl_BE). All inputs are exact strings or Money, never floating point. Every function
// is thread-safe: the ICU objects behind them are built once per thread and language
// (see LocaleFormatters) because building them, spellout rules above all, is expensive.
// Bad input throws FormatError with a message naming the value.
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "l10n/FormatError.h"
#include "l10n/Lang.h"
#include "l10n/Money.h"

namespace paraph::l10n {

// CLDR date lengths: Long "1 mars 2026", Full "dimanche 1 mars 2026", Short fr "1/03/26",
// nl "1/03/2026".
enum class DateStyle { Long, Full, Short };

// isoDate is "YYYY-MM-DD" (proleptic Gregorian, year 0001-9999). Impossible dates such as
// 2026-02-30 are rejected, not rolled over. Computed and printed in UTC so that a calendar
// date never shifts by a day whatever the server's time zone.
std::string formatDate(Lang lang, std::string_view isoDate, DateStyle style = DateStyle::Long);

// isoLocalDateTime is "YYYY-MM-DDTHH:MM" (optionally ":SS", ignored in the output), a wall
// clock time in Europe/Brussels; no offset or 'Z'. Times skipped by the spring daylight
// saving change (e.g. 2026-03-29T02:30) are rejected. fr "1 mars 2026 à 10:00".
std::string formatDateTime(Lang lang, std::string_view isoLocalDateTime);

// The locale's euro format: fr "1 234,56 €" (U+202F groups, U+00A0 before €),
// nl "€ 1.234,56" (U+00A0 after €).
std::string formatMoney(Lang lang, const Money& amount);

// decimal is "-?digits[.digits]" of any length. The first form prints every significant
// digit given ("0.10" -> "0,1"), never rounding;
// the second rounds half away from zero (like Money) to at most maxFractionDigits and pads
// to minFractionDigits (0 <= min <= max <= 20).
std::string formatNumber(Lang lang, std::string_view decimal);
std::string formatNumber(Lang lang, std::string_view decimal, int minFractionDigits,
                         int maxFractionDigits);

// The amount in words, as on a payment order: fr "mille deux cent trente-quatre euros et
// cinquante-six cents", nl "duizendtweehonderdvierendertig euro en zesenvijftig cent".
// Throws FormatError for a negative amount.
std::string moneyInWords(Lang lang, const Money& amount);

// An ICU MessageFormat pattern with named arguments. A value written as a plain decimal
// number ("-?digits[.digits]") is passed as that exact number, so plural and number
// arguments work ("{n, plural, one {# dossier} other {# dossiers}}"); beware that a
// number-like value used as a plain {arg} is then printed with digit grouping. Any other
// value is passed as text (for select and plain arguments).
using MessageArguments = std::vector<std::pair<std::string, std::string>>;
// With numbersAsText, every value is passed as text and printed as given (a diagnostic
// quotes the submitted "4850.00" back, not "4 850").
std::string formatMessage(Lang lang, std::string_view icuMessagePattern,
                          const MessageArguments& namedArguments, bool numbersAsText = false);

// Lowercase hex of the ICU sort key for the language's collation: comparing two keys byte
// by byte (a plain xsl:sort without lang) orders the texts as compare() does.
std::string collationKey(Lang lang, std::string_view text);
std::weak_ordering compare(Lang lang, std::string_view left, std::string_view right);

}  // namespace paraph::l10n
