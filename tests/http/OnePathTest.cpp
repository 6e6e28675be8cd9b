// The command line and the server share one document path (server/document): every valid
// fixture, and the drafts among the invalid fixtures (a missing translation), renders to
// the same HTML bytes and the same PDF text through `paraph render` as through the server.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include <map>

#include "http/ApiClient.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"
#include "support/Command.h"
#include "support/Fixtures.h"

using namespace paraph::testing;

namespace {

struct Input {
  std::filesystem::path file;
  bool draft = false;
};

// Conventions first: an amendment needs its convention stored.
std::vector<Input> inputs() {
  std::vector<Input> result;
  for (const std::string type : {"convention", "letter", "circular", "press-release", "minutes", "amendment"}) {
    for (const auto& file : filesIn(kHome / "fixtures" / type, ".xml")) result.push_back({file, false});
  }
  for (const auto& file : filesIn(kHome / "fixtures" / "invalid", ".xml")) {
    const auto name = file.filename().string();
    // A circular's draft shares its number with a valid circular: the server (rightly)
    // refuses it.
    if (name.find("missing-translation") != std::string::npos && !name.starts_with("circular")) {
      result.push_back({file, true});
    }
  }
  return result;
}

}  // namespace

TEST(OnePath, TheCommandLineAndTheServerRenderTheSameBytesAndTheSamePdfText) {
  const auto folder = testFolder("one-path");
  ServerProcess server(folder);
  server.start();
  const ApiClient client(server.port(), kSubmitterToken);
  const auto cliOut = folder / "cli";
  std::size_t compared = 0;
  for (const auto& input : inputs()) {
    SCOPED_TRACE(input.file.string());
    const std::string xml = readFile(input.file);
    const auto rendered = runParaph("render " + input.file.string() + " --lang all --format all --out " + cliOut.string());
    ASSERT_EQ(rendered.exitCode, 0) << rendered.output;
    EXPECT_EQ(rendered.output.find("a draft:") != std::string::npos, input.draft) << rendered.output;

    const auto answer = client.post("/api/v1/documents", xml);
    ASSERT_TRUE(answer.status == 202 || answer.status == 200) << answer.body;
    EXPECT_EQ(answer.json()->optValue<bool>("draft", false), input.draft) << answer.body;
    const auto job = client.waitForJob(answer.json()->getValue<std::int64_t>("job"));
    ASSERT_EQ(job->getValue<std::string>("state"), "done") << server.log();
    const auto manifest = client.get(job->getValue<std::string>("version_url")).json();
    const auto outputs = manifest->getArray("outputs");
    ASSERT_EQ(outputs->size(), 6u);
    const std::string id = documentIdOf(xml);
    for (std::size_t index = 0; index < outputs->size(); ++index) {
      const auto output = outputs->getObject(static_cast<unsigned>(index));
      const auto name = output->getValue<std::string>("name");
      const auto fromServer = client.get(output->getValue<std::string>("path")).body;
      const auto fromCli = readFile(cliOut / (id + "." + name));
      if (name.ends_with(".html")) {
        EXPECT_EQ(fromServer, fromCli) << name;
      } else {
        EXPECT_EQ(pdfText(fromServer), pdfText(fromCli)) << name;
      }
      ++compared;
    }
  }
  EXPECT_GE(compared, 6u * 20);
  EXPECT_EQ(server.stop(), 0) << server.log();
  std::filesystem::remove_all(folder);
}
