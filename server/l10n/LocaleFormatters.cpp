#include "l10n/LocaleFormatters.h"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <array>
#include <stdexcept>

#include "l10n/FormatError.h"
#include "l10n/IcuText.h"

namespace paraph::l10n {

namespace {

// Enough for every pattern a set of stylesheets uses; a runaway caller only costs a rebuild.
constexpr std::size_t kMaxCachedMessagePatterns = 256;

void throwIfFailed(UErrorCode status, const char* what, Lang lang) {
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU could not build the ") + what + " for " +
                             icuLocale(lang) + ": " + u_errorName(status));
  }
}

std::unique_ptr<icu::TimeZone> timeZoneNamed(const char* id) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(id));
  // ICU answers an unknown id with "Etc/Unknown" (behaving as GMT) instead of failing.
  if (!zone || *zone == icu::TimeZone::getUnknown()) {
    throw std::runtime_error(std::string("ICU has no time zone ") + id);
  }
  return zone;
}

std::unique_ptr<icu::Calendar> strictGregorianCalendar(const char* zoneId, Lang lang,
                                                       const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  auto calendar =
      std::make_unique<icu::GregorianCalendar>(timeZoneNamed(zoneId).release(), locale, status);
  throwIfFailed(status, "calendar", lang);
  // Non-lenient: 2026-02-30 or a time inside a daylight-saving gap is an error, not a
  // silent roll-over to another day.
  calendar->setLenient(false);
  // Proleptic Gregorian, like ISO 8601 dates in XML (no switch to Julian before 1582).
  calendar->setGregorianChange(U_DATE_MIN, status);
  throwIfFailed(status, "calendar", lang);
  return calendar;
}

icu::DateFormat::EStyle icuStyle(DateStyle style) {
  switch (style) {
    case DateStyle::Full: return icu::DateFormat::kFull;
    case DateStyle::Short: return icu::DateFormat::kShort;
    case DateStyle::Long: break;
  }
  return icu::DateFormat::kLong;
}

}  // namespace

LocaleFormatters& LocaleFormatters::forCurrentThread(Lang lang) {
  thread_local std::array<std::unique_ptr<LocaleFormatters>, kAllLangs.size()> perLanguage;
  auto& slot = perLanguage[lang == Lang::fr ? 0 : 1];
  if (!slot) slot = std::make_unique<LocaleFormatters>(lang);
  return *slot;
}

LocaleFormatters::LocaleFormatters(Lang lang) : lang_(lang), locale_(icuLocale(lang)) {}

LocaleFormatters::~LocaleFormatters() = default;

icu::Calendar& LocaleFormatters::utcCalendar() {
  if (!utcCalendar_) utcCalendar_ = strictGregorianCalendar("Etc/UTC", lang_, locale_);
  return *utcCalendar_;
}

icu::Calendar& LocaleFormatters::brusselsCalendar() {
  if (!brusselsCalendar_) {
    brusselsCalendar_ = strictGregorianCalendar("Europe/Brussels", lang_, locale_);
  }
  return *brusselsCalendar_;
}

icu::DateFormat& LocaleFormatters::dateFormat(DateStyle style) {
  auto& format = dateFormats_[style];
  if (!format) {
    format.reset(icu::DateFormat::createDateInstance(icuStyle(style), locale_));
    if (!format) throwIfFailed(U_MISSING_RESOURCE_ERROR, "date format", lang_);
    // Same calendar and zone as parsing, so the printed day is the day that was given.
    format->setCalendar(utcCalendar());
  }
  return *format;
}

icu::DateFormat& LocaleFormatters::dateTimeFormat() {
  if (!dateTimeFormat_) {
    dateTimeFormat_.reset(icu::DateFormat::createDateTimeInstance(
        icu::DateFormat::kLong, icu::DateFormat::kShort, locale_));
    if (!dateTimeFormat_) throwIfFailed(U_MISSING_RESOURCE_ERROR, "date-time format", lang_);
    dateTimeFormat_->setCalendar(brusselsCalendar());
  }
  return *dateTimeFormat_;
}

const icu::number::LocalizedNumberFormatter& LocaleFormatters::moneyFormatter() {
  if (!moneyFormatter_) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::CurrencyUnit euro(u"EUR", status);
    throwIfFailed(status, "euro currency unit", lang_);
    moneyFormatter_ = std::make_unique<icu::number::LocalizedNumberFormatter>(
        icu::number::NumberFormatter::withLocale(locale_).unit(euro));
  }
  return *moneyFormatter_;
}

const icu::number::LocalizedNumberFormatter& LocaleFormatters::numberFormatter(
    int minFractionDigits, int maxFractionDigits) {
  const auto key = std::make_pair(minFractionDigits, maxFractionDigits);
  auto found = numberFormatters_.find(key);
  if (found == numberFormatters_.end()) {
    const auto precision =
        maxFractionDigits < 0
            ? icu::number::Precision::minFraction(minFractionDigits)
            : icu::number::Precision::minMaxFraction(minFractionDigits, maxFractionDigits);
    // ICU's HALFUP is half away from zero, the same rule as Money (ICU defaults to
    // half-even, which would print 2.345 as 2,34 but 2.355 as 2,36).
    found = numberFormatters_
                .emplace(key, icu::number::NumberFormatter::withLocale(locale_)
                                  .precision(precision)
                                  .roundingMode(UNUM_ROUND_HALFUP))
                .first;
  }
  return found->second;
}

icu::RuleBasedNumberFormat& LocaleFormatters::spellout() {
  if (!spellout_) {
    UErrorCode status = U_ZERO_ERROR;
    spellout_ = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, locale_, status);
    throwIfFailed(status, "spellout rules", lang_);
    spellout_->setDefaultRuleSet(
        lang_ == Lang::fr ? u"%spellout-cardinal-masculine" : u"%spellout-cardinal", status);
    throwIfFailed(status, "spellout rules", lang_);
  }
  return *spellout_;
}

icu::Collator& LocaleFormatters::collator() {
  if (!collator_) {
    UErrorCode status = U_ZERO_ERROR;
    collator_.reset(icu::Collator::createInstance(locale_, status));
    throwIfFailed(status, "collator", lang_);
    // Decomposed input (e.g. "e" + U+0301) must sort like its precomposed form.
    collator_->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
    throwIfFailed(status, "collator", lang_);
  }
  return *collator_;
}

icu::MessageFormat& LocaleFormatters::messageFormat(std::string_view pattern) {
  auto found = messageFormats_.find(pattern);
  if (found != messageFormats_.end()) return *found->second;
  UErrorCode status = U_ZERO_ERROR;
  UParseError parseError{};
  auto format =
      std::make_unique<icu::MessageFormat>(toUnicode(pattern), locale_, parseError, status);
  if (U_FAILURE(status)) {
    throw FormatError("invalid message pattern '" + std::string(pattern) + "' at offset " +
                      std::to_string(parseError.offset) + " (" + u_errorName(status) + ")");
  }
  if (messageFormats_.size() >= kMaxCachedMessagePatterns) messageFormats_.clear();
  return *messageFormats_.emplace(std::string(pattern), std::move(format)).first->second;
}

}  // namespace paraph::l10n
