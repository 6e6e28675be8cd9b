#include <gtest/gtest.h>

#include "pipeline/Pipeline.h"
#include "support/Fixtures.h"
#include "support/SharedPipeline.h"
#include "xml/XPath.h"

using paraph::l10n::Lang;
using paraph::pipeline::Home;
using paraph::pipeline::Pipeline;
using paraph::testing::sharedPipeline;
using paraph::testing::kHome;
using paraph::testing::readFile;

namespace {

const paraph::xml::NamespaceMap kNamespaces{{"e", "https://paraph.inami.fgov.be/ns/enrichment/1"}};

std::string computed(const paraph::pipeline::ValidatedDocument& document, const std::string& path) {
  return paraph::xml::XPathExpression("string(//e:budget/" + path + ")")
      .string(document.parsed.document.get(), nullptr, kNamespaces);
}
}  // namespace

// The Liège psychosocial rehabilitation convention, recomputed by hand:
//   psychiatrist            0.50 × 168 500.00 =  84 250.00
//   psychologist            2.00 ×  78 450.00 = 156 900.00
//   nurse                   3.50 ×  72 640.00 = 254 240.00
//   social worker           1.50 ×  69 870.00 = 104 805.00
//   occupational therapist  2.75 ×  70 215.35 = 193 092.2125 -> 193 092.21
//   educator                2.25 ×  66 940.00 = 150 615.00
//   administrative staff    0.75 ×  54 987.62 =  41 240.715  -> 41 240.72 (half away from zero)
//   staff total 985 142.93; operating 48 500.00 + 18 750.50 + 12 300.00 + 9 200.00 = 88 750.50
//   annual budget 1 073 893.43; 30 places × 248 days = 7 440; rate 144.3405… -> 144.34 per day
TEST(ConventionBudget, RecomputesTheLiegeConventionToTheCent) {
  const auto file = kHome / "fixtures" / "convention" / "psychosocial-liege-fr.xml";
  const auto document = sharedPipeline().validate(readFile(file), file.string());
  EXPECT_EQ(computed(document, "e:staff-line[5]/@cost"), "193092.21");
  EXPECT_EQ(computed(document, "e:staff-line[7]/@cost"), "41240.72");
  EXPECT_EQ(computed(document, "e:staff-total"), "985142.93");
  EXPECT_EQ(computed(document, "e:operating-total"), "88750.50");
  EXPECT_EQ(computed(document, "e:annual-budget"), "1073893.43");
  EXPECT_EQ(computed(document, "e:divisor"), "7440");
  EXPECT_EQ(computed(document, "e:rate"), "144.34");

  const auto french = sharedPipeline().renderHtml(document, Lang::fr).html;
  const auto dutch = sharedPipeline().renderHtml(document, Lang::nl).html;
  EXPECT_NE(french.find("1\u202F073\u202F893,43\u00A0€"), std::string::npos);
  EXPECT_NE(dutch.find("€\u00A01.073.893,43"), std::string::npos);
  EXPECT_NE(french.find("144,34\u00A0€"), std::string::npos);
  EXPECT_NE(dutch.find("€\u00A0144,34"), std::string::npos);
  EXPECT_NE(french.find("un million septante-trois mille huit cent nonante-trois euros et quarante-trois cents"),
            std::string::npos);
  EXPECT_NE(dutch.find("een miljoen drieënzeventigduizendachthonderddrieënnegentig euro en drieënveertig cent"),
            std::string::npos);
}

TEST(ConventionBudget, ATypedTotalIsRefused) {
  const auto file = kHome / "fixtures" / "invalid" / "convention-typed-total.xml";
  try {
    sharedPipeline().validate(readFile(file), file.string());
    FAIL() << "a typed total was accepted";
  } catch (const paraph::xml::InvalidInput& invalid) {
    EXPECT_NE(std::string(invalid.what()).find("A total is typed in the financing"), std::string::npos) << invalid.what();
  }
}
