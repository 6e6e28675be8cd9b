// The document service: accept once (drafts too), three transforms for three editions, and
// feed texts selected from the input.
#include <gtest/gtest.h>

#include "document/DocumentService.h"
#include "support/Fixtures.h"
#include "support/SharedPipeline.h"

namespace {

using paraph::document::DocumentService;
using paraph::l10n::Lang;
using namespace paraph::testing;

const DocumentService& service() {
  static const paraph::review::QaChecker qa(sharedPipeline().texts());
  static const DocumentService instance(sharedPipeline(), qa, nullptr, {});
  return instance;
}

paraph::document::RenderRequest htmlOnly() {
  paraph::document::RenderRequest request;
  request.formats = {"html"};
  return request;
}

}  // namespace

TEST(DocumentService, EveryEditionOfEveryFixtureTakesThreeTransforms) {
  std::size_t documents = 0;
  for (const auto& type : sharedPipeline().types().all()) {
    for (const auto& file : filesIn(kHome / "fixtures" / type.name, ".xml")) {
      SCOPED_TRACE(file.string());
      const auto accepted = service().accept(readFile(file), file.string());
      EXPECT_FALSE(accepted.draft());
      const auto before = sharedPipeline().transformCount();
      const auto set = service().render(accepted, htmlOnly());
      EXPECT_EQ(sharedPipeline().transformCount() - before, 3u) << "French, Dutch, and side by side from those two";
      ASSERT_EQ(set.files.size(), 3u);
      EXPECT_EQ(set.files[0].name, "fr.html");
      EXPECT_EQ(set.files[1].name, "nl.html");
      EXPECT_EQ(set.files[2].name, "fr-nl.html");
      // The side-by-side edition carries both languages' own texts.
      EXPECT_NE(set.files[2].bytes.find("lang=\"fr-BE\""), std::string::npos);
      EXPECT_NE(set.files[2].bytes.find("lang=\"nl-BE\""), std::string::npos);
      ++documents;
    }
  }
  EXPECT_GE(documents, 18u);
}

TEST(DocumentService, ADraftIsAcceptedWithItsMissingTranslationsMarkedInTheOutput) {
  const auto file = kHome / "fixtures" / "invalid" / "press-release-missing-translation.xml";
  const auto accepted = service().accept(readFile(file), file.string());
  ASSERT_TRUE(accepted.draft());
  const auto set = service().render(accepted, htmlOnly());
  bool marked = false;
  for (const auto& output : set.files) {
    marked = marked || output.bytes.find("[traduction manquante]") != std::string::npos ||
             output.bytes.find("[vertaling ontbreekt]") != std::string::npos;
  }
  EXPECT_TRUE(marked);
}

TEST(DocumentService, AnInvalidDocumentIsRefusedWithTheDiagnosticsOfTheInputAsGiven) {
  const auto file = kHome / "fixtures" / "invalid" / "refusal-without-motivation.xml";
  try {
    service().accept(readFile(file), file.string());
    FAIL() << "accepted";
  } catch (const paraph::xml::InvalidInput& invalid) {
    ASSERT_FALSE(invalid.diagnostics().empty());
    const auto expected = trimmed(readFile(kHome / "fixtures" / "invalid" / "refusal-without-motivation.expected"));
    EXPECT_NE(invalid.diagnostics().front().toLine().find(expected), std::string::npos)
        << invalid.diagnostics().front().toLine() << "\nexpected: " << expected;
  }
}

TEST(DocumentService, AFeedEntrySaysWhatTheInputSaysInEachLanguage) {
  const auto file = kHome / "fixtures" / "press-release" / "chronic-fatigue-convention-nl.xml";
  const auto accepted = service().accept(readFile(file), file.string());
  const auto french = service().entryText(accepted, Lang::fr);
  const auto dutch = service().entryText(accepted, Lang::nl);
  EXPECT_EQ(french.title, "Nouvelle convention pour les centres de référence pour le syndrome de fatigue chronique");
  EXPECT_EQ(dutch.title, "Nieuwe overeenkomst voor de referentiecentra voor het chronischevermoeidheidssyndroom");
  EXPECT_TRUE(french.summary.starts_with("À partir du 1er juillet 2026, cinq centres de référence")) << french.summary;
  EXPECT_LE(french.summary.size(), 4 * paraph::publication::kMaxSummaryCharacters);
  // Every type has a title in both languages: its own, or its label and reference.
  for (const auto& type : sharedPipeline().types().all()) {
    for (const auto& fixture : filesIn(kHome / "fixtures" / type.name, ".xml")) {
      const auto document = service().accept(readFile(fixture), fixture.string());
      for (const Lang lang : paraph::l10n::kAllLangs) {
        EXPECT_FALSE(service().entryText(document, lang).title.empty()) << fixture;
      }
    }
  }
  const auto letter = kHome / "fixtures" / "letter" / "refused-gent-nl.xml";
  const auto title = service().entryText(service().accept(readFile(letter), letter.string()), Lang::fr).title;
  EXPECT_TRUE(title.starts_with("Lettre de notification ")) << title;
}
