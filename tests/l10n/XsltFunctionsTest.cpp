// The p: extension functions as stylesheets see them: every function through a compiled
// stylesheet, failures that stop the transformation, and concurrent use of one stylesheet.
#include "l10n/XsltFunctions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "XsltTestSupport.h"

namespace paraph::l10n {
namespace {

using ::testing::HasSubstr;
using testing::compileStylesheet;
using testing::transform;

const std::string kStylesheetStart = R"(<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="https://paraph.inami.fgov.be/ns/functions">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="lang"/>
  <xsl:template match="/">)";
const std::string kStylesheetEnd = R"(</xsl:template>
</xsl:stylesheet>)";

std::string stylesheetWithBody(const std::string& body) {
  return kStylesheetStart + body + kStylesheetEnd;
}

// Calls every function; arguments come as strings, numbers and node-sets.
const std::string kEveryFunction = stylesheetWithBody(R"xsl(
date=<xsl:value-of select="p:date(/doc/date, $lang)"/>
full=<xsl:value-of select="p:date(/doc/date, $lang, 'full')"/>
short=<xsl:value-of select="p:date(/doc/date, $lang, 'short')"/>
datetime=<xsl:value-of select="p:datetime('2026-03-01T10:00', $lang)"/>
money=<xsl:value-of select="p:money(/doc/amount, $lang)"/>
words=<xsl:value-of select="p:money-words(/doc/amount, $lang)"/>
number=<xsl:value-of select="p:number('1234.5', $lang)"/>
number-min=<xsl:value-of select="p:number(1234.5, $lang, 2)"/>
number-max=<xsl:value-of select="p:number('2.345', $lang, 0, 2)"/>
message=<xsl:value-of select="p:message('{n, plural, one {# dossier} other {# dossiers}} ({g, select, f {Madame} m {Monsieur} other {Madame, Monsieur}})', $lang, 'n', count(/doc/name), 'g', 'f')"/>
sorted=<xsl:for-each select="/doc/name"><xsl:sort select="p:collation-key(., $lang)"/><xsl:value-of select="."/>;</xsl:for-each>
)xsl");

const std::string kInput = R"(<?xml version="1.0" encoding="UTF-8"?>
<doc>
  <date>2026-03-01</date>
  <amount>
    1234.56
  </amount>
  <name>Zo&#xE9;</name><name>&#xC9;lodie</name><name>Yves</name><name>Eddy</name><name>&#xC8;ve</name>
</doc>)";

class XsltFunctionsTest : public ::testing::Test {
 protected:
  void SetUp() override { registerXsltFunctions(); }
};

TEST_F(XsltFunctionsTest, EveryFunctionInFrench) {
  const auto stylesheet = compileStylesheet(kEveryFunction);
  const auto outcome = transform(stylesheet.get(), kInput, "fr");
  ASSERT_TRUE(outcome.produced) << ::testing::PrintToString(outcome.errors);
  EXPECT_EQ(outcome.output,
            "\ndate=1 mars 2026"
            "\nfull=dimanche 1 mars 2026"
            "\nshort=1/03/26"
            "\ndatetime=1 mars 2026 \u00E0 10:00"
            "\nmoney=1\u202F234,56\u00A0\u20AC"
            "\nwords=mille deux cent trente-quatre euros et cinquante-six cents"
            "\nnumber=1\u202F234,5"
            "\nnumber-min=1\u202F234,50"
            "\nnumber-max=2,35"
            "\nmessage=5 dossiers (Madame)"
            "\nsorted=Eddy;\u00C9lodie;\u00C8ve;Yves;Zo\u00E9;");
  EXPECT_TRUE(outcome.errors.empty()) << ::testing::PrintToString(outcome.errors);
}

TEST_F(XsltFunctionsTest, EveryFunctionInDutch) {
  const auto stylesheet = compileStylesheet(kEveryFunction);
  const auto outcome = transform(stylesheet.get(), kInput, "nl-BE");
  ASSERT_TRUE(outcome.produced) << ::testing::PrintToString(outcome.errors);
  EXPECT_EQ(outcome.output,
            "\ndate=1 maart 2026"
            "\nfull=zondag 1 maart 2026"
            "\nshort=1/03/2026"
            "\ndatetime=1 maart 2026 om 10:00"
            "\nmoney=\u20AC\u00A01.234,56"
            "\nwords=duizendtweehonderdvierendertig euro en zesenvijftig cent"
            "\nnumber=1.234,5"
            "\nnumber-min=1.234,50"
            "\nnumber-max=2,35"
            "\nmessage=5 dossiers (Madame)"
            "\nsorted=Eddy;\u00C9lodie;\u00C8ve;Yves;Zo\u00E9;");
}

TEST_F(XsltFunctionsTest, RegisteringAgainIsHarmless) {
  registerXsltFunctions();
  registerXsltFunctions();
  const auto stylesheet = compileStylesheet(stylesheetWithBody(
      R"xsl(<xsl:value-of select="p:money('0.05', $lang)"/>)xsl"));
  EXPECT_EQ(transform(stylesheet.get(), "<doc/>", "fr").output, "0,05\u00A0\u20AC");
}

struct BadCall {
  std::string expression;
  std::string expectedMessage;
};

class XsltFunctionFailureTest : public ::testing::TestWithParam<BadCall> {
 protected:
  void SetUp() override { registerXsltFunctions(); }
};

TEST_P(XsltFunctionFailureTest, StopsTheTransformationNamingFunctionAndValue) {
  // The text after the failing call must never be produced.
  const auto stylesheet = compileStylesheet(stylesheetWithBody(
      "<xsl:value-of select=\"" + GetParam().expression + "\"/>after"));
  const auto outcome = transform(stylesheet.get(), kInput, "fr");
  EXPECT_FALSE(outcome.produced);
  EXPECT_EQ(outcome.state, XSLT_STATE_STOPPED);
  EXPECT_THAT(::testing::PrintToString(outcome.errors), HasSubstr(GetParam().expectedMessage));
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, XsltFunctionFailureTest,
    ::testing::Values(
        BadCall{"p:money('12,50', $lang)",
                "p:money: amount '12,50' is not a plain amount like 1234.56"},
        BadCall{"p:money('1e3', $lang)", "p:money: amount '1e3' is not a plain amount"},
        BadCall{"p:money-words('-5', $lang)",
                "p:money-words: amount '-5.00' is negative and cannot be written in words"},
        BadCall{"p:money('10', 'de')", "p:money: unknown language 'de' (expected fr or nl)"},
        BadCall{"p:money('10')", "p:money: expects 2 arguments, got 1"},
        BadCall{"p:date('2026-02-30', $lang)", "p:date: date '2026-02-30' does not exist"},
        BadCall{"p:date(/doc/date, $lang, 'medium')", "p:date: unknown date style 'medium'"},
        BadCall{"p:datetime('2026-03-29T02:30', $lang)",
                "p:datetime: date-time '2026-03-29T02:30' does not exist in Europe/Brussels"},
        BadCall{"p:number(1 div 0, $lang)", "p:number: number 'Infinity' is not a plain decimal"},
        BadCall{"p:number('1.5', $lang, 'two')", "p:number: fraction digits 'two' is not a whole"},
        BadCall{"p:message('{n}', $lang, 'n')",
                "p:message: expects a pattern, a language and name/value pairs, got 3"},
        BadCall{"p:message('{n, plural,', $lang)", "p:message: invalid message pattern"},
        BadCall{"p:collation-key('x', $lang, 'extra')",
                "p:collation-key: expects 2 arguments, got 3"}));

TEST(XsltFunctionsConcurrency, EightThreadsShareOneCompiledStylesheet) {
  registerXsltFunctions();
  const auto stylesheet = compileStylesheet(kEveryFunction);
  const std::string expectedFrench = transform(stylesheet.get(), kInput, "fr").output;
  const std::string expectedDutch = transform(stylesheet.get(), kInput, "nl").output;
  ASSERT_FALSE(expectedFrench.empty());
  ASSERT_FALSE(expectedDutch.empty());

  constexpr int kThreads = 8;
  constexpr int kRunsPerThread = 40;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      for (int run = 0; run < kRunsPerThread; ++run) {
        const bool french = (thread + run) % 2 == 0;
        const auto outcome = transform(stylesheet.get(), kInput, french ? "fr" : "nl");
        if (!outcome.produced || outcome.output != (french ? expectedFrench : expectedDutch)) {
          ++mismatches[static_cast<std::size_t>(thread)];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(kThreads, 0));
}

}  // namespace
}  // namespace paraph::l10n
