// The wkhtmltopdf engine, for real, minus what that build cannot do (tagging, page numbers).
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <vector>

#include "print/PdfInspector.h"
#include "print/PdfStructure.h"
#include "print/RequestCountingServer.h"
#include "print/SampleDocuments.h"
#include "print/WkhtmltopdfEngine.h"

namespace paraph::print {
namespace {

using testing::PdfInspector;

EngineConfig wkhtmltopdfConfig() {
  EngineConfig config;
  config.engine = "wkhtmltopdf";
  config.timeout = std::chrono::milliseconds(20000);
  return config;
}

TEST(WkhtmltopdfEngineTest, PrintsA4WithMetadataAndEmbeddedFonts) {
  WkhtmltopdfEngine engine(wkhtmltopdfConfig());
  EXPECT_EQ(engine.name(), "wkhtmltopdf");
  EXPECT_TRUE(engine.ready());
  const std::string pdf = engine.print(testing::threePageFrenchDecision(), testing::frenchDecisionSettings());
  const PdfInspector inspector(pdf);

  EXPECT_EQ(inspector.infoField("Pages"), "3") << inspector.info();
  EXPECT_NE(inspector.infoField("Page size").find("(A4)"), std::string::npos) << inspector.info();
  EXPECT_EQ(inspector.infoField("Title"), "Décision d’intervention majorée");
  EXPECT_EQ(inspector.infoField("Author"), "INAMI – RIZIV");
  EXPECT_EQ(inspector.infoField("Producer"), "paraph");
  EXPECT_EQ(inspector.infoField("Tagged"), "no") << "this build cannot tag; if it now can, update the engine's header";
  EXPECT_NE(inspector.text(1).find("Décision d’intervention majorée"), std::string::npos) << inspector.text(1);
  EXPECT_NE(inspector.text(2).find("Montants remboursés"), std::string::npos) << inspector.text(2);
  EXPECT_NE(inspector.text(3).find("Voies de recours"), std::string::npos) << inspector.text(3);
  EXPECT_TRUE(inspector.allFontsEmbedded()) << inspector.fonts();
  EXPECT_EQ(testing::PdfStructure::of(pdf).language, "fr-BE");
}

TEST(WkhtmltopdfEngineTest, HostileDocumentReachesNeitherNetworkNorFiles) {
  const testing::RequestCountingServer server;
  WkhtmltopdfEngine engine(wkhtmltopdfConfig());
  const std::string text = PdfInspector(engine.print(testing::hostileDocument(server.port()), {})).text();

  EXPECT_EQ(server.requests(), 0u) << server.requestLog();
  EXPECT_EQ(text.find("root:x:0:0"), std::string::npos) << text;
  EXPECT_EQ(text.find("LEAKED-FROM-LOOPBACK"), std::string::npos) << text;
  EXPECT_EQ(text.find("SCRIPT-RAN"), std::string::npos) << "JavaScript ran:\n" << text;
  // Unlike Chromium, QtWebKit follows the document's meta refresh even with JavaScript off:
  // the refused request leaves Qt's error page in place of the document. Nothing leaks, and
  // paraph's own documents (XSLT output) never carry a refresh.
}

TEST(WkhtmltopdfEngineTest, DocumentPastTheTimeoutIsKilledAndTheNextOnePrints) {
  EngineConfig config = wkhtmltopdfConfig();
  config.timeout = std::chrono::milliseconds(1500);
  WkhtmltopdfEngine engine(config);
  try {
    engine.print(testing::endlessDocument(), {});
    FAIL() << "an endless document printed within 1.5 s";
  } catch (const PrintError& error) {
    EXPECT_EQ(error.kind(), PrintError::Kind::Timeout);
    EXPECT_NE(std::string(error.what()).find("took longer than 1500 ms"), std::string::npos) << error.what();
  }
  EXPECT_EQ(PdfInspector(engine.print(testing::threePageFrenchDecision(), {})).infoField("Pages"), "3");
}

TEST(WkhtmltopdfEngineTest, ConcurrentCallersEachGetTheirDocument) {
  WkhtmltopdfEngine engine(wkhtmltopdfConfig());
  std::vector<std::future<std::string>> callers;
  for (int caller = 0; caller < 4; ++caller) {
    callers.push_back(std::async(std::launch::async, [&engine, caller] {
      PrintSettings settings = testing::frenchDecisionSettings();
      settings.title = "Document " + std::to_string(caller);
      return engine.print(testing::threePageFrenchDecision(), settings);
    }));
  }
  for (int caller = 0; caller < 4; ++caller) {
    EXPECT_EQ(PdfInspector(callers[static_cast<std::size_t>(caller)].get()).infoField("Title"),
              "Document " + std::to_string(caller));
  }
}

TEST(WkhtmltopdfEngineTest, MissingProgramIsReportedAsUnavailable) {
  EngineConfig config = wkhtmltopdfConfig();
  config.wkhtmltopdfPath = "/nonexistent/wkhtmltopdf";
  try {
    WkhtmltopdfEngine engine(config);
    FAIL() << "started without the program";
  } catch (const PrintError& error) {
    EXPECT_EQ(error.kind(), PrintError::Kind::EngineUnavailable);
  }
}

}  // namespace
}  // namespace paraph::print
