// kill -9 while the server works, several times, on one data folder: every accepted job
// completes exactly once, no version is lost or duplicated, and no stored file is truncated.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include <map>

#include "http/ApiClient.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"
#include "xml/Sha256.h"
#include "support/Fixtures.h"

using namespace paraph::testing;
using paraph::xml::sha256Hex;

namespace {

constexpr int kRounds = 3;
constexpr int kJobsPerRound = 8;

// The same letter with another phone number: a changed input, so a new version.
std::string revision(const std::string& xml, int number) {
  return std::regex_replace(xml, std::regex("<phone>[^<]*</phone>"),
                            "<phone>+32 2 739 70 " + std::to_string(10 + number) + "</phone>");
}

std::string versionUrlOf(const std::string& document, int number) {
  return "/api/v1/documents/" + document + "/versions/" + std::to_string(number);
}

}  // namespace

TEST(ServerCrash, KillNineWhileWorkingLosesNothingAndDuplicatesNothing) {
  const auto folder = testFolder("crash");
  ServerProcess server(folder);
  const std::string letter = firstLetter();
  std::map<std::int64_t, std::string> accepted;          // job → document
  std::vector<std::string> revisionsOfFirst;             // inputs of CRASH-0-0, in order
  for (int round = 0; round < kRounds; ++round) {
    server.start();
    ApiClient client(server.port(), kSubmitterToken);
    std::int64_t firstJobOfRound = 0;
    for (int index = 0; index < kJobsPerRound; ++index) {
      const std::string id = "CRASH-" + std::to_string(round) + "-" + std::to_string(index);
      std::string xml = withDocumentId(letter, id);
      if (round == 0 && index == 0) xml = revision(xml, 0);
      const auto answer = client.post("/api/v1/documents", xml);
      ASSERT_EQ(answer.status, 202) << answer.body;
      const auto job = answer.json()->getValue<std::int64_t>("job");
      if (index == 0) firstJobOfRound = job;
      accepted[job] = id;
      if (id == "CRASH-0-0") revisionsOfFirst.push_back(xml);
    }
    if (round > 0) {  // a new version of an older document, across the crashes
      const std::string xml = revision(withDocumentId(letter, "CRASH-0-0"), round);
      const auto answer = client.post("/api/v1/documents", xml);
      ASSERT_EQ(answer.status, 202) << answer.body;
      accepted[answer.json()->getValue<std::int64_t>("job")] = "CRASH-0-0";
      revisionsOfFirst.push_back(xml);
    }
    // Crash once the workers are busy: some jobs done, some running, the rest queued.
    while (client.get("/api/v1/jobs/" + std::to_string(firstJobOfRound))
               .json()
               ->getValue<std::string>("state") != "done") {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    server.crash();
  }

  server.start();
  ApiClient client(server.port(), kSubmitterToken);
  std::map<std::string, int> jobsPerDocument;
  for (const auto& [job, document] : accepted) {
    const auto finished = client.waitForJob(job);
    ASSERT_EQ(finished->getValue<std::string>("state"), "done") << job << "\n" << server.log();
    EXPECT_EQ(finished->getValue<std::string>("document"), document);
    ++jobsPerDocument[document];
  }
  for (const auto& [document, jobs] : jobsPerDocument) {
    const auto answer = client.get("/api/v1/documents/" + document);
    ASSERT_EQ(answer.status, 200) << document;
    const auto versions = answer.json()->getArray("versions");
    ASSERT_EQ(versions->size(), static_cast<std::size_t>(jobs)) << document;  // one version per distinct input
    for (std::size_t index = 0; index < versions->size(); ++index) {
      EXPECT_EQ(versions->getObject(static_cast<unsigned>(index))->getValue<int>("number"), static_cast<int>(index) + 1);
      const auto manifest = client.get(versionUrlOf(document, static_cast<int>(index) + 1)).json();
      if (document == "CRASH-0-0") {  // versions follow the order of submission
        EXPECT_EQ(manifest->getObject("input")->getValue<std::string>("sha256"), sha256Hex(revisionsOfFirst.at(index)));
      }
      const auto outputs = manifest->getArray("outputs");
      ASSERT_EQ(outputs->size(), 6u);
      for (std::size_t output = 0; output < outputs->size(); ++output) {
        const auto file = outputs->getObject(static_cast<unsigned>(output));
        const auto body = client.get(file->getValue<std::string>("path")).body;
        EXPECT_EQ(sha256Hex(body), file->getValue<std::string>("sha256"));
        EXPECT_EQ(static_cast<std::int64_t>(body.size()), file->getValue<std::int64_t>("size"));
      }
    }
  }
  // Every visible file is whole: its name is the hash of its content; no temporary file shows.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(server.dataDir() / "files")) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    EXPECT_FALSE(name.starts_with(".tmp-")) << name;
    EXPECT_EQ(sha256Hex(readFile(entry.path())), name);
  }
  // How many interrupted jobs the restarts put back (shows the crash hit running jobs).
  const std::string log = server.log();
  RecordProperty("restarts_that_recovered_jobs", static_cast<int>(count(log, "\"event\":\"jobs_recovered\"")));
  const auto metrics = ApiClient(server.port(), kAdminToken).get("/metrics").body;
  EXPECT_NE(metrics.find("paraph_jobs{state=\"done\"} " + std::to_string(accepted.size()) + "\n"), std::string::npos)
      << metrics;
  EXPECT_EQ(server.stop(), 0);
  std::filesystem::remove_all(folder);
}
