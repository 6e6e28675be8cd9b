#include <gtest/gtest.h>

#include "pipeline/Consolidation.h"
#include "pipeline/OutputParity.h"
#include "pipeline/ParityCheck.h"
#include "pipeline/Pipeline.h"
#include "support/Fixtures.h"
#include "support/SharedPipeline.h"
#include "xml/XPath.h"

using paraph::l10n::Lang;
using paraph::pipeline::consolidate;
using paraph::pipeline::ConsolidatedConvention;
using paraph::testing::kHome;
using paraph::testing::readFile;
using paraph::testing::replacedOnce;
using paraph::testing::sharedPipeline;

namespace {

const paraph::xml::NamespaceMap kNamespaces{{"c", "https://paraph.inami.fgov.be/ns/convention/1"},
                                            {"e", "https://paraph.inami.fgov.be/ns/enrichment/1"}};

// Each fixture amendment and the convention it amends: fixtures/amendment/<convention>.amendment-1.xml.
const char* const kPairs[] = {"psychosocial-liege-fr", "chronic-pain-gent-nl", "palliative-day-centre-ixelles-fr"};

std::filesystem::path conventionFile(const std::string& name) { return kHome / "fixtures" / "convention" / (name + ".xml"); }
std::filesystem::path amendmentFile(const std::string& name) { return kHome / "fixtures" / "amendment" / (name + ".amendment-1.xml"); }

ConsolidatedConvention consolidated(const std::string& name) {
  return consolidate(readFile(conventionFile(name)), conventionFile(name).string(), readFile(amendmentFile(name)),
                     amendmentFile(name).string());
}

std::string query(const paraph::pipeline::ValidatedDocument& document, const std::string& expression) {
  return paraph::xml::XPathExpression(expression).string(document.parsed.document.get(), nullptr, kNamespaces);
}

// The article ids of a convention, in order (their numbers are their positions).
std::vector<std::string> articleIds(const paraph::pipeline::ValidatedDocument& document) {
  std::vector<std::string> ids;
  for (xmlNode* article : paraph::xml::XPathExpression("/c:convention/c:chapter/c:article")
                              .nodes(document.parsed.document.get(), nullptr, kNamespaces)) {
    ids.push_back(paraph::xml::attribute(article, "id"));
  }
  return ids;
}

// The line of the first occurrence of `needle` in `text` (1-based).
int lineOf(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// Consolidates and expects a refusal whose first diagnostic names the amendment at `line`.
paraph::xml::Diagnostic refusal(const std::string& convention, const std::string& amendment) {
  try {
    consolidate(convention, "convention.xml", amendment, "amendment.xml");
  } catch (const paraph::xml::InvalidInput& invalid) {
    return invalid.diagnostics().front();
  }
  ADD_FAILURE() << "the amendment was applied";
  return {};
}

}  // namespace

TEST(Consolidation, EveryFixtureAmendmentGivesAValidConventionThatRendersWithTheSameFiguresInBothLanguages) {
  const auto& pipeline = sharedPipeline();
  for (const std::string name : kPairs) {
    SCOPED_TRACE(name);
    const auto result = consolidated(name);
    const auto original = pipeline.validate(readFile(conventionFile(name)), name);
    EXPECT_EQ(result.conventionId, original.id);
    const auto document = pipeline.validate(result.input, name + " (consolidated)");
    EXPECT_EQ(document.type->name, "convention");
    EXPECT_EQ(document.id, original.id);  // a new version of the same document
    EXPECT_FALSE(result.changedArticles.empty());
    const auto findings = paraph::testing::checkParity(pipeline.renderHtml(document, Lang::fr).html,
                                                        pipeline.renderHtml(document, Lang::nl).html);
    for (const auto& finding : findings) ADD_FAILURE() << finding.segment << ": " << finding.message;
  }
}

// psychosocial-liege-fr.amendment-1: repeal art-definitions (article 2), replace art-billing,
// insert art-data-protection after art-evaluation.
TEST(Consolidation, RepealsReplacesAndInsertsArticlesAndRenumbersTheRest) {
  const auto& pipeline = sharedPipeline();
  const auto result = consolidated("psychosocial-liege-fr");
  EXPECT_EQ(result.changedArticles, (std::vector<std::string>{"art-definitions", "art-billing", "art-data-protection"}));
  const auto document = pipeline.validate(result.input, "consolidated.xml");
  EXPECT_EQ(articleIds(document),
            (std::vector<std::string>{"art-object", "art-target-group", "art-programme", "art-staffing", "art-financing",
                                      "art-billing", "art-reporting", "art-evaluation", "art-data-protection", "art-term"}));
  // The replaced article's new text, under the same id.
  EXPECT_NE(query(document, "string(//c:article[@id = 'art-billing']/c:p[2]/c:fr)").find("eFact"), std::string::npos);
  EXPECT_EQ(query(document, "string(//c:article[@id = 'art-billing']/c:title/c:nl)"), "Facturatie");
  EXPECT_EQ(query(document, "count(//c:article[@id = 'art-definitions'])"), "0");
  // The references the amendment wrote lose their stated numbers: the convention computes them.
  EXPECT_EQ(query(document, "count(//c:ref[@number])"), "0");

  const auto french = pipeline.renderHtml(document, Lang::fr).html;
  const auto dutch = pipeline.renderHtml(document, Lang::nl).html;
  // Article 2 is gone: the staffing article is now article 4, financing 5, and the references follow.
  EXPECT_NE(french.find(">Article 4. – Norme d'encadrement<"), std::string::npos);
  EXPECT_NE(french.find("href=\"#ref-art-staffing\">article 4</a>"), std::string::npos);
  EXPECT_NE(french.find("href=\"#ref-art-financing\">article 5</a>"), std::string::npos);
  EXPECT_NE(dutch.find("href=\"#ref-art-reporting\">artikel 7</a>"), std::string::npos);
  // The inserted article comes right after the evaluation, before the term.
  EXPECT_NE(french.find("Article 9. – Protection des données <span class=\"amended-mark\">(inséré par l'avenant n° 1)</span>"),
            std::string::npos);
  EXPECT_NE(french.find("Article 6. – Facturation <span class=\"amended-mark\">(modifié par l'avenant n° 1)</span>"),
            std::string::npos);
  EXPECT_NE(dutch.find("Artikel 6. – Facturatie <span class=\"amended-mark\">(gewijzigd bij wijzigingsclausule nr. 1)</span>"),
            std::string::npos);
  EXPECT_NE(french.find("Modifiée par l'avenant n° 1 du 28 septembre 2026, avec effet au 1 octobre 2026"), std::string::npos);
  EXPECT_NE(dutch.find("Gewijzigd bij wijzigingsclausule nr. 1 van 28 september 2026, met ingang van 1 oktober 2026"),
            std::string::npos);
  // An unchanged article has no mark.
  EXPECT_NE(french.find(">Article 1er. – Objet</h3>"), std::string::npos);
}

// chronic-pain-gent-nl.amendment-1: replace art-modules, insert art-teleconsultation after it.
TEST(Consolidation, InsertsAnArticleAfterItsAnchorInTheSameChapter) {
  const auto document = sharedPipeline().validate(consolidated("chronic-pain-gent-nl").input, "consolidated.xml");
  EXPECT_EQ(articleIds(document), (std::vector<std::string>{"art-object", "art-target-group", "art-modules",
                                                            "art-teleconsultation", "art-staffing", "art-financing",
                                                            "art-reporting", "art-term"}));
  EXPECT_EQ(query(document, "string(//c:article[@id = 'art-teleconsultation']/../c:title/c:nl)"), "Zorgprogramma");
  EXPECT_EQ(query(document, "string(//c:article[@id = 'art-teleconsultation']/@subject)"), "programme");
  // art-financing refers to art-staffing, which moved from 4 to 5.
  const auto dutch = sharedPipeline().renderHtml(document, Lang::nl).html;
  EXPECT_NE(dutch.find("href=\"#ref-art-staffing\">artikel 5</a>"), std::string::npos);
  EXPECT_NE(dutch.find("href=\"#ref-art-modules\">artikel 3</a>"), std::string::npos);
}

// palliative-day-centre-ixelles-fr.amendment-1: the new financing, recomputed by the enrichment
// (never typed by consolidation), by hand:
//   physician        0.30 × 159 800.00 =  47 940.00
//   head nurse       0.50 ×  84 310.00 =  42 155.00
//   nurse            4.00 ×  72 640.00 = 290 560.00
//   care assistant   1.75 ×  58 520.00 = 102 410.00
//   psychologist     0.50 ×  78 450.00 =  39 225.00
//   physiotherapist  0.25 ×  72 004.18 =  18 001.045 -> 18 001.05 (half away from zero)
//   social worker    0.50 ×  69 870.00 =  34 935.00
//   administrative   0.50 ×  55 940.00 =  27 970.00
//   staff total 603 196.05; operating 39 500.00 + 18 250.00 + 26 875.00 = 84 625.00
//   annual budget 687 821.05; 10 places × 250 days = 2 500; rate 275.128… -> 275.13 per day
TEST(Consolidation, TheNewFinancingIsRecomputedNeverCopied) {
  const auto result = consolidated("palliative-day-centre-ixelles-fr");
  EXPECT_EQ(result.input.find("e:budget"), std::string::npos);
  EXPECT_EQ(result.input.find("enrichment"), std::string::npos);
  const auto document = sharedPipeline().validate(result.input, "consolidated.xml");
  EXPECT_EQ(query(document, "string(//e:budget/e:staff-line[6]/@cost)"), "18001.05");
  EXPECT_EQ(query(document, "string(//e:budget/e:staff-total)"), "603196.05");
  EXPECT_EQ(query(document, "string(//e:budget/e:operating-total)"), "84625.00");
  EXPECT_EQ(query(document, "string(//e:budget/e:annual-budget)"), "687821.05");
  EXPECT_EQ(query(document, "string(//e:budget/e:divisor)"), "2500");
  EXPECT_EQ(query(document, "string(//e:budget/e:rate)"), "275.13");
  // art-no-supplement (5) is repealed, art-volunteers inserted before art-term.
  EXPECT_EQ(articleIds(document), (std::vector<std::string>{"art-target-group", "art-missions", "art-staffing",
                                                            "art-financing", "art-reporting", "art-evaluation",
                                                            "art-volunteers", "art-term"}));
  // The history: number, id, dates, and what changed, in the order applied.
  EXPECT_EQ(query(document, "string(/c:convention/c:amended-by/c:amendment/@number)"), "1");
  EXPECT_EQ(query(document, "string(/c:convention/c:amended-by/c:amendment/@id)"), "AVN-7.89.004-01");
  EXPECT_EQ(query(document, "string(/c:convention/c:amended-by/c:amendment/@date)"), "2026-12-07");
  EXPECT_EQ(query(document, "string(/c:convention/c:amended-by/c:amendment/@effective-date)"), "2027-01-01");
  EXPECT_EQ(query(document, "count(/c:convention/c:amended-by/c:amendment/c:change)"), "4");
  EXPECT_EQ(query(document, "string(/c:convention/c:amended-by/c:amendment/c:change[@kind = 'repealed']/@article)"),
            "art-no-supplement");
  const auto french = sharedPipeline().renderHtml(document, Lang::fr).html;
  EXPECT_NE(french.find("275,13\u00A0€"), std::string::npos);
  EXPECT_NE(french.find("Article 7. – Bénévoles <span class=\"amended-mark\">(inséré par l'avenant n° 1)</span>"),
            std::string::npos);
  // The staffing table's article shows the new financing's mark.
  EXPECT_NE(french.find("Article 3. – Personnel <span class=\"amended-mark\">(modifié par l'avenant n° 1)</span>"),
            std::string::npos);
}

TEST(Consolidation, AConventionNeverAmendedRendersAsBefore) {
  const auto& pipeline = sharedPipeline();
  const auto file = conventionFile("psychosocial-liege-fr");
  const auto html = pipeline.renderHtml(pipeline.validate(readFile(file), file.string()), Lang::fr).html;
  EXPECT_EQ(html.find("amended"), std::string::npos);
}

TEST(Consolidation, RefusesAnAmendmentOfAnotherConvention) {
  const auto amendment = readFile(amendmentFile("psychosocial-liege-fr"));
  const auto diagnostic = refusal(readFile(conventionFile("chronic-pain-gent-nl")), amendment);
  EXPECT_EQ(diagnostic.file, "amendment.xml");
  EXPECT_EQ(diagnostic.line, lineOf(amendment, "<convention id="));
  EXPECT_GT(diagnostic.column, 0);
  EXPECT_NE(diagnostic.message.find("CONV-7.72.015-2026"), std::string::npos) << diagnostic.message;
  // The right id with another number is refused too.
  const auto wrongNumber = replacedOnce(amendment, "number=\"7.72.015\"", "number=\"7.72.016\"");
  const auto numberDiagnostic = refusal(readFile(conventionFile("psychosocial-liege-fr")), wrongNumber);
  EXPECT_EQ(numberDiagnostic.line, lineOf(wrongNumber, "<convention id="));
  EXPECT_NE(numberDiagnostic.message.find("is n° 7.72.015"), std::string::npos) << numberDiagnostic.message;
}

TEST(Consolidation, RefusesAnUnknownArticleId) {
  const auto amendment = replacedOnce(readFile(amendmentFile("psychosocial-liege-fr")), "article=\"art-billing\" article-number=\"7\"",
                                  "article=\"art-invoicing\" article-number=\"7\"");
  const auto diagnostic = refusal(readFile(conventionFile("psychosocial-liege-fr")), amendment);
  EXPECT_EQ(diagnostic.line, lineOf(amendment, "<replace-article"));
  EXPECT_EQ(diagnostic.rule, "consolidation-article-unknown");
  EXPECT_NE(diagnostic.message.find("'art-invoicing' is not an article"), std::string::npos) << diagnostic.message;
  EXPECT_NE(diagnostic.toLine().find("amendment.xml:" + std::to_string(diagnostic.line) + ":"), std::string::npos);
}

TEST(Consolidation, RefusesAnArticleNumberThatIsNotTheArticlesNumber) {
  const auto amendment = replacedOnce(readFile(amendmentFile("psychosocial-liege-fr")), "article=\"art-billing\" article-number=\"7\"",
                                  "article=\"art-billing\" article-number=\"6\"");
  const auto diagnostic = refusal(readFile(conventionFile("psychosocial-liege-fr")), amendment);
  EXPECT_EQ(diagnostic.line, lineOf(amendment, "<replace-article"));
  EXPECT_EQ(diagnostic.rule, "consolidation-article-number");
  EXPECT_NE(diagnostic.message.find("is article 7"), std::string::npos) << diagnostic.message;
}

TEST(Consolidation, RefusesAnInsertedIdAlreadyUsed) {
  const auto amendment = replacedOnce(readFile(amendmentFile("psychosocial-liege-fr")), "id=\"art-data-protection\"",
                                  "id=\"art-reporting\"");
  const auto diagnostic = refusal(readFile(conventionFile("psychosocial-liege-fr")), amendment);
  EXPECT_EQ(diagnostic.line, lineOf(amendment, "<insert-article"));
  EXPECT_EQ(diagnostic.rule, "consolidation-insert-id-used");
}

TEST(Consolidation, RefusesTheSameAmendmentNumberTwice) {
  const auto once = consolidated("psychosocial-liege-fr");
  const auto amendment = readFile(amendmentFile("psychosocial-liege-fr"));
  const auto diagnostic = refusal(once.input, amendment);
  EXPECT_EQ(diagnostic.line, lineOf(amendment, "<number>"));
  EXPECT_EQ(diagnostic.rule, "consolidation-already-applied");
  EXPECT_NE(diagnostic.message.find("already been applied"), std::string::npos) << diagnostic.message;
}

TEST(Consolidation, RefusesAStatedReferenceNumberThatTheConsolidatedTextContradicts) {
  // art-financing is article 5 once article 2 is repealed, not 6.
  const auto amendment = replacedOnce(readFile(amendmentFile("psychosocial-liege-fr")),
                                  "<ref article=\"art-financing\" number=\"5\"/> couvre",
                                  "<ref article=\"art-financing\" number=\"6\"/> couvre");
  const auto diagnostic = refusal(readFile(conventionFile("psychosocial-liege-fr")), amendment);
  EXPECT_EQ(diagnostic.rule, "consolidation-ref-number");
  EXPECT_EQ(diagnostic.line, lineOf(amendment, "number=\"6\""));
  EXPECT_NE(diagnostic.message.find("article 5 of the convention as amended"), std::string::npos) << diagnostic.message;
}

TEST(Consolidation, RefusesToRepealAnArticleTheConventionStillRefersTo) {
  // art-reporting (8) is referred to by art-evaluation, which this amendment leaves as it is.
  const auto amendment = replacedOnce(readFile(amendmentFile("psychosocial-liege-fr")),
                                  "<repeal-article article=\"art-definitions\" article-number=\"2\"/>",
                                  "<repeal-article article=\"art-reporting\" article-number=\"8\"/>");
  try {
    consolidate(readFile(conventionFile("psychosocial-liege-fr")), "c.xml", amendment, "a.xml");
    ADD_FAILURE() << "applied";
  } catch (const paraph::xml::InvalidInput& invalid) {
    bool found = false;
    for (const auto& diagnostic : invalid.diagnostics()) {
      if (diagnostic.rule != "consolidation-ref-repealed") continue;
      found = true;
      EXPECT_EQ(diagnostic.line, lineOf(amendment, "<repeal-article"));
      EXPECT_NE(diagnostic.message.find("in the article 'art-evaluation'"), std::string::npos) << diagnostic.message;
    }
    EXPECT_TRUE(found) << invalid.what();
  }
}

TEST(Consolidation, ReportsEveryProblemWithTheAmendmentsFileLineAndColumn) {
  auto amendment = readFile(amendmentFile("psychosocial-liege-fr"));
  amendment = replacedOnce(amendment, "article=\"art-definitions\" article-number=\"2\"", "article=\"art-definitions\" article-number=\"3\"");
  amendment = replacedOnce(amendment, "after=\"art-evaluation\"", "after=\"art-evaluations\"");
  try {
    consolidate(readFile(conventionFile("psychosocial-liege-fr")), "c.xml", amendment, "a.xml");
    ADD_FAILURE() << "applied";
  } catch (const paraph::xml::InvalidInput& invalid) {
    ASSERT_GE(invalid.diagnostics().size(), 2u);
    for (const auto& diagnostic : invalid.diagnostics()) {
      EXPECT_EQ(diagnostic.file, "a.xml");
      EXPECT_GT(diagnostic.line, 0);
      EXPECT_GT(diagnostic.column, 0);
    }
  }
}
