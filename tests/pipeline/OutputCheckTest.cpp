#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>
#include <regex>

#include "pipeline/Pipeline.h"
#include "support/Fixtures.h"

using paraph::testing::kHome;

// The pipeline refuses to hand out a decision letter that lacks one of the six legal
// mentions, even when the fault is in a stylesheet rather than in the input: without every
// mention, the appeal deadline never starts. A copy of the project's home with a stylesheet
// that drops mention 6 must fail to render.
TEST(OutputCheck, ALetterMissingALegalMentionIsNeverRendered) {
  const auto copy = std::filesystem::temp_directory_path() / ("paraph-home-" + std::to_string(::getpid()));
  std::filesystem::remove_all(copy);
  std::filesystem::create_directories(copy);
  for (const char* folder : {"catalog", "xslt", "styles"}) {
    std::filesystem::copy(kHome / folder, copy / folder, std::filesystem::copy_options::recursive);
  }
  bool patched = false;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(copy / "xslt")) {
    if (entry.path().extension() != ".xsl") continue;
    std::string text = paraph::testing::readFile(entry.path());
    const std::string mark = "data-legal-mention=\"6\"";
    if (const auto position = text.find(mark); position != std::string::npos) {
      text.replace(position, mark.size(), "data-legal-mention=\"6-dropped\"");
      std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << text;
      patched = true;
    }
  }
  ASSERT_TRUE(patched) << "no stylesheet writes data-legal-mention=\"6\"";
  // The catalog loader is process-wide and already points at the real home in other tests,
  // so run the broken copy in a child process of the real binary.
  const std::string command = std::string(PARAPH_BINARY) + " render --home " + copy.string() + " --out " +
                              (copy / "out").string() + " " +
                              paraph::testing::filesIn(kHome / "fixtures" / "letter", ".xml").front().string() +
                              " > " + (copy / "log").string() + " 2>&1";
  const int status = std::system(command.c_str());
  const std::string log = paraph::testing::readFile(copy / "log");
  EXPECT_NE(WEXITSTATUS(status), 0) << log;
  EXPECT_NE(log.find("lacks legal mention"), std::string::npos) << log;
  EXPECT_FALSE(std::filesystem::exists(copy / "out") && !std::filesystem::is_empty(copy / "out")) << "an output was written";
  std::filesystem::remove_all(copy);
}
