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
  for (const char* command : {"--help", "help", "validate --help", "render --help", "doctypes --help"}) {
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
