#include <gtest/gtest.h>

#include "print/PrintEngine.h"

namespace paraph::print {
namespace {

TEST(MakeEngineTest, UnknownEngineNamesTheKnownOnes) {
  EngineConfig config;
  config.engine = "prince";
  try {
    makeEngine(config);
    FAIL() << "made an engine that does not exist";
  } catch (const PrintError& error) {
    EXPECT_EQ(error.kind(), PrintError::Kind::EngineUnavailable);
    const std::string message = error.what();
    EXPECT_NE(message.find("prince"), std::string::npos) << message;
    EXPECT_NE(message.find("chromium"), std::string::npos) << message;
    EXPECT_NE(message.find("wkhtmltopdf"), std::string::npos) << message;
  }
}

TEST(MakeEngineTest, MakesTheConfiguredEngine) {
  EngineConfig config;
  config.engine = "wkhtmltopdf";
  EXPECT_EQ(makeEngine(config)->name(), "wkhtmltopdf");
  config.engine = "chromium";
  config.poolSize = 1;
  const auto chromium = makeEngine(config);
  EXPECT_EQ(chromium->name(), "chromium");
  EXPECT_TRUE(chromium->ready());
  EXPECT_EQ(chromium->restarts(), 0u);
}

}  // namespace
}  // namespace paraph::print
