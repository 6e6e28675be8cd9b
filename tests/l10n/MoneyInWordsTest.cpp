// Amounts in words (ICU 72 spellout, Belgian French and Dutch), as on payment orders.
#include <gtest/gtest.h>

#include "l10n/Formatter.h"

namespace paraph::l10n {
namespace {

std::string inWords(Lang lang, const char* text) {
  return moneyInWords(lang, Money::parse(text).value());
}

TEST(MoneyInWordsFrench, WholeEuros) {
  EXPECT_EQ(inWords(Lang::fr, "1234"), "mille deux cent trente-quatre euros");
  EXPECT_EQ(inWords(Lang::fr, "1"), "un euro");
  EXPECT_EQ(inWords(Lang::fr, "2"), "deux euros");
  EXPECT_EQ(inWords(Lang::fr, "0"), "z\u00E9ro euro");
}

TEST(MoneyInWordsFrench, EurosAndCents) {
  EXPECT_EQ(inWords(Lang::fr, "1234.56"),
            "mille deux cent trente-quatre euros et cinquante-six cents");
  EXPECT_EQ(inWords(Lang::fr, "1.01"), "un euro et un cent");
  EXPECT_EQ(inWords(Lang::fr, "0.01"), "un cent");
  EXPECT_EQ(inWords(Lang::fr, "0.56"), "cinquante-six cents");
  EXPECT_EQ(inWords(Lang::fr, "2.5"), "deux euros et cinquante cents");
}

TEST(MoneyInWordsFrench, BelgianNumeralsAndTraditionalOrthography) {
  // septante / nonante, "et" hyphenated, "cents" plural only when final (CLDR fr_BE).
  EXPECT_EQ(inWords(Lang::fr, "71"), "septante-et-un euros");
  EXPECT_EQ(inWords(Lang::fr, "91"), "nonante-et-un euros");
  EXPECT_EQ(inWords(Lang::fr, "99"), "nonante-neuf euros");
  EXPECT_EQ(inWords(Lang::fr, "80"), "quatre-vingts euros");
  EXPECT_EQ(inWords(Lang::fr, "200"), "deux cents euros");
  EXPECT_EQ(inWords(Lang::fr, "201"), "deux cent un euros");
  EXPECT_EQ(inWords(Lang::fr, "2000"), "deux mille euros");
}

TEST(MoneyInWordsFrench, EightyOneToEightyNineAreHyphenated) {
  // ICU 72's fr_BE rules give "quatre-vingt un"; the correction applies wherever it occurs.
  EXPECT_EQ(inWords(Lang::fr, "81"), "quatre-vingt-un euros");
  EXPECT_EQ(inWords(Lang::fr, "89.81"), "quatre-vingt-neuf euros et quatre-vingt-un cents");
  EXPECT_EQ(inWords(Lang::fr, "1081"), "mille quatre-vingt-un euros");
  EXPECT_EQ(inWords(Lang::fr, "81000"), "quatre-vingt-un mille euros");
}

TEST(MoneyInWordsFrench, RoundMillionsTakeDe) {
  EXPECT_EQ(inWords(Lang::fr, "1000000"), "un million d'euros");
  EXPECT_EQ(inWords(Lang::fr, "2000000.50"), "deux millions d'euros et cinquante cents");
  EXPECT_EQ(inWords(Lang::fr, "2500000"), "deux millions cinq cent mille euros");
  EXPECT_EQ(inWords(Lang::fr, "1000000000"), "un milliard d'euros");
}

TEST(MoneyInWordsDutch, WholeEurosWrittenAsOneWord) {
  EXPECT_EQ(inWords(Lang::nl, "1234"), "duizendtweehonderdvierendertig euro");
  EXPECT_EQ(inWords(Lang::nl, "1"), "een euro");
  EXPECT_EQ(inWords(Lang::nl, "21"), "eenentwintig euro");
  EXPECT_EQ(inWords(Lang::nl, "0"), "nul euro");
  EXPECT_EQ(inWords(Lang::nl, "1000000"), "een miljoen euro");
  EXPECT_EQ(inWords(Lang::nl, "2500000"), "twee miljoen vijfhonderdduizend euro");
}

TEST(MoneyInWordsDutch, EurosAndCents) {
  EXPECT_EQ(inWords(Lang::nl, "1234.56"), "duizendtweehonderdvierendertig euro en zesenvijftig cent");
  EXPECT_EQ(inWords(Lang::nl, "0.01"), "een cent");
  EXPECT_EQ(inWords(Lang::nl, "2.5"), "twee euro en vijftig cent");
}

TEST(MoneyInWordsDutch, NoSoftHyphensFromIcuRemain) {
  for (const char* text : {"1234.56", "92233720368547758.07", "81.99"}) {
    EXPECT_EQ(inWords(Lang::nl, text).find("\u00AD"), std::string::npos) << text;
  }
}

TEST(MoneyInWords, NegativeAmountsAreRefused) {
  for (Lang lang : kAllLangs) {
    EXPECT_THROW(inWords(lang, "-0.01"), FormatError);
    EXPECT_THROW(inWords(lang, "-12"), FormatError);
  }
}

}  // namespace
}  // namespace paraph::l10n
