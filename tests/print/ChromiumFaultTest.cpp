// The print engine's own faults, for real: a renderer killed or frozen under a document is
// retried on a fresh tab or browser (print.retries, print.retry_backoff_ms) and the document
// still prints; what cannot succeed fails saying what happened at each attempt.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "print/ChromiumEngine.h"
#include "print/PdfInspector.h"
#include "print/SampleDocuments.h"

namespace paraph::print {
namespace {

using testing::PdfInspector;

EngineConfig faultConfig() {
  EngineConfig config;
  config.engine = "chromium";
  config.poolSize = 1;
  config.timeout = std::chrono::milliseconds(20000);
  config.retryBackoff = std::chrono::milliseconds(100);
  return config;
}

// Renderer processes of the browser whose process group is `group` (it leads its own).
std::vector<pid_t> renderersOf(pid_t group) {
  std::vector<pid_t> found;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line) || line.rfind(')') == std::string::npos) continue;
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    char state = 0;
    long parent = 0, processGroup = 0;
    fields >> state >> parent >> processGroup;
    if (processGroup != group || state == 'Z') continue;
    std::ifstream cmdline(entry.path() / "cmdline");
    const std::string command((std::istreambuf_iterator<char>(cmdline)), std::istreambuf_iterator<char>());
    if (command.find("--type=renderer") != std::string::npos) found.push_back(std::stoi(name));
  }
  return found;
}

// A document long enough that its print is still going when the test strikes.
std::string longDocument() {
  std::string html = testing::threePageFrenchDecision();
  const auto end = html.rfind("</body>");
  std::string paragraphs;
  for (int number = 0; number < 2000; ++number) {
    paragraphs += "<p>Paragraphe " + std::to_string(number) + " : le montant de l'intervention est confirmé.</p>";
  }
  html.insert(end, paragraphs);
  return html;
}

TEST(ChromiumFaultTest, ARendererKilledBeforeThePrintIsRetriedOnAFreshTab) {
  ChromiumEngine engine(faultConfig());
  const auto renderers = renderersOf(engine.browserPid());
  ASSERT_FALSE(renderers.empty()) << "no renderer found for browser " << engine.browserPid();
  for (const pid_t renderer : renderers) ::kill(renderer, SIGKILL);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the crash event arrives
  // The pool's warm tab is dead; the document still prints, on a new tab.
  const std::string pdf = engine.print(testing::threePageFrenchDecision(), testing::frenchDecisionSettings());
  EXPECT_EQ(PdfInspector(pdf).infoField("Pages"), "3");
}

TEST(ChromiumFaultTest, ARendererKilledDuringThePrintIsRetriedAndTheDocumentPrints) {
  ChromiumEngine engine(faultConfig());
  const std::string html = longDocument();
  auto printing = std::async(std::launch::async, [&] { return engine.print(html, testing::frenchDecisionSettings()); });
  // Strike while the document loads or prints (the first renderers seen after it started).
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  unsigned killed = 0;
  for (const pid_t renderer : renderersOf(engine.browserPid())) killed += ::kill(renderer, SIGKILL) == 0;
  EXPECT_GT(killed, 0u);
  const std::string pdf = printing.get();
  EXPECT_GT(std::stoi(PdfInspector(pdf).infoField("Pages")), 10);
}

TEST(ChromiumFaultTest, ARendererFrozenPastTheDeadlineIsRetriedOnANewBrowser) {
  EngineConfig config = faultConfig();
  config.timeout = std::chrono::milliseconds(3000);
  ChromiumEngine engine(config);
  const pid_t firstBrowser = engine.browserPid();
  const auto renderers = renderersOf(firstBrowser);
  ASSERT_FALSE(renderers.empty());
  for (const pid_t renderer : renderers) ::kill(renderer, SIGSTOP);
  std::string pdf;
  try {
    pdf = engine.print(testing::threePageFrenchDecision(), testing::frenchDecisionSettings());
  } catch (...) {
    for (const pid_t renderer : renderers) ::kill(renderer, SIGCONT);
    throw;
  }
  for (const pid_t renderer : renderers) ::kill(renderer, SIGCONT);  // if its browser still lives
  EXPECT_EQ(PdfInspector(pdf).infoField("Pages"), "3");
  EXPECT_NE(engine.browserPid(), firstBrowser) << "the hung browser was replaced";
  EXPECT_GE(engine.restarts(), 1u);
}

TEST(ChromiumFaultTest, AHangOnEveryAttemptFailsSayingWhatHappenedAndHowManyAttempts) {
  EngineConfig config = faultConfig();
  config.timeout = std::chrono::milliseconds(1500);
  config.retries = 1;
  ChromiumEngine engine(config);
  try {
    engine.print(testing::endlessDocument(), {});
    FAIL() << "an endless document printed";
  } catch (const PrintError& error) {
    const std::string reason = error.what();
    EXPECT_EQ(error.kind(), PrintError::Kind::Timeout);
    EXPECT_NE(reason.find("failed 2 attempts (print.retries = 1)"), std::string::npos) << reason;
    EXPECT_NE(reason.find("attempt 1: "), std::string::npos) << reason;
    EXPECT_NE(reason.find("attempt 2: "), std::string::npos) << reason;
    EXPECT_NE(reason.find("took longer than 1500 ms"), std::string::npos) << reason;
  }
}

}  // namespace
}  // namespace paraph::print
