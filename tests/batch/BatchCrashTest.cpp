// kill -9 of the server during a batch, three times, restarted on the same data folder: the
// batch's jobs are ordinary queued jobs, so every record ends done exactly once (one version
// each), the progress counted from the jobs stays right across the crashes, the mail-room
// file is made after a restart, and the same batch sent again makes nothing new.
#include <gtest/gtest.h>

#include "batch/BatchSupport.h"
#include "batch/GeneratedLetters.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"

using namespace paraph::testing;

TEST(BatchCrash, KillNineThreeTimesDuringABatchLosesNoRecordAndDuplicatesNone) {
  constexpr int kLetters = 24;
  const auto folder = testFolder("batch-crash");
  ServerProcess server(folder);
  server.start();
  const auto letters = generatedLetters(kLetters, "CRASH");
  std::vector<std::pair<std::string, std::string>> entries;
  for (int index = 0; index < kLetters; ++index) entries.emplace_back(entryName(index + 1), letters[index].xml);
  const std::string zip = zipOf(entries);
  std::string id;
  {
    ApiClient client(server.port(), kSubmitterToken);
    const auto sent = postBatch(client, zip, "crash.zip");
    ASSERT_EQ(sent.status, 202) << sent.body;
    id = sent.json()->getValue<std::string>("batch");
  }

  int doneBefore = 0;
  int crashesMidBatch = 0;
  for (int crash = 1; crash <= 3; ++crash) {
    ApiClient client(server.port(), kSubmitterToken);
    // Crash once a few more letters are done than at the last crash, while others run.
    const int target = doneBefore + 3;
    const auto seen = waitForBatch(client, id, [&](const Poco::JSON::Object& batch) {
      return batch.getValue<int>("done") >= target || batchFinished(batch);
    });
    if (!batchFinished(*seen)) ++crashesMidBatch;
    server.crash();
    server.start();
    ApiClient again(server.port(), kSubmitterToken);
    const auto after = again.get("/api/v1/batches/" + id).json();
    const int done = after->getValue<int>("done");
    // Counted from the jobs: what was done is still done, nothing counted twice, every
    // record somewhere.
    EXPECT_GE(done, seen->getValue<int>("done")) << "crash " << crash;
    EXPECT_EQ(done + after->getValue<int>("failed") + after->getValue<int>("waiting"), kLetters) << "crash " << crash;
    EXPECT_EQ(after->getValue<int>("failed"), 0) << "crash " << crash;
    doneBefore = done;
  }
  EXPECT_GE(crashesMidBatch, 2) << "the crashes should hit the batch while it runs";

  ApiClient client(server.port(), kSubmitterToken);
  const auto finished = waitForBatch(client, id, mailRoomSettled);
  EXPECT_EQ(finished->getValue<int>("done"), kLetters);
  EXPECT_EQ(finished->getValue<int>("failed"), 0);
  EXPECT_EQ(finished->getValue<int>("waiting"), 0);
  EXPECT_EQ(finished->getValue<std::string>("mail_room"), "built");
  for (const auto& letter : letters) {
    const auto document = client.get("/api/v1/documents/" + letter.id);
    ASSERT_EQ(document.status, 200) << letter.id;
    EXPECT_EQ(document.json()->getArray("versions")->size(), 1u) << letter.id << " made twice";
  }
  const auto rows = csvRows(client.get("/api/v1/batches/" + id + "/report.csv").body);
  ASSERT_EQ(rows.size(), static_cast<std::size_t>(kLetters + 1));
  for (std::size_t row = 1; row < rows.size(); ++row) {
    EXPECT_EQ(rows[row][4], "done");
    EXPECT_EQ(rows[row][5], "1");
  }

  // The same batch again, after the crashes: that batch, no second set of versions.
  const auto resent = postBatch(client, zip, "crash.zip");
  EXPECT_EQ(resent.status, 200) << resent.body;
  EXPECT_EQ(resent.json()->getValue<std::string>("batch"), id);
  for (const auto& letter : letters) {
    EXPECT_EQ(client.get("/api/v1/documents/" + letter.id).json()->getArray("versions")->size(), 1u);
  }
  server.stop();
  std::filesystem::remove_all(folder);
}
