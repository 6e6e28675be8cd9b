#include <gtest/gtest.h>

#include "review/QaChecker.h"
#include "review/QaChecks.h"
#include "review/ReviewTestSupport.h"

namespace qa = paraph::review::qa;
using paraph::review::Finding;
using paraph::review::QaChecker;
using paraph::review::Segment;
using paraph::review::Severity;
using paraph::review::TermMatcher;
using paraph::testing::fixture;
using paraph::testing::segmentAt;
using paraph::testing::segmentsOf;
using paraph::testing::sharedPipeline;

namespace {

// One segment pair, as it would come from an input document (inline markup allowed).
Segment pairOf(const std::string& french, const std::string& dutch, const std::string& source = "fr") {
  const auto document = segmentsOf("<doc xmlns=\"urn:example\" id=\"d\" source-language=\"" + source + "\"><p><fr>" +
                                   french + "</fr><nl>" + dutch + "</nl></p></doc>");
  return document.segments.at(0);
}

const TermMatcher& terms() {
  static const TermMatcher matcher(sharedPipeline().texts());
  return matcher;
}

std::string describe(const std::vector<Finding>& findings) {
  std::string text;
  for (const auto& finding : findings) {
    text += finding.check + " (" + std::string(paraph::review::nameOf(finding.severity)) + "): " + finding.message + "\n";
  }
  return text;
}

}  // namespace

TEST(QaMissingTarget, AnEmptyOrAbsentTargetIsAnError) {
  const auto findings = qa::missingTarget(pairOf("Le programme est approuvé.", ""));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].check, "missing-target");
  EXPECT_EQ(findings[0].severity, Severity::error);
  const auto absent = segmentsOf(R"(<doc xmlns="urn:example" id="d" source-language="fr"><p><fr>Texte.</fr></p></doc>)");
  EXPECT_EQ(qa::missingTarget(absent.segments.at(0)).size(), 1u);
  EXPECT_TRUE(qa::missingTarget(pairOf("Le programme est approuvé.", "Het programma is goedgekeurd.")).empty());
}

TEST(QaIdenticalTarget, AnUntranslatedTargetIsAWarningButACodeIsNot) {
  const auto findings = qa::identicalTarget(pairOf("Le programme est approuvé.", "Le programme est approuvé."));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::warning);
  EXPECT_TRUE(qa::identicalTarget(pairOf("Le programme est approuvé.", "Het programma is goedgekeurd.")).empty());
  EXPECT_TRUE(qa::identicalTarget(pairOf("771832 – 2026/123", "771832 – 2026/123")).empty());
}

TEST(QaFigures, ANumberAmountDateOrReferenceThatDiffersIsAnError) {
  const auto amount = qa::figures(pairOf("Montant : 1\u202F234,56\u00A0€ le 1 mars 2026", "Bedrag: €\u00A01.243,56 op 1 maart 2026"));
  ASSERT_EQ(amount.size(), 1u) << describe(amount);
  EXPECT_EQ(amount[0].severity, Severity::error);
  EXPECT_NE(amount[0].message.find("number:1234.56"), std::string::npos) << amount[0].message;
  EXPECT_EQ(qa::figures(pairOf("au 1 mars 2026", "op 1 april 2026")).size(), 1u);
  EXPECT_EQ(qa::figures(pairOf("dossier RP/2026/00412", "dossier RP/2026/00421")).size(), 1u);
  const auto article = qa::figures(pairOf("l'article 109bis de la loi", "artikel 109ter van de wet"));
  ASSERT_EQ(article.size(), 1u);
  EXPECT_NE(article[0].message.find("article:109bis"), std::string::npos) << article[0].message;
  const auto reference = qa::figures(pairOf("visé à l'<ref article=\"art-programme\"/> ;", "bedoeld in <ref article=\"art-staffing\"/>;"));
  EXPECT_EQ(reference.size(), 1u) << describe(reference);
}

TEST(QaFigures, TheSameFactsInEachLocalesFormatsPass) {
  EXPECT_TRUE(qa::figures(pairOf("Montant : 1\u202F234,56\u00A0€ le 1 mars 2026 (réf. RP/2026/00412)",
                                 "Bedrag: €\u00A01.234,56 op 1 maart 2026 (ref. RP/2026/00412)"))
                  .empty());
  EXPECT_TRUE(qa::figures(pairOf("visé à l'<ref article=\"art-programme\"/> ;", "bedoeld in <ref article=\"art-programme\"/>;")).empty());
  const auto letter = segmentsOf(fixture("letter/refused-charleroi-fr.xml"));
  const auto findings = qa::figures(*segmentAt(letter, "/letter/motivation/grounds/p"));
  EXPECT_TRUE(findings.empty()) << describe(findings);  // article 109bis, 215quater, 14 juillet 1994…
}

TEST(QaTerminology, ACatalogTermWhoseOfficialPairIsMissingIsAWarning) {
  const auto findings = qa::terminology(pairOf("L'organisme assureur rembourse les frais.", "Het ziekenfonds betaalt de kosten terug."), terms());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].check, "terminology");
  EXPECT_EQ(findings[0].severity, Severity::warning);
  EXPECT_NE(findings[0].message.find("verzekeringsinstelling"), std::string::npos) << findings[0].message;
}

TEST(QaTerminology, TheOfficialPairInflectedOrAbbreviatedPasses) {
  EXPECT_TRUE(qa::terminology(pairOf("Les organismes assureurs remboursent.", "De verzekeringsinstellingen betalen terug."), terms()).empty());
  EXPECT_TRUE(qa::terminology(pairOf("Circulaire aux O.A.", "Omzendbrief aan de V.I."), terms()).empty());
  EXPECT_TRUE(qa::terminology(pairOf("De adviserend arts beslist.", "Le médecin-conseil décide.", "nl"), terms()).empty());
  // A Dutch compound on the term; a term inside a longer term is the longer term's business.
  EXPECT_TRUE(qa::terminology(pairOf("Conventions de rééducation fonctionnelle des centres de référence",
                                     "Revalidatieovereenkomsten van de referentiecentra"), terms())
                  .empty());
}

TEST(QaUnpairedBrackets, AnUnclosedBracketOrQuoteIsAnError) {
  const auto findings = qa::unpairedBrackets(pairOf("(article 7 de la loi)", "(artikel 7 van de wet"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::error);
  EXPECT_NE(findings[0].message.find("Dutch"), std::string::npos);
  EXPECT_EQ(qa::unpairedBrackets(pairOf("le centre «\u00A0La Passerelle", "het centrum \"La Passerelle\"")).size(), 1u);
  EXPECT_EQ(qa::unpairedBrackets(pairOf("le centre La Passerelle", "het centrum \"La Passerelle")).size(), 1u);
}

TEST(QaUnpairedBrackets, BalancedPairsAndListMarkersPass) {
  EXPECT_TRUE(qa::unpairedBrackets(pairOf("le centre «\u00A0La Passerelle\u00A0» (Liège) : 1) accueil ; 2) suivi",
                                          "het centrum „La Passerelle” (Luik): 1) onthaal; 2) opvolging"))
                  .empty());
}

TEST(QaSpacing, ADoubleOrLeadingOrTrailingSpaceInOneLanguageOnlyIsAWarning) {
  const auto doubled = qa::spacing(pairOf("Le  programme est approuvé.", "Het programma is goedgekeurd."));
  ASSERT_EQ(doubled.size(), 1u);
  EXPECT_EQ(doubled[0].severity, Severity::warning);
  EXPECT_NE(doubled[0].message.find("double space"), std::string::npos);
  EXPECT_EQ(qa::spacing(pairOf("Le programme est approuvé.", "Het programma is goedgekeurd. ")).size(), 1u);
  EXPECT_EQ(qa::spacing(pairOf(" Le programme est approuvé.", "Het programma is goedgekeurd.")).size(), 1u);
}

TEST(QaSpacing, MatchingSpacesAndTheFilesLineBreaksPass) {
  EXPECT_TRUE(qa::spacing(pairOf("Le programme est approuvé.", "Het programma is goedgekeurd.")).empty());
  EXPECT_TRUE(qa::spacing(pairOf("Le programme\n        est approuvé.", "Het programma is goedgekeurd.")).empty());
}

TEST(QaFrenchTypography, APlainOrMissingSpaceBeforeHighPunctuationOrInsideGuillemetsIsAWarning) {
  const auto plain = qa::frenchTypography(pairOf("on entend par :", "wordt verstaan onder:"));
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].severity, Severity::warning);
  EXPECT_NE(plain[0].message.find("plain space"), std::string::npos);
  EXPECT_EQ(qa::frenchTypography(pairOf("Pourquoi?", "Waarom?")).size(), 1u);
  EXPECT_EQ(qa::frenchTypography(pairOf("le centre « La Passerelle »", "het centrum \"La Passerelle\"")).size(), 2u);
  // French is checked whichever language is the source.
  EXPECT_EQ(qa::frenchTypography(pairOf("Attention!", "Let op!", "nl")).size(), 1u);
}

TEST(QaFrenchTypography, NoBreakSpacesTimesAndAddressesPass) {
  EXPECT_TRUE(qa::frenchTypography(pairOf("on entend par\u00A0: le centre «\u202FLa Passerelle\u202F»\u00A0; à 10:30, voir https://www.inami.fgov.be\u00A0!",
                                          "wordt verstaan onder: het centrum"))
                  .empty());
  EXPECT_TRUE(qa::frenchTypography(pairOf("Pourquoi\u202F?", "Waarom?")).empty());
}

TEST(QaChecker, AMissingTargetIsReportedAloneAndErrorsBlockApproval) {
  const QaChecker checker(sharedPipeline().texts());
  const auto missing = checker.check(pairOf("L'organisme assureur (O.A.) paie 12,50\u00A0€.", ""));
  ASSERT_EQ(missing.size(), 1u) << describe(missing);
  EXPECT_TRUE(QaChecker::hasErrors(missing));
  const auto clean = checker.check(pairOf("L'organisme assureur paie 12,50\u00A0€.", "De verzekeringsinstelling betaalt €\u00A012,50."));
  EXPECT_TRUE(clean.empty()) << describe(clean);
}

TEST(QaChecker, NoValidFixtureOfAnyTypeHasAnError) {
  const QaChecker checker(sharedPipeline().texts());
  std::size_t documents = 0;
  for (const std::string type : {"letter", "convention", "circular", "press-release", "minutes"}) {
    for (const auto& file : paraph::testing::filesIn(paraph::testing::kHome / "fixtures" / type, ".xml")) {
      SCOPED_TRACE(file.string());
      const auto findings = checker.check(segmentsOf(paraph::testing::readFile(file), file.string()));
      std::vector<Finding> errors;
      for (const auto& finding : findings) {
        if (finding.severity == Severity::error) errors.push_back(finding);
      }
      EXPECT_TRUE(errors.empty()) << describe(errors);
      ++documents;
    }
  }
  EXPECT_GE(documents, 6u);
}
