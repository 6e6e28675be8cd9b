// Conditional GET: entity tags, HTTP dates and RFC 9110 §13.2.2's order of evaluation.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "publication/ConditionalGet.h"

namespace paraph::publication {
namespace {

constexpr std::int64_t kRfcExample = 784'111'777;  // Sun, 06 Nov 1994 08:49:37 GMT

TEST(ConditionalGet, StrongEtagIsQuotedStableAndChangesWithTheBytes) {
  const std::string tag = strongEtag("<feed/>");
  EXPECT_EQ(tag, strongEtag("<feed/>"));
  EXPECT_NE(tag, strongEtag("<feed/> "));
  EXPECT_NE(tag, strongEtag("<feef/>"));
  EXPECT_TRUE(tag.starts_with("\"") && tag.ends_with("\"")) << tag;
  EXPECT_FALSE(tag.starts_with("W/"));
  EXPECT_EQ(tag.find_first_of(" ,\\"), std::string::npos) << tag;
  // FNV-1a 64 of the empty string is its offset basis.
  EXPECT_EQ(strongEtag(""), "\"cbf29ce484222325-0\"");
  EXPECT_EQ(strongEtag("a"), "\"af63dc4c8601ec8c-1\"");
}

TEST(ConditionalGet, HttpDateIsImfFixdate) {
  EXPECT_EQ(httpDate(kRfcExample), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(httpDate(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(httpDate(1'796'119'200), "Tue, 01 Dec 2026 10:00:00 GMT");
  EXPECT_THROW(httpDate(-62'135'596'801), std::invalid_argument);
  EXPECT_EQ(httpDate(-12'219'292'801), "Thu, 14 Oct 1582 23:59:59 GMT");
}

TEST(ConditionalGet, ParsesTheThreeHttpDateForms) {
  EXPECT_EQ(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), kRfcExample);
  EXPECT_EQ(parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), kRfcExample);
  EXPECT_EQ(parseHttpDate("Sun Nov  6 08:49:37 1994"), kRfcExample);
  EXPECT_EQ(parseHttpDate(" Tue, 01 Dec 2026 10:00:00 GMT "), 1'796'119'200);
  EXPECT_EQ(parseHttpDate(httpDate(1'796'119'200)), 1'796'119'200);
  for (const std::string bad :
       {"", "yesterday", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
        "sun, 06 nov 1994 08:49:37 GMT", "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:49:37 GMT",
        "1994-11-06T08:49:37Z", "Sun, 06 Nov 1994 08:49:37 GMT, x", "Sun, 06 Nov 1994 08:49:60 GMT",
        "Sun Nov 06 08:49:37 1994", "Sun Nov  6 08:49:37 1994 GMT", "Sunday, 6-Nov-94 08:49:37 GMT",
        "Sun, 06-Nov-94 08:49:37 GMT", "Sunday, 06-Nov-1994 08:49:37 GMT"}) {
    EXPECT_FALSE(parseHttpDate(bad).has_value()) << bad;
  }
}

TEST(ConditionalGet, NotModifiedTruthTable) {
  const std::string etag = strongEtag("feed v1");
  const std::string other = strongEtag("feed v2");
  const std::int64_t modified = 1'796'119'200;  // Tue, 01 Dec 2026 10:00:00 GMT
  const std::string atModified = httpDate(modified);
  const std::string before = httpDate(modified - 1);
  const std::string after = httpDate(modified + 3600);

  struct Case {
    std::string ifNoneMatch, ifModifiedSince;
    bool expected;
    const char* why;
  };
  const Case cases[] = {
      {"", "", false, "no condition: send the feed"},
      {etag, "", true, "the reader's tag is current"},
      {other, "", false, "the reader's tag is outdated"},
      {"W/" + etag, "", true, "If-None-Match compares weakly"},
      {other + ", " + etag, "", true, "any tag in the list"},
      {other + "," + "W/" + etag + " ", "", true, "list without spaces, weak member"},
      {"\"a,b\", " + etag, "", true, "a comma inside a quoted tag"},
      {"*", "", true, "* matches any current representation"},
      {"  *  ", "", true, "* with white space"},
      {other, atModified, false, "If-None-Match decides alone, even when the date says not modified"},
      {etag, before, true, "If-None-Match decides alone, even when the date says modified"},
      {"", atModified, true, "not modified since exactly that second"},
      {"", after, true, "not modified since a later date"},
      {"", before, false, "modified after the date"},
      {"", "Sunday, 01-Dec-26 10:00:00 GMT", true, "RFC 850 form (its weekday is not checked against the date)"},
      {"", "garbage", false, "an invalid date is ignored"},
      {"", atModified + ", " + atModified, false, "a list of dates is not a date"},
      {"garbage", atModified, false, "a malformed If-None-Match matches nothing, and still hides the date"},
      {"\"unterminated", "", false, "an unterminated tag matches nothing"},
      {etag.substr(1, etag.size() - 2), "", false, "an unquoted tag is not a tag"},
  };
  for (const Case& test : cases) {
    EXPECT_EQ(notModified(test.ifNoneMatch, test.ifModifiedSince, etag, modified), test.expected)
        << test.why << ": If-None-Match [" << test.ifNoneMatch << "] If-Modified-Since [" << test.ifModifiedSince
        << "]";
  }
}

}  // namespace
}  // namespace paraph::publication
