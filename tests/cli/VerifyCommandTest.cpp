// paraph verify from the command line: usage, and what it says of files that are not signed
// PDFs (signed ones are checked in tests/print/ArchiveTest.cpp, which makes a test seal).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "support/Command.h"
#include "support/Fixtures.h"

using paraph::testing::kHome;
using paraph::testing::runParaph;

TEST(VerifyCommand, UsageErrorsExitTwoAndHelpExitsZero) {
  EXPECT_EQ(runParaph("verify").exitCode, 2);
  EXPECT_EQ(runParaph("verify a.pdf b.pdf").exitCode, 2);
  EXPECT_EQ(runParaph("verify /nonexistent/file.pdf").exitCode, 2);
  EXPECT_EQ(runParaph("verify x.pdf --colour red").exitCode, 2);
  const auto help = runParaph("verify --help");
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.output.find("Usage: paraph verify FILE.pdf"), std::string::npos) << help.output;
  EXPECT_NE(runParaph("--help").output.find("verify FILE.pdf"), std::string::npos);
}

TEST(VerifyCommand, AFileThatIsNotASignedPdfIsInvalid) {
  const auto notPdf = runParaph("verify " + (kHome / "fixtures" / "letter" / "refused-charleroi-fr.xml").string());
  EXPECT_EQ(notPdf.exitCode, 1) << notPdf.output;
  EXPECT_NE(notPdf.output.find("not a readable PDF"), std::string::npos) << notPdf.output;

  const auto out = std::filesystem::temp_directory_path() / ("paraph-verify-" + std::to_string(::getpid()));
  const auto render = runParaph("render " + (kHome / "fixtures" / "press-release").string() +
                                "/psr-budget-2026-fr.xml --lang fr --format pdf --out " + out.string());
  ASSERT_EQ(render.exitCode, 0) << render.output;
  const auto pdf = paraph::testing::filesIn(out, ".pdf").front();
  const auto unsigned_ = runParaph("verify " + pdf.string());
  EXPECT_EQ(unsigned_.exitCode, 1) << unsigned_.output;
  EXPECT_NE(unsigned_.output.find("signature: none"), std::string::npos) << unsigned_.output;
  EXPECT_NE(unsigned_.output.find("result: invalid"), std::string::npos) << unsigned_.output;
  std::filesystem::remove_all(out);
}
