// The workspace's batch pages in Chromium (tests/browser/batch.js): a batch uploaded from the
// form, its progress bar moving live, and its report at the end.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "batch/GeneratedLetters.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"
#include "support/Command.h"

using namespace paraph::testing;

TEST(BatchBrowser, TheBatchPageShowsProgressMovingAndTheReportAtTheEnd) {
  const auto folder = testFolder("batch-browser");
  ServerProcess server(folder);
  const std::string password = "batch browser password";
  server.addUser("bea", "submitter", password);
  server.start();
  const auto letters = generatedLetters(10, "WSB");
  std::vector<std::pair<std::string, std::string>> entries;
  for (int index = 0; index < 10; ++index) entries.emplace_back(entryName(index + 1), letters[index].xml);
  entries.emplace_back("notes.txt", "not a document");
  std::ofstream(folder / "batch.zip", std::ios::binary) << zipOf(entries);
  const std::string script = (kHome / "tests" / "browser" / "batch.js").string();
  const auto run = runCommand("node " + script + " http://127.0.0.1:" + std::to_string(server.port()) + " bea '" +
                              password + "' " + (folder / "batch.zip").string() + " 10 1 'batch.zip: notes.txt'");
  EXPECT_EQ(run.exitCode, 0) << run.output << server.log();
  EXPECT_EQ(server.stop(), 0) << server.log();
  std::filesystem::remove_all(folder);
}
