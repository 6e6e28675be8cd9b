// `paraph serve --config FILE` with a broken file must stop at start, before it listens,
// and say which key is wrong: run against the real executable.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "support/Command.h"

using paraph::testing::runCommand;

namespace {

const std::string kValidToken = "9524087da73a3f7766691d33d714f435d01365f6e4864e27ae2bdd976d3821d4:submitter";

// Runs serve on a free port with `content` as its file. `timeout` ends a server that started
// after all (the assertion on the exit code then fails) instead of hanging the test.
paraph::testing::CommandResult serveWith(const std::string& name, const std::string& content) {
  const auto folder = std::filesystem::temp_directory_path() / ("paraph-serve-config-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const auto file = folder / "paraph.properties";
  std::ofstream(file) << content;
  auto result = runCommand("timeout 60 " + std::string(PARAPH_BINARY) + " serve --port 0 --config " + file.string() +
                           " --data " + (folder / "data").string());
  std::filesystem::remove_all(folder);
  return result;
}

void expectRefusedAtStart(const paraph::testing::CommandResult& result, const std::string& key) {
  EXPECT_NE(result.exitCode, 0) << result.output;
  EXPECT_NE(result.exitCode, 124) << "serve started and was stopped by timeout:\n" << result.output;
  EXPECT_NE(result.output.find(key), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("\"listening\""), std::string::npos) << result.output;
}

}  // namespace

TEST(ServeConfig, AMistypedKeyStopsServeAtStart) {
  const auto result = serveWith("mistyped", "queue.workers = 1\nprint.pool_sise = 2\nauth.token.alice = " + kValidToken + "\n");
  expectRefusedAtStart(result, "print.pool_sise");
}

TEST(ServeConfig, ABadNumberStopsServeAtStart) {
  const auto result = serveWith("number", "queue.capacity = lots\nauth.token.alice = " + kValidToken + "\n");
  expectRefusedAtStart(result, "queue.capacity");
}

TEST(ServeConfig, ABadTokenHashStopsServeAtStart) {
  const auto result = serveWith("token", "auth.token.alice = 9524087DA73A3F77:submitter\n");
  expectRefusedAtStart(result, "auth.token.alice");
}
