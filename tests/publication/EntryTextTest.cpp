// An entry's title and summary, read from the rendered HTML of xslt/*/html.xsl.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "publication/EntryText.h"
#include "support/Command.h"
#include "support/Fixtures.h"

namespace paraph::publication {
namespace {

using testing::filesIn;
using testing::kHome;
using testing::readFile;
using testing::runParaph;

std::size_t codePoints(const std::string& text) {
  std::size_t count = 0;
  for (const char character : text) count += (static_cast<unsigned char>(character) & 0xC0U) != 0x80U ? 1 : 0;
  return count;
}

// The shape of the project's outputs (xslt/common/page.xsl): HTML5 with a DOCTYPE, the
// Content-Type meta libxslt adds, inlined styles, a letterhead header, then <main>.
const std::string kPressRelease = R"(<!DOCTYPE html>
<html lang="fr-BE"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Communiqué de presse :
   Budget 2026   des soins psychologiques</title>
<meta name="paraph-document-id" content="cp-2026-03-psr-budget">
<style>p { margin: 0 } main::before { content: "<p>not a paragraph</p>" }</style></head>
<body class="doc-press-release"><header class="doc-head"><div class="letterhead"><p>Institut national d’assurance maladie-invalidité</p></div></header>
<main class="press-release">
<p class="doc-kind" data-segment="kind">communiqué de presse</p>
<p class="dateline" data-segment="dateline"><time datetime="2026-03-02">Bruxelles, le 2 mars 2026</time></p>
<h1 class="title">Budget 2026 des soins psychologiques</h1>
<p class="lead" data-segment="lead">L’INAMI consacre
  <strong>12,5 millions d’euros</strong> de plus<br>aux soins psychologiques de première ligne.</p>
<p>Deuxième paragraphe.</p>
</main></body></html>)";

TEST(EntryText, TitleFromTitleAndSummaryFromTheLead) {
  const EntryText text = entryTextFromHtml(kPressRelease);
  EXPECT_EQ(text.title, "Communiqué de presse : Budget 2026 des soins psychologiques");
  EXPECT_EQ(text.summary, "L’INAMI consacre 12,5 millions d’euros de plus aux soins psychologiques de première ligne.");
}

TEST(EntryText, WithoutLeadTakesTheFirstParagraphOfMainSkippingKindAndDateline) {
  std::string html = kPressRelease;
  html.replace(html.find("class=\"lead\""), 12, "class=\"intro\"");
  EXPECT_EQ(entryTextFromHtml(html).summary,
            "L’INAMI consacre 12,5 millions d’euros de plus aux soins psychologiques de première ligne.");
  const std::string letter =
      "<html><head><title>Lettre</title></head><body><header><p>En-tête</p></header>"
      "<main class=\"letter-body\"><p class=\"salutation\">  </p><p class=\"salutation\">Madame,\n Monsieur,</p>"
      "<p>Aux organismes assureurs :</p><p>Suite.</p></main></body></html>";
  EXPECT_EQ(entryTextFromHtml(letter).summary, "Suite.");
  const std::string noMain = "<html><head><title>T</title></head><body><div><p>Corps\tdu texte</p></div></body></html>";
  EXPECT_EQ(entryTextFromHtml(noMain).summary, "Corps du texte");
}

TEST(EntryText, MetaDescriptionWinsWhenPresent) {
  std::string html = kPressRelease;
  html.insert(html.find("</head>"), "<meta name=\"Description\" content=\"  Un résumé\n écrit  pour le site. \">");
  EXPECT_EQ(entryTextFromHtml(html).summary, "Un résumé écrit pour le site.");
  std::string blank = kPressRelease;
  blank.insert(blank.find("</head>"), "<meta name=\"description\" content=\"   \">");
  EXPECT_TRUE(entryTextFromHtml(blank).summary.starts_with("L’INAMI consacre"));
}

TEST(EntryText, LongSummaryIsCutAtAWordWithAnEllipsis) {
  std::string words;
  for (int i = 0; i < 80; ++i) words += "mot" + std::to_string(i) + (i % 7 == 6 ? ", " : " ");
  const std::string html = "<html><head><title>T</title></head><body><main><p>" + words + "</p></main></body></html>";
  const std::string summary = entryTextFromHtml(html).summary;
  EXPECT_LE(codePoints(summary), kMaxSummaryCharacters);
  EXPECT_GT(codePoints(summary), kMaxSummaryCharacters - 10);
  ASSERT_TRUE(summary.ends_with("\u2026")) << summary;
  const std::string kept = summary.substr(0, summary.size() - std::string("\u2026").size());
  EXPECT_EQ(words.find(kept), 0u) << summary;
  EXPECT_TRUE(words[kept.size()] == ' ' || words[kept.size()] == ',') << summary;  // a whole word
  EXPECT_FALSE(kept.ends_with(",")) << summary;

  EXPECT_EQ(cutAtWord("court", 300), "court");
  EXPECT_EQ(cutAtWord("un deux trois", 9), "un deux\u2026");
  EXPECT_EQ(cutAtWord("un deux trois", 8), "un deux\u2026");
  EXPECT_EQ(cutAtWord("un deux trois", 7), "un\u2026");
  EXPECT_EQ(cutAtWord("anticonstitutionnellement", 6), "antic\u2026");
  // Characters, not bytes: é is two bytes and one character.
  EXPECT_EQ(cutAtWord("été été", 7), "été été");
  EXPECT_EQ(cutAtWord("été été été", 8), "été été\u2026");
}

TEST(EntryText, OddInputGivesEmptyFieldsNotAnError) {
  EXPECT_EQ(entryTextFromHtml("").title, "");
  EXPECT_EQ(entryTextFromHtml("<p>only").title, "");
  EXPECT_EQ(entryTextFromHtml("<p>only").summary, "only");
  const EntryText text = entryTextFromHtml("<html><head><title>\xC2\xA0Titre\xC2\xA0:</title></head></html>");
  EXPECT_EQ(text.title, "\xC2\xA0Titre\xC2\xA0:");  // no-break spaces are kept
  EXPECT_EQ(text.summary, "");
}

TEST(EntryText, ReadsAPressReleaseRenderedByTheCommandLine) {
  const auto fixtures = filesIn(kHome / "fixtures" / "press-release", ".xml");
  ASSERT_FALSE(fixtures.empty());
  const auto out = std::filesystem::temp_directory_path() / ("paraph-publication-" + std::to_string(::getpid()));
  std::filesystem::remove_all(out);
  const auto result =
      runParaph("render " + fixtures.front().string() + " --lang both --format html --out " + out.string());
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const auto written = filesIn(out, ".html");
  ASSERT_EQ(written.size(), 2u) << result.output;
  for (const auto& file : written) {
    const std::string html = readFile(file);
    const EntryText text = entryTextFromHtml(html);
    const bool french = file.string().ends_with(".fr.html");
    SCOPED_TRACE(file.string() + "\ntitle: " + text.title + "\nsummary: " + text.summary);
    EXPECT_FALSE(text.title.empty());
    EXPECT_EQ(text.title.find('\n'), std::string::npos);
    EXPECT_EQ(text.title.find("  "), std::string::npos);
    EXPECT_TRUE(text.title.starts_with(french ? "Communiqué de presse" : "Persbericht"));
    // The lead, not the kind or the dateline.
    EXPECT_GT(codePoints(text.summary), 40u);
    EXPECT_LE(codePoints(text.summary), kMaxSummaryCharacters);
    EXPECT_EQ(text.summary.find(french ? "Bruxelles, le" : "Brussel,"), std::string::npos);
    const auto leadStart = html.find("class=\"lead\"");
    ASSERT_NE(leadStart, std::string::npos);
    const std::string firstWords = text.summary.substr(0, text.summary.find(' '));
    EXPECT_NE(html.find(firstWords, leadStart), std::string::npos);
  }
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace paraph::publication
