// Validation messages in the staff's languages (catalog/l10n/messages.fr.xml, messages.nl.xml):
// every rule has its French and Dutch message, every pattern formats, and the errors staff
// meet (schema, parse, uniqueness, rules) come out in French and Dutch with their place.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "l10n/Formatter.h"
#include "pipeline/DiagnosticText.h"
#include "pipeline/Pipeline.h"
#include "pipeline/RuleSet.h"
#include "support/Fixtures.h"
#include "support/SharedPipeline.h"
#include "xml/SafeParser.h"
#include "xml/XPath.h"

using paraph::l10n::Lang;
using paraph::pipeline::localisedMessage;
using paraph::pipeline::MessageLanguage;
using paraph::pipeline::negotiateMessageLanguage;
using paraph::testing::filesIn;
using paraph::testing::kHome;
using paraph::testing::readFile;
using paraph::testing::replacedOnce;
using paraph::testing::sharedPipeline;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

// The keys of one message table, in file order.
std::vector<std::pair<std::string, std::string>> messageTable(const char* lang) {
  auto document = paraph::xml::parseTrustedFile((kHome / "catalog" / "l10n" / (std::string("messages.") + lang + ".xml")).string());
  std::vector<std::pair<std::string, std::string>> entries;
  for (xmlNode* text : paraph::xml::childElements(xmlDocGetRootElement(document.get()), "text")) {
    entries.emplace_back(paraph::xml::attribute(text, "key"), paraph::xml::textContent(text));
  }
  return entries;
}

// The refusal fixture, changed; validated, it must be refused: its first diagnostic.
paraph::xml::Diagnostic firstProblemOf(const std::string& input) {
  try {
    sharedPipeline().validate(input, "letter.xml");
  } catch (const paraph::xml::InvalidInput& invalid) {
    return invalid.diagnostics().front();
  }
  ADD_FAILURE() << "the variant was accepted";
  return {};
}

int lineOf(const std::string& text, const std::string& marker) {
  const auto position = text.find(marker);
  if (position == std::string::npos) return -1;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(position), '\n'));
}

std::string french(const paraph::xml::Diagnostic& diagnostic) {
  return localisedMessage(diagnostic, sharedPipeline().texts(), MessageLanguage::fr);
}
std::string dutch(const paraph::xml::Diagnostic& diagnostic) {
  return localisedMessage(diagnostic, sharedPipeline().texts(), MessageLanguage::nl);
}

const std::string kRefusal = readFile(kHome / "fixtures" / "letter" / "refused-charleroi-fr.xml");

}  // namespace

TEST(ValidationMessages, FrenchAndDutchTablesHaveTheSameKeysInTheSameOrder) {
  const auto fr = messageTable("fr");
  const auto nl = messageTable("nl");
  ASSERT_EQ(fr.size(), nl.size());
  for (std::size_t index = 0; index < fr.size(); ++index) EXPECT_EQ(fr[index].first, nl[index].first);
}

// A rule added to catalog/rules/ without its French and Dutch message fails here, naming it.
TEST(ValidationMessages, EveryRuleHasAFrenchAndADutchMessage) {
  const auto& texts = sharedPipeline().texts();
  const auto files = filesIn(kHome / "catalog" / "rules", ".xml");
  ASSERT_GE(files.size(), 6u);
  std::size_t rules = 0;
  for (const auto& file : files) {
    const paraph::pipeline::RuleSet ruleSet(file);
    for (const auto& rule : ruleSet.rules()) {
      ++rules;
      EXPECT_EQ(rule.key, "rule." + file.stem().string() + "." + rule.id);
      for (Lang lang : paraph::l10n::kAllLangs) {
        const std::string* pattern = texts.text(rule.key, lang);
        EXPECT_NE(pattern, nullptr) << rule.key << " has no message in messages." << paraph::l10n::code(lang) << ".xml";
        if (pattern == nullptr) continue;
        const std::string filled = paraph::l10n::formatMessage(lang, *pattern, {{"value", "VALUE-42"}}, true);
        // {value} where the English has it, so staff see the offending value in every language.
        if (rule.message.find("{value}") != std::string::npos) {
          EXPECT_THAT(filled, HasSubstr("VALUE-42")) << rule.key;
        }
        EXPECT_NE(filled, rule.message) << rule.key << " is still English";
      }
    }
  }
  EXPECT_GE(rules, 160u);
}

TEST(ValidationMessages, EveryPatternFormatsWithNoArgumentLeftAndNoAsciiApostrophe) {
  const paraph::l10n::MessageArguments arguments{
      {"value", "v"},          {"field", "f"},         {"expected", "e"},     {"limit", "9"},      {"length", "12"},
      {"attribute", "a"},      {"detail", "d"},        {"size", "1"},         {"element", "el"},   {"namespace", "ns"},
      {"known", "k"},          {"document", "doc"},    {"stated", "s"},       {"convention", "c"}, {"file", "x.xml"},
      {"number", "3"},         {"role", "replaced"},   {"article", "art"},    {"articles", "as"},  {"part", "p"},
      {"kind", "article"},     {"target", "t"},        {"container", "annex"}, {"containerId", "ci"}, {"line", "7"}};
  for (const char* lang : {"fr", "nl"}) {
    for (const auto& [key, pattern] : messageTable(lang)) {
      EXPECT_EQ(pattern.find('\''), std::string::npos) << key << ": an ASCII apostrophe quotes braces in ICU; write ’";
      std::string filled;
      EXPECT_NO_THROW(filled = paraph::l10n::formatMessage(*paraph::l10n::parseLang(lang), pattern, arguments, true)) << key;
      EXPECT_EQ(filled.find_first_of("{}"), std::string::npos) << key << " has an argument no diagnostic gives: " << filled;
    }
  }
}

// Every invalid fixture's problems exist in French and Dutch, not only in English.
TEST(ValidationMessages, EveryInvalidFixtureIsToldInFrenchAndDutch) {
  const auto& texts = sharedPipeline().texts();
  for (const auto& file : filesIn(kHome / "fixtures" / "invalid", ".xml")) {
    std::vector<paraph::xml::Diagnostic> diagnostics;
    try {
      sharedPipeline().validate(readFile(file), file.filename().string());
    } catch (const paraph::xml::InvalidInput& invalid) {
      diagnostics = invalid.diagnostics();
    }
    for (const auto& diagnostic : diagnostics) {
      EXPECT_FALSE(diagnostic.key.empty()) << file << ": no message key for " << diagnostic.message;
      for (Lang lang : paraph::l10n::kAllLangs) {
        EXPECT_NE(texts.text(diagnostic.key, lang), nullptr) << file << ": " << diagnostic.key;
      }
      EXPECT_NE(french(diagnostic), diagnostic.message) << file << ": " << diagnostic.key;
      EXPECT_NE(dutch(diagnostic), diagnostic.message) << file << ": " << diagnostic.key;
      EXPECT_NE(french(diagnostic), dutch(diagnostic)) << file << ": " << diagnostic.key;
    }
  }
}

TEST(ValidationMessages, ARuleIsToldInFrenchAndDutchAtItsPlaceWithItsValue) {
  const std::string refusedWithAmount =
      replacedOnce(kRefusal, "<decision outcome=\"refused\"/>", "<decision outcome=\"refused\"><amount>300.00</amount></decision>");
  const auto diagnostic = firstProblemOf(refusedWithAmount);
  EXPECT_EQ(diagnostic.key, "rule.letter.amount-forbidden-on-refusal");
  EXPECT_EQ(diagnostic.line, lineOf(refusedWithAmount, "<decision outcome"));
  EXPECT_GT(diagnostic.column, 0);
  // The amount quoted as submitted: no digit grouping, no lost decimals.
  EXPECT_EQ(french(diagnostic),
            "Un refus n’octroie aucun montant, mais <amount> vaut 300.00 : retirez <amount> de <decision>, ou changez "
            "la décision en granted ou partly-granted.");
  EXPECT_THAT(dutch(diagnostic), HasSubstr("Een weigering kent geen bedrag toe, maar <amount> is 300.00"));
  EXPECT_THAT(diagnostic.message, HasSubstr("A refusal grants no amount"));  // the English fallback
}

struct SchemaCase {
  const char* name;
  const char* from;
  const char* to;
  const char* marker;  // the text on the line the error must name
  const char* key;
  const char* field;
  const char* french;  // words of the French message
  const char* dutch;
};

class SchemaErrorKinds : public ::testing::TestWithParam<SchemaCase> {};

TEST_P(SchemaErrorKinds, AreToldInFrenchAndDutchWithLineColumnAndField) {
  const SchemaCase& kind = GetParam();
  const std::string variant = replacedOnce(kRefusal, kind.from, kind.to);
  const auto diagnostic = firstProblemOf(variant);
  EXPECT_EQ(diagnostic.key, kind.key) << diagnostic.message;
  EXPECT_EQ(diagnostic.line, lineOf(variant, kind.marker)) << diagnostic.toLine();
  EXPECT_GT(diagnostic.column, 0) << diagnostic.toLine();
  const std::string fr = french(diagnostic);
  const std::string nl = dutch(diagnostic);
  EXPECT_THAT(fr, HasSubstr(kind.field));
  EXPECT_THAT(nl, HasSubstr(kind.field));
  EXPECT_THAT(fr, HasSubstr(kind.french));
  EXPECT_THAT(nl, HasSubstr(kind.dutch));
  // The field in words, not a namespace URI or libxml2's English.
  EXPECT_THAT(fr, Not(HasSubstr("https://")));
  EXPECT_THAT(fr, Not(HasSubstr("Element '")));
}

INSTANTIATE_TEST_SUITE_P(
    Letter, SchemaErrorKinds,
    ::testing::Values(
        SchemaCase{"MissingElement", "<city>Charleroi</city>", "", "<address>", "schema.missing-element", "recipient/address",
                   "Il manque un élément dans recipient/address : city est attendu", "Er ontbreekt een element in recipient/address: city"},
        SchemaCase{"UnexpectedElement", "<date>2026-02-16</date>", "<date>2026-02-16</date><colour>red</colour>", "<colour>",
                   "schema.unexpected-element", "colour", "n’est pas attendu à cet endroit ; est attendu : reference",
                   "wordt hier niet verwacht; verwacht: reference"},
        SchemaCase{"BadDate", "<date>2026-02-16</date>", "<date>2026-02-30</date>", "<date>", "schema.bad-date", "date",
                   "«\u00a02026-02-30\u00a0» n’est pas une date réelle", "\"2026-02-30\" is geen bestaande datum"},
        SchemaCase{"InvalidValue", "<amount-requested>12500.00</amount-requested>", "<amount-requested>twelve</amount-requested>",
                   "<amount-requested>", "schema.invalid-value", "request/amount-requested",
                   "La valeur «\u00a0twelve\u00a0» n’est pas acceptée", "De waarde \"twelve\" wordt niet aanvaard"},
        SchemaCase{"FractionDigits", "<amount-requested>12500.00</amount-requested>",
                   "<amount-requested>12500.005</amount-requested>", "<amount-requested>", "schema.fraction-digits",
                   "request/amount-requested", "a plus de 2 décimales", "heeft meer dan 2 decimalen"},
        SchemaCase{"Pattern", "<reference>RP/2026/00298</reference>", "<reference>RP-2026-298</reference>", "<reference>",
                   "schema.pattern", "reference", "«\u00a0RP-2026-298\u00a0» de reference n’a pas la forme attendue",
                   "\"RP-2026-298\" van reference heeft niet de verwachte vorm"},
        SchemaCase{"Enumeration", "salutation=\"madam\"", "salutation=\"madame\"", "<recipient", "schema.enumeration",
                   "recipient/@salutation", "ne fait pas partie des valeurs permises : 'madam', 'sir', 'neutral'",
                   "hoort niet bij de toegestane waarden: 'madam', 'sir', 'neutral'"},
        SchemaCase{"TooLong", "id=\"RP-2026-00298\"",
                   "id=\"RP-2026-00298-0123456789-0123456789-0123456789-0123456789-0123456789\"", "<letter", "schema.too-long",
                   "letter/@id", "est trop long : 68 caractères, pour 64 au plus", "is te lang: 68 tekens, terwijl er hoogstens 64"},
        SchemaCase{"MissingAttribute", " salutation=\"madam\"", "", "<recipient", "schema.missing-attribute", "recipient",
                   "L’attribut salutation est obligatoire sur recipient", "Het attribuut salutation is verplicht op recipient"},
        SchemaCase{"UnexpectedAttribute", "<decision outcome=\"refused\"/>", "<decision outcome=\"refused\" colour=\"red\"/>",
                   "<decision", "schema.unexpected-attribute", "decision", "L’attribut colour n’est pas permis sur decision",
                   "Het attribuut colour is niet toegestaan op decision"}),
    [](const ::testing::TestParamInfo<SchemaCase>& param) { return std::string(param.param.name); });

TEST(ValidationMessages, ParseErrorsAreToldInFrenchAndDutch) {
  const auto doctype = firstProblemOf("<?xml version=\"1.0\"?>\n<!DOCTYPE letter [<!ENTITY x \"y\">]>\n<letter/>");
  EXPECT_EQ(doctype.key, "parse.doctype");
  EXPECT_THAT(french(doctype), HasSubstr("Les déclarations DOCTYPE sont refusées"));
  EXPECT_THAT(dutch(doctype), HasSubstr("DOCTYPE-declaraties worden geweigerd"));

  const auto mismatch = firstProblemOf("<letter>\n  <date>2026-02-16</dat>\n</letter>");
  EXPECT_EQ(mismatch.key, "parse.tag-mismatch");
  EXPECT_EQ(mismatch.line, 2);
  EXPECT_THAT(french(mismatch), HasSubstr("une balise n’est pas fermée"));
  EXPECT_THAT(dutch(mismatch), HasSubstr("een tag is niet gesloten"));

  const auto entity = firstProblemOf("<letter>\n  <date>&nbsp;</date>\n</letter>");
  EXPECT_EQ(entity.key, "parse.entity");
  EXPECT_THAT(french(entity), HasSubstr("référence d’entité refusée"));
  EXPECT_THAT(dutch(entity), HasSubstr("entiteitsverwijzing"));
}

TEST(ValidationMessages, AUniqueValueTakenIsToldInFrenchAndDutch) {
  const auto circulars = filesIn(kHome / "fixtures" / "circular", ".xml");
  ASSERT_FALSE(circulars.empty());
  const auto document = sharedPipeline().validate(readFile(circulars.front()), circulars.front().filename().string());
  ASSERT_FALSE(document.uniqueValues.empty());
  const auto conflict = document.uniqueValues.front().conflictWith("OTHER-CIRCULAR");
  EXPECT_EQ(conflict.key, "unique.circular.number");
  EXPECT_THAT(french(conflict), HasSubstr("est déjà utilisé par le document OTHER-CIRCULAR"));
  EXPECT_THAT(dutch(conflict), HasSubstr("wordt al gebruikt door document OTHER-CIRCULAR"));
  EXPECT_THAT(french(conflict), HasSubstr(document.uniqueValues.front().value));
}

TEST(ValidationMessages, EnglishStaysForClientsThatAskForItAndForUnknownKeys) {
  paraph::xml::Diagnostic diagnostic;
  diagnostic.message = "English text";
  EXPECT_EQ(localisedMessage(diagnostic, sharedPipeline().texts(), MessageLanguage::fr), "English text");
  diagnostic.localisedAs("rule.letter.no-such-rule");
  EXPECT_EQ(localisedMessage(diagnostic, sharedPipeline().texts(), MessageLanguage::nl), "English text");
  diagnostic.localisedAs("schema.mismatch");
  EXPECT_EQ(localisedMessage(diagnostic, sharedPipeline().texts(), MessageLanguage::en), "English text");
  EXPECT_EQ(localisedMessage(diagnostic, sharedPipeline().texts(), MessageLanguage::nl),
            "Het document voldoet niet aan het schema van zijn type.");
}

TEST(ValidationMessages, AcceptLanguagePicksTheBestOfFrenchDutchAndEnglish) {
  EXPECT_EQ(negotiateMessageLanguage("", MessageLanguage::en), MessageLanguage::en);
  EXPECT_EQ(negotiateMessageLanguage("nl-BE,nl;q=0.9,fr;q=0.8", MessageLanguage::en), MessageLanguage::nl);
  EXPECT_EQ(negotiateMessageLanguage("fr-BE", MessageLanguage::en), MessageLanguage::fr);
  EXPECT_EQ(negotiateMessageLanguage("de-DE, fr;q=0.5, nl;q=0.7", MessageLanguage::en), MessageLanguage::nl);
  EXPECT_EQ(negotiateMessageLanguage("en-GB,fr;q=0.9", MessageLanguage::fr), MessageLanguage::en);
  EXPECT_EQ(negotiateMessageLanguage("de, *", MessageLanguage::fr), MessageLanguage::fr);
  EXPECT_EQ(negotiateMessageLanguage("fr;q=0, nl", MessageLanguage::en), MessageLanguage::nl);
}
