#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <thread>

#include "pipeline/Pipeline.h"
#include "support/Fixtures.h"
#include "support/SharedPipeline.h"
#include "xml/XPath.h"

using paraph::l10n::Lang;
using paraph::pipeline::Home;
using paraph::pipeline::Pipeline;
using paraph::testing::sharedPipeline;
using paraph::testing::filesIn;
using paraph::testing::kHome;
using paraph::testing::readFile;

namespace {


std::vector<std::filesystem::path> letterFixtures() { return filesIn(kHome / "fixtures" / "letter", ".xml"); }

// Amounts as staff read them, turned back into cents, so that the French and Dutch versions
// can be compared after each locale's formatting. Written independently of ICU on purpose.
std::multiset<long long> amountsIn(const std::string& html, Lang lang) {
  // fr-BE: 1 234,56 € (U+202F thousands, U+00A0 before €); nl-BE: € 1.234,56
  static const std::regex french("([0-9]{1,3}(?:\u202F[0-9]{3})*),([0-9]{2})\u00A0€");
  static const std::regex dutch("€\u00A0([0-9]{1,3}(?:\\.[0-9]{3})*),([0-9]{2})");
  std::multiset<long long> cents;
  const std::regex& pattern = lang == Lang::fr ? french : dutch;
  for (std::sregex_iterator match(html.begin(), html.end(), pattern), end; match != end; ++match) {
    std::string euros;
    for (char character : (*match)[1].str()) {
      if (character >= '0' && character <= '9') euros += character;
    }
    cents.insert(std::stoll(euros) * 100 + std::stoll((*match)[2].str()));
  }
  return cents;
}

long long centsOf(const std::string& decimal) {
  const auto point = decimal.find('.');
  long long euros = std::stoll(decimal.substr(0, point));
  long long cents = 0;
  if (point != std::string::npos) {
    std::string fraction = decimal.substr(point + 1);
    fraction.resize(2, '0');
    cents = std::stoll(fraction);
  }
  return euros * 100 + cents;
}

const std::vector<std::string> kFrenchMonths{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                             "août", "septembre", "octobre", "novembre", "décembre"};
const std::vector<std::string> kDutchMonths{"januari", "februari", "maart", "april", "mei", "juni", "juli",
                                            "augustus", "september", "oktober", "november", "december"};

std::string longDate(const std::string& iso, Lang lang) {
  const int day = std::stoi(iso.substr(8, 2));
  const int month = std::stoi(iso.substr(5, 2));
  const auto& months = lang == Lang::fr ? kFrenchMonths : kDutchMonths;
  return std::to_string(day) + " " + months[static_cast<std::size_t>(month - 1)] + " " + iso.substr(0, 4);
}

}  // namespace

TEST(LetterRender, HasAtLeastFourFixturesCoveringEveryOutcomeAndBothSourceLanguages) {
  std::set<std::string> outcomes;
  std::set<std::string> sources;
  for (const auto& file : letterFixtures()) {
    const std::string text = readFile(file);
    for (const char* outcome : {"\"granted\"", "\"refused\"", "\"partly-granted\""}) {
      if (text.find(std::string("outcome=") + outcome) != std::string::npos) outcomes.insert(outcome);
    }
    for (const char* source : {"source-language=\"fr\"", "source-language=\"nl\""}) {
      if (text.find(source) != std::string::npos) sources.insert(source);
    }
  }
  EXPECT_GE(letterFixtures().size(), 4u);
  EXPECT_EQ(outcomes.size(), 3u);
  EXPECT_EQ(sources.size(), 2u);
}

TEST(LetterRender, EveryFixtureRendersInFrenchAndDutchWithTheSameFigures) {
  const auto& pipeline = sharedPipeline();
  ASSERT_FALSE(letterFixtures().empty());
  for (const auto& file : letterFixtures()) {
    SCOPED_TRACE(file.filename().string());
    const auto document = pipeline.validate(readFile(file), file.string());
    const auto french = pipeline.renderHtml(document, Lang::fr).html;
    const auto dutch = pipeline.renderHtml(document, Lang::nl).html;

    EXPECT_NE(french.find("<html lang=\"fr-BE\""), std::string::npos);
    EXPECT_NE(dutch.find("<html lang=\"nl-BE\""), std::string::npos);
    EXPECT_EQ(paraph::testing::count(french, "data-legal-mention="), 6u);
    EXPECT_EQ(paraph::testing::count(dutch, "data-legal-mention="), 6u);
    EXPECT_NE(french.find("tribunal du travail"), std::string::npos);
    EXPECT_NE(dutch.find("arbeidsrechtbank"), std::string::npos);

    // The letter's date, written out in each language.
    xmlDoc* tree = document.parsed.document.get();
    const paraph::xml::NamespaceMap ns{{"l", "https://paraph.inami.fgov.be/ns/letter/1"}};
    const std::string date = paraph::xml::XPathExpression("string(/l:letter/l:date)").string(tree, nullptr, ns);
    EXPECT_NE(french.find(longDate(date, Lang::fr)), std::string::npos) << longDate(date, Lang::fr);
    EXPECT_NE(dutch.find(longDate(date, Lang::nl)), std::string::npos) << longDate(date, Lang::nl);

    // The same reference and the same amounts in both; the granted amount is among them.
    EXPECT_NE(french.find(document.reference), std::string::npos);
    EXPECT_NE(dutch.find(document.reference), std::string::npos);
    const auto frenchAmounts = amountsIn(french, Lang::fr);
    EXPECT_EQ(frenchAmounts, amountsIn(dutch, Lang::nl));
    const std::string granted = paraph::xml::XPathExpression("string(/l:letter/l:decision/l:amount)").string(tree, nullptr, ns);
    if (!granted.empty()) {
      EXPECT_TRUE(frenchAmounts.contains(centsOf(granted))) << granted;
    }
  }
}

TEST(LetterRender, ScriptTypedInFreeTextIsShownAsText) {
  const auto& pipeline = sharedPipeline();
  const auto file = kHome / "fixtures" / "hostile" / "script-in-motivation.xml";
  const auto document = pipeline.validate(readFile(file), file.string());
  for (Lang lang : paraph::l10n::kAllLangs) {
    const auto html = pipeline.renderHtml(document, lang).html;
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  }
}

TEST(LetterRender, ConcurrentTransformsGiveIdenticalResults) {
  const auto& pipeline = sharedPipeline();
  std::vector<paraph::pipeline::ValidatedDocument> documents;
  std::vector<std::string> expected;
  for (const auto& file : letterFixtures()) {
    documents.push_back(pipeline.validate(readFile(file), file.string()));
    for (Lang lang : paraph::l10n::kAllLangs) expected.push_back(pipeline.renderHtml(documents.back(), lang).html);
  }
  constexpr int kThreads = 8;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      for (int round = 0; round < 10; ++round) {
        std::size_t index = 0;
        for (const auto& document : documents) {
          for (Lang lang : paraph::l10n::kAllLangs) {
            if (pipeline.renderHtml(document, lang).html != expected[index++]) ++mismatches[static_cast<std::size_t>(thread)];
          }
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int thread = 0; thread < kThreads; ++thread) EXPECT_EQ(mismatches[static_cast<std::size_t>(thread)], 0);
}

TEST(InvalidInput, EveryInvalidFixtureIsRefusedWithItsExpectedMessage) {
  const auto& pipeline = sharedPipeline();
  const auto files = filesIn(kHome / "fixtures" / "invalid", ".xml");
  EXPECT_GE(files.size(), 12u);
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    auto expectedFile = file;
    expectedFile.replace_extension(".expected");
    const std::string expected = paraph::testing::trimmed(readFile(expectedFile));
    ASSERT_FALSE(expected.empty()) << "no .expected beside the fixture";
    try {
      pipeline.validate(readFile(file), file.string());
      ADD_FAILURE() << "accepted";
    } catch (const paraph::xml::InvalidInput& invalid) {
      const auto& first = invalid.diagnostics().front();
      std::string all;
      for (const auto& diagnostic : invalid.diagnostics()) all += diagnostic.toLine() + "\n";
      EXPECT_NE(all.find(expected), std::string::npos) << all;
      EXPECT_GT(first.line, 0) << all;
      EXPECT_EQ(all.find("root:x:0:0"), std::string::npos);
    }
  }
}
