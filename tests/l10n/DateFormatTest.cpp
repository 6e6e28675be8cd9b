// Dates and Brussels date-times as ICU 72 / CLDR 42 writes them for fr_BE and nl_BE.
#include <gtest/gtest.h>
#include <unicode/timezone.h>

#include <memory>

#include "l10n/Formatter.h"

namespace paraph::l10n {
namespace {

TEST(FormatDate, LongFullAndShortInBothLanguages) {
  EXPECT_EQ(formatDate(Lang::fr, "2026-03-01"), "1 mars 2026");
  EXPECT_EQ(formatDate(Lang::fr, "2026-03-01", DateStyle::Full), "dimanche 1 mars 2026");
  EXPECT_EQ(formatDate(Lang::fr, "2026-03-01", DateStyle::Short), "1/03/26");
  EXPECT_EQ(formatDate(Lang::nl, "2026-03-01"), "1 maart 2026");
  EXPECT_EQ(formatDate(Lang::nl, "2026-03-01", DateStyle::Full), "zondag 1 maart 2026");
  EXPECT_EQ(formatDate(Lang::nl, "2026-03-01", DateStyle::Short), "1/03/2026");
}

TEST(FormatDate, MonthNamesWithAccentsAndYearBoundaries) {
  EXPECT_EQ(formatDate(Lang::fr, "2025-12-31", DateStyle::Full), "mercredi 31 d\u00E9cembre 2025");
  EXPECT_EQ(formatDate(Lang::nl, "2026-01-01", DateStyle::Full), "donderdag 1 januari 2026");
  EXPECT_EQ(formatDate(Lang::fr, "2026-08-15"), "15 ao\u00FBt 2026");
  EXPECT_EQ(formatDate(Lang::fr, "2026-02-01"), "1 f\u00E9vrier 2026");
}

TEST(FormatDate, AcceptsLeapDaysOnlyInLeapYears) {
  EXPECT_EQ(formatDate(Lang::fr, "2024-02-29"), "29 f\u00E9vrier 2024");
  EXPECT_EQ(formatDate(Lang::nl, "2000-02-29"), "29 februari 2000");
  EXPECT_THROW(formatDate(Lang::fr, "2026-02-29"), FormatError);
  EXPECT_THROW(formatDate(Lang::fr, "1900-02-29"), FormatError);  // Gregorian, not Julian
  EXPECT_THROW(formatDate(Lang::fr, "1500-02-29"), FormatError);  // proleptic Gregorian
}

TEST(FormatDate, RejectsImpossibleDatesInsteadOfRollingOver) {
  for (const char* text : {"2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
                           "2026-01-32", "0000-01-01"}) {
    EXPECT_THROW(formatDate(Lang::nl, text), FormatError) << text;
  }
}

TEST(FormatDate, RejectsOtherSpellings) {
  for (const char* text : {"", "2026-3-1", "01/03/2026", "2026-03-01T10:00", "2026-03-01Z",
                           " 2026-03-01", "20260301", "2026/03/01", "２０２６-03-01"}) {
    EXPECT_THROW(formatDate(Lang::fr, text), FormatError) << text;
  }
}

TEST(FormatDate, ErrorNamesTheValue) {
  try {
    formatDate(Lang::fr, "2026-02-30");
    FAIL() << "expected FormatError";
  } catch (const FormatError& error) {
    EXPECT_STREQ(error.what(), "date '2026-02-30' does not exist");
  }
}

TEST(FormatDate, DoesNotDependOnTheProcessTimeZone) {
  // The day printed is the day given, even where local midnight is far from UTC's.
  const std::unique_ptr<icu::TimeZone> saved(icu::TimeZone::createDefault());
  for (const char* zone : {"Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Brussels"}) {
    icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone(zone));
    EXPECT_EQ(formatDate(Lang::fr, "2026-03-01", DateStyle::Full), "dimanche 1 mars 2026")
        << zone;
  }
  icu::TimeZone::setDefault(*saved);
}

TEST(FormatDateTime, BrusselsWallClockTimeInBothLanguages) {
  EXPECT_EQ(formatDateTime(Lang::fr, "2026-03-01T10:00"), "1 mars 2026 \u00E0 10:00");
  EXPECT_EQ(formatDateTime(Lang::nl, "2026-03-01T10:00"), "1 maart 2026 om 10:00");
  // Summer time: still the wall-clock time that was written.
  EXPECT_EQ(formatDateTime(Lang::fr, "2026-07-14T09:05"), "14 juillet 2026 \u00E0 09:05");
  EXPECT_EQ(formatDateTime(Lang::nl, "2026-12-31T23:59:59"), "31 december 2026 om 23:59");
  // The hour repeated in autumn exists (once in summer, once in winter time).
  EXPECT_EQ(formatDateTime(Lang::nl, "2026-10-25T02:30"), "25 oktober 2026 om 02:30");
}

TEST(FormatDateTime, RejectsTheHourSkippedBySummerTime) {
  try {
    formatDateTime(Lang::fr, "2026-03-29T02:30");
    FAIL() << "expected FormatError";
  } catch (const FormatError& error) {
    EXPECT_STREQ(error.what(),
                 "date-time '2026-03-29T02:30' does not exist in Europe/Brussels (skipped by "
                 "the change to summer time)");
  }
  EXPECT_EQ(formatDateTime(Lang::fr, "2026-03-29T03:00"), "29 mars 2026 \u00E0 03:00");
}

TEST(FormatDateTime, RejectsImpossibleOrForeignSpellings) {
  for (const char* text : {"2026-03-01", "2026-03-01T24:00", "2026-03-01T10:60", "2026-02-30T10:00",
                           "2026-03-01T10:00Z", "2026-03-01T10:00+01:00", "2026-03-01 10:00",
                           "2026-03-01T1:00", "2026-03-01T10:00:60"}) {
    EXPECT_THROW(formatDateTime(Lang::fr, text), FormatError) << text;
  }
}

}  // namespace
}  // namespace paraph::l10n
