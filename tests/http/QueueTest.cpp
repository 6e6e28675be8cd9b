// The persistent queue through the real server: backpressure, failures and retries, and a
// graceful stop, each with restarts on the same data folder.
#include <gtest/gtest.h>

#include "http/ApiClient.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"

using namespace paraph::testing;

TEST(ServerQueue, AFullQueueAnswers503WithRetryAfterAndTheQueueSurvivesARestart) {
  const auto folder = testFolder("full-queue");
  // Accept-only: nothing takes jobs out of the queue, so it fills deterministically.
  ServerProcess server(folder, "queue.accept_only = true\nqueue.capacity = 2\nqueue.retry_after_s = 7\n");
  server.start();
  ApiClient client(server.port(), kSubmitterToken);
  const std::string letter = firstLetter();
  std::vector<std::int64_t> jobs;
  for (const std::string id : {"QUEUE-1", "QUEUE-2"}) {
    const auto answer = client.post("/api/v1/documents", withDocumentId(letter, id));
    ASSERT_EQ(answer.status, 202) << answer.body;
    jobs.push_back(answer.json()->getValue<std::int64_t>("job"));
  }
  const auto refused = client.post("/api/v1/documents", withDocumentId(letter, "QUEUE-3"));
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.header("Retry-After"), "7");
  EXPECT_NE(refused.json()->getValue<std::string>("error").find("queue is full"), std::string::npos);
  EXPECT_EQ(client.get("/api/v1/jobs/" + std::to_string(jobs[0])).json()->getValue<std::string>("state"), "queued");
  EXPECT_EQ(server.stop(), 0);

  server.setExtraSettings("");
  server.start();
  ApiClient worker(server.port(), kSubmitterToken);
  for (auto job : jobs) {
    const auto finished = worker.waitForJob(job);
    EXPECT_EQ(finished->getValue<std::string>("state"), "done") << server.log();
    EXPECT_EQ(finished->getValue<int>("version"), 1);
  }
  EXPECT_EQ(worker.get("/api/v1/documents/QUEUE-3").status, 404);
  EXPECT_EQ(server.stop(), 0);
  std::filesystem::remove_all(folder);
}

TEST(ServerQueue, AFailedJobKeepsItsReasonAndCanBeRetried) {
  const auto folder = testFolder("retry");
  // A print timeout of 1 ms: the real engine gives up on every document.
  ServerProcess server(folder, "print.timeout_ms = 1\n");
  server.start();
  ApiClient client(server.port(), kSubmitterToken);
  const auto answer = client.post("/api/v1/documents", withDocumentId(firstLetter(), "FAIL-1"));
  ASSERT_EQ(answer.status, 202);
  const auto job = answer.json()->getValue<std::int64_t>("job");
  const auto failed = client.waitForJob(job);
  ASSERT_EQ(failed->getValue<std::string>("state"), "failed") << server.log();
  EXPECT_NE(failed->getValue<std::string>("error").find("timeout"), std::string::npos)
      << failed->getValue<std::string>("error");
  EXPECT_TRUE(failed->isNull("version"));
  EXPECT_EQ(client.get("/api/v1/documents/FAIL-1").status, 404);  // no version, no document
  EXPECT_EQ(server.stop(), 0);

  server.setExtraSettings("");
  server.start();
  ApiClient again(server.port(), kSubmitterToken);
  const std::string retryPath = "/api/v1/jobs/" + std::to_string(job) + "/retry";
  EXPECT_EQ(ApiClient(server.port(), kTranslatorToken).post(retryPath, "", "").status, 403);
  const auto retried = again.post(retryPath, "", "");
  ASSERT_EQ(retried.status, 202) << retried.body;
  const auto done = again.waitForJob(job);
  EXPECT_EQ(done->getValue<std::string>("state"), "done") << server.log();
  EXPECT_EQ(done->getValue<int>("attempts"), 2);
  EXPECT_EQ(done->getValue<int>("version"), 1);
  EXPECT_TRUE(done->isNull("error"));
  EXPECT_EQ(server.stop(), 0);
  std::filesystem::remove_all(folder);
}

TEST(ServerQueue, SigtermFinishesRunningJobsAndKeepsTheRestQueued) {
  const auto folder = testFolder("sigterm");
  ServerProcess server(folder);
  server.start();
  ApiClient client(server.port(), kSubmitterToken);
  std::vector<std::int64_t> jobs;
  for (int index = 0; index < 6; ++index) {
    const auto answer = client.post("/api/v1/documents", withDocumentId(firstLetter(), "TERM-" + std::to_string(index)));
    ASSERT_EQ(answer.status, 202);
    jobs.push_back(answer.json()->getValue<std::int64_t>("job"));
  }
  while (client.get("/api/v1/jobs/" + std::to_string(jobs[0])).json()->getValue<std::string>("state") == "queued") {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(server.stop(), 0);
  const std::string firstLog = server.log();
  EXPECT_NE(firstLog.find("\"event\":\"stopped\""), std::string::npos);

  server.start();
  // Nothing was left running: the restart had no interrupted job to put back.
  EXPECT_EQ(server.log().find("jobs_recovered"), std::string::npos);
  ApiClient after(server.port(), kSubmitterToken);
  for (auto job : jobs) {
    const auto finished = after.waitForJob(job);
    EXPECT_EQ(finished->getValue<std::string>("state"), "done");
    EXPECT_EQ(finished->getValue<int>("attempts"), 1);  // each ran once, before or after the stop
    EXPECT_EQ(finished->getValue<int>("version"), 1);
  }
  EXPECT_EQ(server.stop(), 0);
  std::filesystem::remove_all(folder);
}
