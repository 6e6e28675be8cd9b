#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <unistd.h>

#include "support/Command.h"
#include "support/Fixtures.h"

using paraph::testing::filesIn;
using paraph::testing::kHome;
using paraph::testing::runParaph;

namespace {

std::filesystem::path freshFolder(const std::string& name) {
  auto folder = std::filesystem::temp_directory_path() / ("paraph-cli-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  return folder;
}

std::string firstLetter() { return filesIn(kHome / "fixtures" / "letter", ".xml").front().string(); }

}  // namespace

TEST(CommandLine, ValidateAcceptsEveryFixtureLetter) {
  std::string files;
  for (const auto& file : filesIn(kHome / "fixtures" / "letter", ".xml")) files += " " + file.string();
  const auto result = runParaph("validate" + files);
  EXPECT_EQ(result.exitCode, 0) << result.output;
  EXPECT_EQ(result.output, "");
}

TEST(CommandLine, ValidateReportsEachProblemAsFileLineColumn) {
  const auto files = filesIn(kHome / "fixtures" / "invalid", ".xml");
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    const auto result = runParaph("validate " + file.string());
    EXPECT_EQ(result.exitCode, 1) << file << "\n" << result.output;
    const std::regex line("^" + std::regex_replace(file.string(), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                          R"(:[0-9]+:[0-9]+: .+)");
    EXPECT_TRUE(std::regex_search(result.output, line)) << result.output;
  }
}

TEST(CommandLine, RenderWritesOneHtmlFilePerLanguageNamedAfterTheDocumentId) {
  const auto out = freshFolder("render");
  const auto result = runParaph("render " + firstLetter() + " --lang both --format html --out " + out.string());
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const auto written = filesIn(out, ".html");
  ASSERT_EQ(written.size(), 2u) << result.output;
  EXPECT_TRUE(written[0].string().ends_with(".fr.html"));
  EXPECT_TRUE(written[1].string().ends_with(".nl.html"));
  for (const auto& file : written) EXPECT_NE(result.output.find(file.string()), std::string::npos);
  std::filesystem::remove_all(out);
}

TEST(CommandLine, RenderOfInvalidInputWritesNothingAndExitsOne) {
  const auto out = freshFolder("invalid");
  const auto invalid = kHome / "fixtures" / "invalid" / "xxe-local-file.xml";
  const auto result = runParaph("render " + invalid.string() + " --out " + out.string());
  EXPECT_EQ(result.exitCode, 1) << result.output;
  EXPECT_NE(result.output.find("DOCTYPE declarations are not allowed"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("root:x:0:0"), std::string::npos);
  EXPECT_TRUE(filesIn(out, ".html").empty());
  std::filesystem::remove_all(out);
}

TEST(CommandLine, UsageErrorsExitTwo) {
  EXPECT_EQ(runParaph("").exitCode, 2);
  EXPECT_EQ(runParaph("frobnicate").exitCode, 2);
  EXPECT_EQ(runParaph("validate").exitCode, 2);
  EXPECT_EQ(runParaph("render " + firstLetter() + " --lang de").exitCode, 2);
  EXPECT_EQ(runParaph("render " + firstLetter() + " --format docx").exitCode, 2);
  EXPECT_EQ(runParaph("render " + firstLetter() + " --colour red").exitCode, 2);
  const auto missing = runParaph("validate /nonexistent/letter.xml");
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.output.find("cannot read /nonexistent/letter.xml"), std::string::npos);
}

TEST(CommandLine, HelpIsEverywhere) {
  for (const char* command : {"--help", "help", "validate --help", "render --help", "consolidate --help", "doctypes --help"}) {
    const auto result = runParaph(command);
    EXPECT_EQ(result.exitCode, 0) << command;
    EXPECT_NE(result.output.find("Usage: paraph"), std::string::npos) << command << "\n" << result.output;
  }
}

TEST(CommandLine, DoctypesListsTheLetter) {
  const auto result = runParaph("doctypes");
  EXPECT_EQ(result.exitCode, 0) << result.output;
  EXPECT_NE(result.output.find("letter\t{https://paraph.inami.fgov.be/ns/letter/1}letter"), std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("Lettre de notification / Kennisgevingsbrief"), std::string::npos);
}

TEST(CommandLine, ACircularNumberUsedTwiceIsRefused) {
  const auto folder = freshFolder("circulars");
  std::filesystem::create_directories(folder);
  const auto original = filesIn(kHome / "fixtures" / "circular", ".xml").front();
  // The same circular under another document id: same number, so not allowed.
  std::string copy = paraph::testing::readFile(original);
  const auto idAt = copy.find(" id=\"");
  ASSERT_NE(idAt, std::string::npos);
  copy.insert(idAt + 5, "copy-");
  const auto copyPath = folder / "copy.xml";
  std::ofstream(copyPath) << copy;
  const auto result = runParaph("validate " + original.string() + " " + copyPath.string());
  EXPECT_EQ(result.exitCode, 1) << result.output;
  EXPECT_NE(result.output.find(copyPath.string() + ":"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("is already used by document"), std::string::npos) << result.output;
  // Each alone is valid.
  EXPECT_EQ(runParaph("validate " + copyPath.string()).exitCode, 0);
  std::filesystem::remove_all(folder);
}

TEST(CommandLine, ConsolidateWritesTheConventionAsAmended) {
  const auto folder = freshFolder("consolidate");
  std::filesystem::create_directories(folder);
  const auto convention = kHome / "fixtures" / "convention" / "psychosocial-liege-fr.xml";
  const auto amendment = kHome / "fixtures" / "amendment" / "psychosocial-liege-fr.amendment-1.xml";
  const auto toStdout = runParaph("consolidate " + convention.string() + " " + amendment.string());
  ASSERT_EQ(toStdout.exitCode, 0) << toStdout.output;
  EXPECT_NE(toStdout.output.find("<amended-by>"), std::string::npos);
  EXPECT_NE(toStdout.output.find("id=\"CONV-7.72.015-2026\""), std::string::npos);

  const auto out = folder / "consolidated.xml";
  const auto toFile = runParaph("consolidate " + convention.string() + " " + amendment.string() + " -o " + out.string());
  ASSERT_EQ(toFile.exitCode, 0) << toFile.output;
  EXPECT_EQ(toFile.output, "");
  EXPECT_EQ(paraph::testing::readFile(out), toStdout.output);
  // The result is a convention paraph accepts and renders.
  const auto rendered = runParaph("render " + out.string() + " --lang fr --out " + folder.string());
  EXPECT_EQ(rendered.exitCode, 0) << rendered.output;
  // Applied twice: refused, naming the amendment's line.
  const auto twice = runParaph("consolidate " + out.string() + " " + amendment.string());
  EXPECT_EQ(twice.exitCode, 1) << twice.output;
  EXPECT_TRUE(std::regex_search(twice.output, std::regex(std::regex_replace(amendment.string(), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                                                         R"(:[0-9]+:[0-9]+: amendment n° 1 has already been applied)")))
      << twice.output;
  std::filesystem::remove_all(folder);
}

TEST(CommandLine, ConsolidateRefusesAnAmendmentOfAnotherConventionWithExitOne) {
  const auto convention = kHome / "fixtures" / "convention" / "chronic-pain-gent-nl.xml";
  const auto amendment = kHome / "fixtures" / "amendment" / "psychosocial-liege-fr.amendment-1.xml";
  const auto result = runParaph("consolidate " + convention.string() + " " + amendment.string());
  EXPECT_EQ(result.exitCode, 1) << result.output;
  EXPECT_NE(result.output.find(amendment.string() + ":8:3: this amendment amends the convention with document id CONV-7.72.015-2026"),
            std::string::npos)
      << result.output;
  EXPECT_EQ(result.output.find("<convention"), std::string::npos);
  // Usage errors.
  EXPECT_EQ(runParaph("consolidate " + convention.string()).exitCode, 2);
  EXPECT_EQ(runParaph("consolidate --help").exitCode, 0);
}

// Problems in the reader's language: --lang, else the locale of the environment, else English.
TEST(CommandLine, ValidateTellsProblemsInTheLanguageAsked) {
  const std::string file = (kHome / "fixtures" / "invalid" / "refusal-without-motivation.xml").string();
  const auto dutch = runParaph("validate --lang nl " + file);
  EXPECT_EQ(dutch.exitCode, 1) << dutch.output;
  EXPECT_NE(dutch.output.find(file + ":"), std::string::npos) << dutch.output;
  EXPECT_NE(dutch.output.find(": Motivering verplicht: een weigering"), std::string::npos) << dutch.output;
  const auto french = paraph::testing::runCommand("LC_ALL= LC_MESSAGES= LANG=fr_BE.UTF-8 " + std::string(PARAPH_BINARY) +
                                                  " validate " + file);
  EXPECT_NE(french.output.find(": Motivation obligatoire : un refus"), std::string::npos) << french.output;
  const auto english = paraph::testing::runCommand("LC_ALL= LC_MESSAGES= LANG=C.UTF-8 " + std::string(PARAPH_BINARY) +
                                                   " validate " + file);
  EXPECT_NE(english.output.find(": Motivation required: a refusal"), std::string::npos) << english.output;
  const auto render = runParaph("render --messages nl --out " + freshFolder("messages").string() + " " + file);
  EXPECT_EQ(render.exitCode, 1) << render.output;
  EXPECT_NE(render.output.find("Motivering verplicht"), std::string::npos) << render.output;
  EXPECT_EQ(runParaph("validate --lang de " + file).exitCode, 2);
}
