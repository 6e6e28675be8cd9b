// The Chromium engine, for real: Debian's chromium, poppler to read the result.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include "print/ChromiumEngine.h"
#include "print/PdfInspector.h"
#include "print/PdfStructure.h"
#include "print/RequestCountingServer.h"
#include "print/SampleDocuments.h"

namespace paraph::print {
namespace {

using testing::PdfInspector;
using testing::PdfStructure;

// pdftotext may or may not keep the spaces of the small "2 / 3" footer.
bool hasPageNumber(const std::string& pageText, int page, int pages) {
  return std::regex_search(pageText, std::regex("(^|\\s)" + std::to_string(page) + "\\s*/\\s*" +
                                                     std::to_string(pages) + "(\\s|$)"));
}

// Chromium lays CSS "size: A4" out on whole device units: 594.96 x 841.92 pt rather than
// ISO's 595.28 x 841.89; pdfinfo still names it A4, and so does any printer.
void expectA4(const PdfInspector& inspector) {
  const std::string size = inspector.infoField("Page size");
  double width = 0, height = 0;
  ASSERT_EQ(std::sscanf(size.c_str(), "%lf x %lf", &width, &height), 2) << size;
  EXPECT_NEAR(width, 595.28, 0.5) << size;
  EXPECT_NEAR(height, 841.89, 0.5) << size;
  EXPECT_NE(size.find("(A4)"), std::string::npos) << size;
}

// Processes of the group that are not zombies, from /proc/<pid>/stat.
int liveProcessesInGroup(pid_t group) {
  int live = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line) || line.rfind(')') == std::string::npos) continue;
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    char state = 0;
    long parent = 0, processGroup = 0;
    fields >> state >> parent >> processGroup;
    if (processGroup == group && state != 'Z') ++live;
  }
  return live;
}

EngineConfig chromiumConfig(unsigned poolSize) {
  EngineConfig config;
  config.engine = "chromium";
  config.poolSize = poolSize;
  config.timeout = std::chrono::milliseconds(20000);
  return config;
}

// One warm engine for the tests that do not break it on purpose (starting one costs ~1 s).
class ChromiumEngineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { shared_ = new ChromiumEngine(chromiumConfig(2)); }
  static void TearDownTestSuite() {
    delete shared_;
    shared_ = nullptr;
  }
  static ChromiumEngine& engine() { return *shared_; }

 private:
  static ChromiumEngine* shared_;
};
ChromiumEngine* ChromiumEngineTest::shared_ = nullptr;

TEST_F(ChromiumEngineTest, PrintsThreeA4PagesWithPageNumbersFromCssPagedMedia) {
  const std::string pdf = engine().print(testing::threePageFrenchDecision(), testing::frenchDecisionSettings());
  const PdfInspector inspector(pdf);

  EXPECT_EQ(inspector.infoField("Pages"), "3");
  expectA4(inspector);
  EXPECT_EQ(inspector.infoField("Title"), "Décision d’intervention majorée");
  EXPECT_EQ(inspector.infoField("Author"), "INAMI – RIZIV");
  EXPECT_EQ(inspector.infoField("Subject"), "Intervention majorée — dossier INAMI/SSS/2024/00417");
  EXPECT_EQ(inspector.infoField("Producer"), "paraph");
  EXPECT_EQ(inspector.infoField("Tagged"), "yes");

  const std::string page1 = inspector.text(1), page2 = inspector.text(2), page3 = inspector.text(3);
  EXPECT_NE(page1.find("Décision d’intervention majorée"), std::string::npos) << page1;
  EXPECT_FALSE(hasPageNumber(page1, 1, 3)) << "no page number on the first page:\n" << page1;
  EXPECT_NE(page2.find("Montants remboursés"), std::string::npos) << page2;
  EXPECT_TRUE(hasPageNumber(page2, 2, 3)) << page2;
  EXPECT_NE(page3.find("Voies de recours"), std::string::npos) << page3;
  EXPECT_TRUE(hasPageNumber(page3, 3, 3)) << page3;
  EXPECT_TRUE(inspector.allFontsEmbedded()) << inspector.fonts();
}

TEST_F(ChromiumEngineTest, PdfHasLanguageKeywordsStructureTreeAndOutline) {
  const PdfStructure structure =
      PdfStructure::of(engine().print(testing::threePageFrenchDecision(), testing::frenchDecisionSettings()));
  EXPECT_EQ(structure.language, "fr-BE");
  EXPECT_TRUE(structure.hasStructureTree);
  EXPECT_TRUE(structure.marked);
  EXPECT_TRUE(structure.hasOutline);
  EXPECT_EQ(structure.infoAuthor, "INAMI – RIZIV");
  EXPECT_EQ(structure.infoKeywords, "INAMI, intervention majorée, décision");
}

TEST_F(ChromiumEngineTest, HostileDocumentReachesNeitherNetworkNorFiles) {
  const testing::RequestCountingServer server;
  const std::string pdf = engine().print(testing::hostileDocument(server.port()), testing::frenchDecisionSettings());
  const PdfInspector inspector(pdf);
  const std::string text = inspector.text();

  EXPECT_EQ(server.requests(), 0u) << server.requestLog();
  EXPECT_EQ(text.find("root:x:0:0"), std::string::npos) << text;
  EXPECT_EQ(text.find("LEAKED-FROM-LOOPBACK"), std::string::npos) << text;
  EXPECT_EQ(text.find("SCRIPT-RAN"), std::string::npos) << "JavaScript ran:\n" << text;
  EXPECT_NE(text.find("Texte visible après les pièges"), std::string::npos) << text;
  // The engine stays usable for the next, ordinary document.
  EXPECT_EQ(PdfInspector(engine().print(testing::threePageFrenchDecision(), {})).infoField("Pages"), "3");
}

TEST_F(ChromiumEngineTest, FourCallersShareAPoolOfTwoTabs) {
  std::vector<std::future<std::vector<std::string>>> callers;
  for (int caller = 0; caller < 4; ++caller) {
    callers.push_back(std::async(std::launch::async, [] {
      std::vector<std::string> pdfs;
      for (int document = 0; document < 3; ++document) {
        pdfs.push_back(engine().print(testing::threePageFrenchDecision(), testing::frenchDecisionSettings()));
      }
      return pdfs;
    }));
  }
  int printed = 0;
  for (auto& caller : callers) {
    for (const auto& pdf : caller.get()) {
      EXPECT_EQ(PdfInspector(pdf).infoField("Pages"), "3");
      ++printed;
    }
  }
  EXPECT_EQ(printed, 12);
  EXPECT_TRUE(engine().ready());
}

TEST(ChromiumEngineRecoveryTest, KilledBrowserIsRestartedAndTheNextDocumentPrints) {
  ChromiumEngine engine(chromiumConfig(1));
  ASSERT_EQ(PdfInspector(engine.print(testing::threePageFrenchDecision(), {})).infoField("Pages"), "3");
  const pid_t firstBrowser = engine.browserPid();
  ASSERT_GT(firstBrowser, 0);

  // Kill it while a document is being printed: that one is retried on a new browser or
  // reported as a crash, never left hanging.
  auto inFlight = std::async(std::launch::async, [&] {
    return engine.print(testing::threePageFrenchDecision(), testing::frenchDecisionSettings());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  ASSERT_EQ(::kill(firstBrowser, SIGKILL), 0);
  try {
    EXPECT_EQ(PdfInspector(inFlight.get()).infoField("Pages"), "3");
  } catch (const PrintError& error) {
    EXPECT_EQ(error.kind(), PrintError::Kind::EngineCrashed) << error.what();
  }

  const std::string next = engine.print(testing::threePageFrenchDecision(), testing::frenchDecisionSettings());
  EXPECT_EQ(PdfInspector(next).infoField("Pages"), "3");
  EXPECT_GE(engine.restarts(), 1u);
  EXPECT_NE(engine.browserPid(), firstBrowser);
  EXPECT_TRUE(engine.ready());
}

TEST(ChromiumEngineRecoveryTest, FrozenBrowserMakesTheEngineNotReadyUntilItRunsAgain) {
  EngineConfig config = chromiumConfig(1);
  config.probeTimeout = std::chrono::milliseconds(1000);
  ChromiumEngine engine(config);
  ASSERT_TRUE(engine.ready());
  const pid_t browser = engine.browserPid();
  // A frozen browser keeps its DevTools socket open: only a ping with a deadline notices.
  ASSERT_EQ(::kill(browser, SIGSTOP), 0);
  const bool readyWhileFrozen = engine.ready();
  ASSERT_EQ(::kill(browser, SIGCONT), 0);
  EXPECT_FALSE(readyWhileFrozen);
  EXPECT_TRUE(engine.ready());
  EXPECT_EQ(PdfInspector(engine.print(testing::threePageFrenchDecision(), {})).infoField("Pages"), "3");
}

TEST(ChromiumEngineRecoveryTest, DocumentPastTheTimeoutFailsClearlyAndThePoolRecovers) {
  EngineConfig config = chromiumConfig(1);
  config.timeout = std::chrono::milliseconds(2500);
  config.retries = 0;  // a hang is retried otherwise (ChromiumFaultTest)
  ChromiumEngine engine(config);

  const auto started = std::chrono::steady_clock::now();
  try {
    engine.print(testing::endlessDocument(), {});
    FAIL() << "an endless document printed within 2.5 s";
  } catch (const PrintError& error) {
    EXPECT_EQ(error.kind(), PrintError::Kind::Timeout);
    EXPECT_NE(std::string(error.what()).find("took longer than 2500 ms"), std::string::npos) << error.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(8));

  const std::string next = engine.print(testing::threePageFrenchDecision(), testing::frenchDecisionSettings());
  EXPECT_EQ(PdfInspector(next).infoField("Pages"), "3");
}

TEST(ChromiumEngineRecoveryTest, RestartsTheBrowserAfterTheConfiguredNumberOfDocuments) {
  EngineConfig config = chromiumConfig(1);
  config.restartAfter = 3;
  ChromiumEngine engine(config);
  const pid_t firstBrowser = engine.browserPid();
  for (int document = 0; document < 5; ++document) {
    EXPECT_EQ(PdfInspector(engine.print(testing::threePageFrenchDecision(), {})).infoField("Pages"), "3");
  }
  // Documents 1-3 on the first browser, 4-5 on the second.
  EXPECT_EQ(engine.restarts(), 1u);
  EXPECT_NE(engine.browserPid(), firstBrowser);
  EXPECT_EQ(::kill(firstBrowser, 0), -1) << "the retired browser is gone";
}

TEST(ChromiumEngineStartTest, DestroyedEngineLeavesNoProcessBehind) {
  pid_t browserGroup = -1;
  {
    ChromiumEngine engine(chromiumConfig(2));
    ASSERT_EQ(PdfInspector(engine.print(testing::threePageFrenchDecision(), {})).infoField("Pages"), "3");
    browserGroup = engine.browserPid();  // the browser leads its own process group
    ASSERT_GT(liveProcessesInGroup(browserGroup), 3);  // browser, zygotes, renderers, utilities
  }
  // Renderers, zygotes, GPU and network processes went with it. (Its orphans are zombies
  // until the system's init reaps them; they hold neither memory nor CPU.) SIGKILL is
  // delivered asynchronously, so allow the kernel a moment to finish the group off.
  int live = liveProcessesInGroup(browserGroup);
  for (int attempt = 0; live > 0 && attempt < 50; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    live = liveProcessesInGroup(browserGroup);
  }
  EXPECT_EQ(live, 0);
}

TEST(ChromiumEngineStartTest, MissingBrowserIsReportedAsUnavailable) {
  EngineConfig config = chromiumConfig(1);
  config.chromiumPath = "/nonexistent/chromium";
  try {
    ChromiumEngine engine(config);
    FAIL() << "started without a browser";
  } catch (const PrintError& error) {
    EXPECT_EQ(error.kind(), PrintError::Kind::EngineUnavailable);
    EXPECT_NE(std::string(error.what()).find("/nonexistent/chromium"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace paraph::print
