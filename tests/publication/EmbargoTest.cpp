// Embargo times: Brussels wall-clock time to UTC, around both daylight saving changes of
// 2026, and the RFC 3339 forms the feed and the store use.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "publication/Embargo.h"

namespace paraph::publication {
namespace {

std::string utcOf(const std::string& brussels) { return toRfc3339Utc(brusselsLocalToUtc(brussels)); }

std::string refusal(const std::string& brussels) {
  try {
    brusselsLocalToUtc(brussels);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "accepted";
}

TEST(Embargo, WinterIsUtcPlusOneAndSummerUtcPlusTwo) {
  EXPECT_EQ(utcOf("2026-12-03T10:00"), "2026-12-03T09:00:00Z");
  EXPECT_EQ(utcOf("2026-01-01T00:30:15"), "2025-12-31T23:30:15Z");
  EXPECT_EQ(utcOf("2026-07-14T10:00"), "2026-07-14T08:00:00Z");
  EXPECT_EQ(utcOf("2026-03-03T10:00"), "2026-03-03T09:00:00Z");
  EXPECT_EQ(brusselsLocalToUtc("2026-12-03T10:00"), 1'796'288'400);
}

TEST(Embargo, SpringForwardOn29March2026) {
  // 02:00 CET becomes 03:00 CEST (01:00Z).
  EXPECT_EQ(utcOf("2026-03-29T01:59:59"), "2026-03-29T00:59:59Z");
  EXPECT_EQ(utcOf("2026-03-29T03:00"), "2026-03-29T01:00:00Z");
  EXPECT_EQ(utcOf("2026-03-29T04:00"), "2026-03-29T02:00:00Z");
  // The skipped hour keeps winter time's offset: 02:30 is 01:30Z, which clocks show as
  // 03:30 — never earlier than any reading of what was meant.
  EXPECT_EQ(utcOf("2026-03-29T02:00"), "2026-03-29T01:00:00Z");
  EXPECT_EQ(utcOf("2026-03-29T02:30"), "2026-03-29T01:30:00Z");
}

TEST(Embargo, FallBackOn25October2026) {
  // 03:00 CEST becomes 02:00 CET (01:00Z): 02:00-02:59 happens twice.
  EXPECT_EQ(utcOf("2026-10-25T01:59"), "2026-10-24T23:59:00Z");
  EXPECT_EQ(utcOf("2026-10-25T03:00"), "2026-10-25T02:00:00Z");
  // The repeated hour is its second occurrence, in winter time (the later instant).
  EXPECT_EQ(utcOf("2026-10-25T02:00"), "2026-10-25T01:00:00Z");
  EXPECT_EQ(utcOf("2026-10-25T02:30"), "2026-10-25T01:30:00Z");
  EXPECT_EQ(utcOf("2026-10-24T10:00"), "2026-10-24T08:00:00Z");
  EXPECT_EQ(utcOf("2026-10-26T10:00"), "2026-10-26T09:00:00Z");
}

TEST(Embargo, MalformedOrImpossibleTimesAreRefusedByName) {
  for (const std::string bad : {"2026-12-03 10:00", "2026-12-03T10", "2026-12-03T10:00Z", "2026-12-03T10:00+01:00",
                                "2026-02-30T10:00", "2026-12-03T24:00", "2026-12-03T10:60", "2026-13-01T10:00",
                                "0000-01-01T00:00", "", "2026-12-3T10:00", "２０２６-12-03T10:00"}) {
    const std::string message = refusal(bad);
    EXPECT_NE(message.find("embargo '" + bad + "'"), std::string::npos) << bad << ": " << message;
  }
  EXPECT_EQ(refusal("2028-02-29T10:00"), "accepted");  // a leap year
}

TEST(Embargo, WallClockInBrusselsFollowsWinterAndSummerTime) {
  EXPECT_EQ(brusselsWallClock(fromRfc3339Utc("2026-03-04T10:15:30.123Z")), "2026-03-04T11:15");  // CET, UTC+1
  EXPECT_EQ(brusselsWallClock(fromRfc3339Utc("2026-07-01T22:30:00Z")), "2026-07-02T00:30");      // CEST, UTC+2
  // The autumn change: 00:59Z is still summer time, 01:00Z already winter time.
  EXPECT_EQ(brusselsWallClock(fromRfc3339Utc("2026-10-25T00:59:00Z")), "2026-10-25T02:59");
  EXPECT_EQ(brusselsWallClock(fromRfc3339Utc("2026-10-25T01:00:00Z")), "2026-10-25T02:00");
  // The way back: what brusselsLocalToUtc reads, brusselsWallClock writes.
  EXPECT_EQ(brusselsWallClock(brusselsLocalToUtc("2026-12-03T10:00")), "2026-12-03T10:00");
}

TEST(Rfc3339, ReadsTheStoresTimestampsAndOffsets) {
  EXPECT_EQ(fromRfc3339Utc("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(fromRfc3339Utc("2026-12-01T10:00:00Z"), 1'796'119'200);
  EXPECT_EQ(fromRfc3339Utc("2026-12-01T10:00:00.999Z"), 1'796'119'200);  // truncated to the second
  EXPECT_EQ(fromRfc3339Utc("2026-12-01t10:00:00z"), 1'796'119'200);
  EXPECT_EQ(fromRfc3339Utc("2026-12-01 10:00:00Z"), 1'796'119'200);
  EXPECT_EQ(fromRfc3339Utc("2026-12-01T11:00:00+01:00"), 1'796'119'200);
  EXPECT_EQ(fromRfc3339Utc("2026-12-01T05:30:00-04:30"), 1'796'119'200);
  EXPECT_EQ(fromRfc3339Utc("1969-12-31T23:59:59Z"), -1);
  for (const std::string bad :
       {"2026-12-01T10:00Z", "2026-12-01T10:00:00", "2026-12-01T10:00:00.Z", "2026-12-01T10:00:60Z",
        "2026-12-01T10:00:00+0100", "2026-02-29T10:00:00Z", "2026-12-01T10:00:00Z ", "now"}) {
    try {
      fromRfc3339Utc(bad);
      ADD_FAILURE() << bad << " accepted";
    } catch (const std::invalid_argument& error) {
      EXPECT_NE(std::string(error.what()).find("'" + bad + "'"), std::string::npos) << error.what();
    }
  }
}

TEST(Rfc3339, WritesUtcWithWholeSecondsOrTheStoresMilliseconds) {
  EXPECT_EQ(toRfc3339Utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(toRfc3339Utc(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(toRfc3339Utc(1'796'119'200), "2026-12-01T10:00:00Z");
  EXPECT_EQ(toRfc3339UtcMilliseconds(1'796'119'200), "2026-12-01T10:00:00.000Z");
  EXPECT_EQ(toRfc3339Utc(fromRfc3339Utc("2028-02-29T23:59:59Z")), "2028-02-29T23:59:59Z");
  EXPECT_EQ(toRfc3339Utc(fromRfc3339Utc("0001-01-01T00:00:00Z")), "0001-01-01T00:00:00Z");
  EXPECT_EQ(toRfc3339Utc(fromRfc3339Utc("9999-12-31T23:59:59Z")), "9999-12-31T23:59:59Z");
  EXPECT_THROW(toRfc3339Utc(fromRfc3339Utc("9999-12-31T23:59:59Z") + 1), std::invalid_argument);
  // Before 1582-10-15 too, times of day stay positive (Poco alone writes "00:00:-1" there).
  EXPECT_EQ(toRfc3339Utc(fromRfc3339Utc("0001-01-01T00:00:00Z") + 1), "0001-01-01T00:00:01Z");
  EXPECT_EQ(toRfc3339Utc(-12'219'292'801), "1582-10-14T23:59:59Z");
  EXPECT_EQ(toRfc3339Utc(fromRfc3339Utc("1000-06-15T12:34:56Z")), "1000-06-15T12:34:56Z");
  // The store compares its timestamps as text: the embargo must sort like its instant.
  EXPECT_LT(std::string("2026-12-03T08:59:59.999Z"), toRfc3339UtcMilliseconds(brusselsLocalToUtc("2026-12-03T10:00")));
  EXPECT_EQ(std::string("2026-12-03T09:00:00.000Z"), toRfc3339UtcMilliseconds(brusselsLocalToUtc("2026-12-03T10:00")));
}

}  // namespace
}  // namespace paraph::publication
