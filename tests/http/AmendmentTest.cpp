// An amendment submitted to the real server also makes the next version of the convention
// it amends (consolidated), and is refused, with nothing stored, when it cannot.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include <memory>

#include "http/ApiClient.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"
#include "support/Fixtures.h"

using namespace paraph::testing;

namespace {

const auto kConvention = kHome / "fixtures" / "convention" / "psychosocial-liege-fr.xml";
const auto kAmendment = kHome / "fixtures" / "amendment" / "psychosocial-liege-fr.amendment-1.xml";

class Amendment : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<ServerProcess>(testFolder("amendment"));
    server_->start();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->stop(), 0) << server_->log();
    server_.reset();
    std::filesystem::remove_all(testFolder("amendment"));
  }
  ApiClient submitter() const { return ApiClient(server_->port(), kSubmitterToken); }

  std::int64_t documentCount() const {
    return submitter().get("/api/v1/documents").json()->getValue<std::int64_t>("total");
  }
  void waitDone(std::int64_t job) const {
    const auto finished = submitter().waitForJob(job);
    EXPECT_EQ(finished->getValue<std::string>("state"), "done") << finished->getValue<std::string>("error");
  }

  static std::unique_ptr<ServerProcess> server_;
};

std::unique_ptr<ServerProcess> Amendment::server_;

TEST_F(Amendment, SubmittingAnAmendmentMakesTheConventionsConsolidatedNextVersion) {
  const std::string amendment = readFile(kAmendment);

  // Before its convention is in paraph: refused, nothing stored.
  const auto early = submitter().post("/api/v1/documents", amendment);
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_NE(early.body.find("CONV-7.72.015-2026"), std::string::npos) << early.body;
  EXPECT_EQ(documentCount(), 0);

  const auto convention = submitter().post("/api/v1/documents", readFile(kConvention));
  ASSERT_EQ(convention.status, 202) << convention.body;
  waitDone(convention.json()->getValue<std::int64_t>("job"));

  // An amendment whose statement about the convention is wrong: 400 at its line, nothing stored.
  const std::string wrongNumber = replacedOnce(amendment, R"(article="art-billing" article-number="7")",
                                               R"(article="art-billing" article-number="6")");
  const auto misfit = submitter().post("/api/v1/documents", wrongNumber);
  EXPECT_EQ(misfit.status, 400) << misfit.body;
  ASSERT_TRUE(misfit.json()->has("errors")) << misfit.body;
  EXPECT_GT(misfit.json()->getArray("errors")->getObject(0)->getValue<int>("line"), 0);
  EXPECT_EQ(documentCount(), 1);

  const auto accepted = submitter().post("/api/v1/documents", amendment);
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  const auto consolidated = accepted.json()->getObject("consolidated");
  ASSERT_TRUE(consolidated) << accepted.body;
  EXPECT_EQ(consolidated->getValue<std::string>("document"), "CONV-7.72.015-2026");
  EXPECT_EQ(consolidated->getValue<int>("from_version"), 1);
  EXPECT_GT(consolidated->getArray("changed_articles")->size(), 0u);
  waitDone(accepted.json()->getValue<std::int64_t>("job"));
  waitDone(consolidated->getValue<std::int64_t>("job"));

  // The convention's version 2 is the consolidated text, with its history; version 1 is kept.
  const std::string versions = "/api/v1/documents/CONV-7.72.015-2026/versions/";
  const auto input = submitter().get(versions + "2/input.xml").body;
  EXPECT_NE(input.find("amended-by"), std::string::npos) << input;
  const auto french = submitter().get(versions + "2/fr.html").body;
  EXPECT_NE(french.find("avenant n° 1"), std::string::npos);
  const auto before = submitter().get(versions + "1/fr.html");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body.find("avenant n° 1"), std::string::npos);
  // The amendment is a document too, rendered on its own.
  EXPECT_EQ(submitter().get("/api/v1/documents/AVN-7.72.015-01/versions/1/nl.pdf").status, 200);

  // The same amendment again: nothing new, and the convention is not amended twice.
  const auto again = submitter().post("/api/v1/documents", amendment);
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_FALSE(again.json()->has("consolidated"));
  EXPECT_EQ(submitter().get("/api/v1/documents/CONV-7.72.015-2026").json()->getValue<int>("latest_version"), 2);
}

// While the convention's version is still being made, the amendment would apply to nothing
// settled: refused, naming the job to wait for. A server that only accepts jobs keeps the
// convention's job pending for as long as the test needs.
TEST(AmendmentWhileConventionPending, IsRefusedNamingTheJobToWaitFor) {
  const auto folder = testFolder("amendment-pending");
  ServerProcess server(folder, "queue.accept_only = true\n");
  server.start();
  ApiClient submitter(server.port(), kSubmitterToken);
  const auto convention = submitter.post("/api/v1/documents", readFile(kConvention));
  ASSERT_EQ(convention.status, 202) << convention.body;
  const auto tooSoon = submitter.post("/api/v1/documents", readFile(kAmendment));
  EXPECT_EQ(tooSoon.status, 409) << tooSoon.body;
  EXPECT_NE(tooSoon.body.find(convention.json()->getValue<std::string>("status_url")), std::string::npos)
      << tooSoon.body;
  EXPECT_EQ(submitter.get("/api/v1/documents/AVN-7.72.015-01").status, 404);  // nothing stored
  EXPECT_EQ(server.stop(), 0) << server.log();
  std::filesystem::remove_all(folder);
}

}  // namespace
