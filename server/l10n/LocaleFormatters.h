// LocaleFormatters: the ICU objects one thread needs to format in one language, each built
// on first use and then reused. ICU formatters are costly to build (spellout rules and
// collators take milliseconds) and most are not safe to share between threads, while
// stylesheets call the formatting functions thousands of times per second from several
// worker threads; one instance per thread and language gives both speed and safety.
// Internal to paraph::l10n: use the functions in Formatter.h.
#pragma once

#include <unicode/calendar.h>
#include <unicode/coll.h>
#include <unicode/datefmt.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/rbnf.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "l10n/Formatter.h"
#include "l10n/Lang.h"

namespace paraph::l10n {

class LocaleFormatters {
 public:
  // The calling thread's instance for lang; it lives until the thread ends.
  static LocaleFormatters& forCurrentThread(Lang lang);

  explicit LocaleFormatters(Lang lang);
  LocaleFormatters(const LocaleFormatters&) = delete;
  LocaleFormatters& operator=(const LocaleFormatters&) = delete;
  ~LocaleFormatters();

  Lang lang() const { return lang_; }

  // Strict (non-lenient) proleptic Gregorian calendars: one in UTC for plain dates, one in
  // Europe/Brussels for wall-clock times. Callers set fields and read getTime().
  icu::Calendar& utcCalendar();
  icu::Calendar& brusselsCalendar();
  icu::DateFormat& dateFormat(DateStyle style);  // prints in UTC
  icu::DateFormat& dateTimeFormat();             // long date, short time, Europe/Brussels

  const icu::number::LocalizedNumberFormatter& moneyFormatter();
  // maxFractionDigits < 0 means "every digit given".
  const icu::number::LocalizedNumberFormatter& numberFormatter(int minFractionDigits,
                                                              int maxFractionDigits);
  // Cardinal spellout (masculine in French, to agree with "euro" and "cent").
  icu::RuleBasedNumberFormat& spellout();
  icu::Collator& collator();
  // Compiled patterns are kept (up to a bound) since stylesheets reuse a handful of them.
  icu::MessageFormat& messageFormat(std::string_view pattern);

 private:
  Lang lang_;
  icu::Locale locale_;
  std::unique_ptr<icu::Calendar> utcCalendar_;
  std::unique_ptr<icu::Calendar> brusselsCalendar_;
  std::map<DateStyle, std::unique_ptr<icu::DateFormat>> dateFormats_;
  std::unique_ptr<icu::DateFormat> dateTimeFormat_;
  std::unique_ptr<icu::number::LocalizedNumberFormatter> moneyFormatter_;
  std::map<std::pair<int, int>, icu::number::LocalizedNumberFormatter> numberFormatters_;
  std::unique_ptr<icu::RuleBasedNumberFormat> spellout_;
  std::unique_ptr<icu::Collator> collator_;
  std::map<std::string, std::unique_ptr<icu::MessageFormat>, std::less<>> messageFormats_;
};

}  // namespace paraph::l10n
