// A batch does not starve single submissions: its jobs take turns as one lane
// ("batch:<id>") beside its submitter's own, so a letter sent alone while the batch runs is
// claimed at the next free worker, whoever sent the batch. Asserted on the order of
// completion, not on times.
#include <gtest/gtest.h>

#include <algorithm>

#include "batch/BatchSupport.h"
#include "batch/GeneratedLetters.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"

using namespace paraph::testing;

TEST(BatchFairness, ALetterSentAloneWhileABatchRunsIsDoneBeforeTheBatch) {
  constexpr int kBatchLetters = 16;
  const auto folder = testFolder("batch-fair");
  // Two workers (the test configuration's, one per core here): the rule gives the next free
  // worker to the lane with the fewest running jobs, and the batch's lane has one running.
  ServerProcess server(folder);
  server.start();
  ApiClient client(server.port(), kSubmitterToken);
  const auto letters = generatedLetters(kBatchLetters + 1, "FAIR");
  std::vector<std::pair<std::string, std::string>> entries;
  for (int index = 0; index < kBatchLetters; ++index) entries.emplace_back(entryName(index + 1), letters[index].xml);
  const auto sent = postBatch(client, zipOf(entries), "fair.zip");
  ASSERT_EQ(sent.status, 202) << sent.body;
  const std::string id = sent.json()->getValue<std::string>("batch");

  // The same submitter sends one letter alone, once the batch has started.
  waitForBatch(client, id, [](const Poco::JSON::Object& batch) { return batch.getValue<int>("running") >= 2; });
  const auto alone = client.post("/api/v1/documents", letters[kBatchLetters].xml);
  ASSERT_EQ(alone.status, 202) << alone.body;
  const auto single = client.waitForJob(alone.json()->getValue<std::int64_t>("job"));
  ASSERT_EQ(single->getValue<std::string>("state"), "done");
  const std::string singleFinished = single->getValue<std::string>("finished_at");

  const auto batch = waitForBatch(client, id, batchFinished);
  ASSERT_EQ(batch->getValue<int>("done"), kBatchLetters);
  // How many of the batch's letters were done before the single one: at most the two
  // running when it came and one claimed before it was queued (a worker's claim races the
  // submission). Without lanes it would wait behind all of them (same submitter, so the
  // single letter's turn comes after the batch's).
  int before = 0;
  for (int index = 0; index < kBatchLetters; ++index) {
    const auto document = client.get("/api/v1/documents/" + letters[index].id + "/versions/1").json();
    const auto job = client.get("/api/v1/jobs/" + std::to_string(document->getValue<std::int64_t>("job"))).json();
    if (job->getValue<std::string>("finished_at") < singleFinished) ++before;
  }
  EXPECT_LE(before, 3) << "the single letter waited behind " << before << " of the batch's " << kBatchLetters << " letters";
  EXPECT_LT(before, kBatchLetters);
  server.stop();
  std::filesystem::remove_all(folder);
}
