// Limits per document (document.*): a submission with too many segments is refused before
// anything is stored, an edition with too many pages fails its render, each naming the
// setting and its value.
#include <gtest/gtest.h>

#include "document/DocumentService.h"
#include "print/PrintEngine.h"
#include "support/Fixtures.h"
#include "support/SharedPipeline.h"

namespace {

using paraph::document::DocumentLimits;
using paraph::document::DocumentService;
using namespace paraph::testing;

const paraph::review::QaChecker& qa() {
  static const paraph::review::QaChecker instance(sharedPipeline().texts());
  return instance;
}

std::string convention() { return readFile(kHome / "fixtures" / "convention" / "psychosocial-liege-fr.xml"); }

}  // namespace

TEST(DocumentLimits, MoreSegmentsThanTheLimitAreRefusedAtSubmissionNamingTheSetting) {
  DocumentLimits limits;
  limits.maxSegments = 3;
  const DocumentService strict(sharedPipeline(), qa(), nullptr, {}, nullptr, limits);
  try {
    strict.accept(convention(), "input.xml");
    FAIL() << "a convention with more than 3 segments was accepted";
  } catch (const paraph::xml::InvalidInput& refused) {
    ASSERT_EQ(refused.diagnostics().size(), 1u);
    const auto& diagnostic = refused.diagnostics().front();
    EXPECT_NE(diagnostic.message.find("at most 3"), std::string::npos) << diagnostic.message;
    EXPECT_NE(diagnostic.message.find("document.max_segments"), std::string::npos) << diagnostic.message;
    EXPECT_GT(diagnostic.line, 0);
  }
  // The default limit takes every realistic document.
  const DocumentService usual(sharedPipeline(), qa(), nullptr, {});
  EXPECT_NO_THROW(usual.accept(convention(), "input.xml"));
}

TEST(DocumentLimits, AnEditionWithMorePagesThanTheLimitFailsNamingTheEditionAndTheSetting) {
  paraph::print::EngineConfig config;
  config.poolSize = 1;
  config.stylesDir = sharedPipeline().home().styles().string();
  const auto engine = paraph::print::makeEngine(config);
  paraph::document::RenderRequest frenchPdf;
  frenchPdf.editions = {"fr"};
  frenchPdf.formats = {"pdf"};

  DocumentLimits limits;
  limits.maxPagesPerEdition = 1;
  const DocumentService strict(sharedPipeline(), qa(), engine.get(), {}, nullptr, limits);
  const auto accepted = strict.accept(convention(), "input.xml");
  try {
    strict.render(accepted, frenchPdf);
    FAIL() << "a convention of more than one page was printed under a one-page limit";
  } catch (const paraph::print::PrintError& error) {
    const std::string reason = error.what();
    EXPECT_NE(reason.find("the fr edition has"), std::string::npos) << reason;
    EXPECT_NE(reason.find("at most 1 are printed (setting document.max_pages_per_edition)"), std::string::npos) << reason;
  }
  const DocumentService usual(sharedPipeline(), qa(), engine.get(), {});
  const auto set = usual.render(usual.accept(convention(), "input.xml"), frenchPdf);
  ASSERT_EQ(set.files.size(), 1u);
  EXPECT_EQ(set.files.front().name, "fr.pdf");
}
