#include <gtest/gtest.h>

#include "pipeline/Pipeline.h"
#include "support/Fixtures.h"
#include "support/SharedPipeline.h"

using paraph::l10n::Lang;
using paraph::pipeline::Home;
using paraph::pipeline::Pipeline;
using paraph::testing::sharedPipeline;


TEST(Catalog, EveryGeneratedTextKeyExistsInBothLanguages) {
  const auto& texts = sharedPipeline().texts();
  EXPECT_TRUE(texts.keysMissingIn(Lang::fr).empty()) << "missing in fr.xml: " << texts.keysMissingIn(Lang::fr).front();
  EXPECT_TRUE(texts.keysMissingIn(Lang::nl).empty()) << "missing in nl.xml: " << texts.keysMissingIn(Lang::nl).front();
}

TEST(Catalog, TerminologyHasBothLanguagesForEveryTerm) {
  const auto& terms = sharedPipeline().texts().terms();
  EXPECT_GE(terms.size(), 20u);  // the domain brief's table
  for (const auto& [key, term] : terms) {
    EXPECT_FALSE(term.full[0].empty()) << key << " has no French form";
    EXPECT_FALSE(term.full[1].empty()) << key << " has no Dutch form";
  }
}

TEST(Catalog, EveryPostalCodeHasALabourCourt) {
  const auto& courts = sharedPipeline().courts();
  for (int code = 1000; code <= 9999; code += 7) {
    for (Lang lang : paraph::l10n::kAllLangs) {
      EXPECT_TRUE(courts.forPostalCode(std::to_string(code), lang).has_value()) << code;
    }
  }
}

TEST(Catalog, PicksTheCompetentLabourCourt) {
  const auto& courts = sharedPipeline().courts();
  const auto idFor = [&](const char* code, Lang lang) {
    auto court = courts.forPostalCode(code, lang);
    return court ? court->id : std::string("none");
  };
  // Brussels-Capital: the recipient's language chooses between the two courts.
  EXPECT_NE(idFor("1000", Lang::fr), idFor("1000", Lang::nl));
  // Halle-Vilvoorde belongs to the Dutch-speaking Brussels court, whatever the language.
  EXPECT_EQ(idFor("1500", Lang::fr), idFor("1000", Lang::nl));
  // Limburg goes to Antwerp, Namur to Liège, the German-speaking East to Eupen.
  EXPECT_EQ(idFor("3500", Lang::nl), idFor("2000", Lang::nl));
  EXPECT_EQ(idFor("5000", Lang::fr), idFor("4000", Lang::fr));
  EXPECT_NE(idFor("4700", Lang::fr), idFor("4000", Lang::fr));
  EXPECT_EQ(idFor("0999", Lang::fr), "none");
  EXPECT_EQ(idFor("10000", Lang::fr), "none");
}

TEST(Catalog, ListsTheLetterDocumentType) {
  const auto* letter = sharedPipeline().types().byName("letter");
  ASSERT_NE(letter, nullptr);
  EXPECT_EQ(letter->labels.at(Lang::fr), "Lettre de notification");
  EXPECT_EQ(letter->labels.at(Lang::nl), "Kennisgevingsbrief");
  EXPECT_EQ(letter->requiredMarks.front().values.size(), 6u);
}
