// Issue 19, integrations (docs/integrations.md), against the real server: Idempotency-Key,
// callbacks signed and retried to a real receiver on loopback, the event stream, WebSub.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include <chrono>
#include <memory>
#include <thread>

#include "http/ApiClient.h"
#include "http/HmacSha256.h"
#include "http/Letters.h"
#include "http/Receiver.h"
#include "http/ServerProcess.h"

namespace paraph::testing {
namespace {

class Integrations : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Short backoff, so that three attempts take seconds; two streams at most.
    server_ = std::make_unique<ServerProcess>(testFolder("integrations"),
                                              "callbacks.allowed_hosts = 127.0.0.1\n"
                                              "callbacks.backoff_initial_ms = 1000\n"
                                              "events.max_streams = 2\n"
                                              "events.heartbeat_ms = 1000\n");
    server_->start();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->stop(), 0) << server_->log();
    server_.reset();
    std::filesystem::remove_all(testFolder("integrations"));
  }

  ApiClient submitter() const { return ApiClient(server_->port(), kSubmitterToken); }
  ApiClient admin() const { return ApiClient(server_->port(), kAdminToken); }
  ApiClient reviewer() const { return ApiClient(server_->port(), kReviewerToken); }
  ApiClient publisher() const { return ApiClient(server_->port(), kPublisherToken); }

  struct Registered {
    std::int64_t id = 0;
    std::string secret;
  };
  Registered registerCallback(const std::string& url, const std::string& events) const {
    const auto answer = submitter().post("/api/v1/callbacks", "{\"url\": \"" + url + "\", \"events\": " + events + "}",
                                         "application/json");
    EXPECT_EQ(answer.status, 201) << answer.body;
    if (answer.status != 201) return {};
    return {answer.json()->getValue<std::int64_t>("id"), answer.json()->getValue<std::string>("secret")};
  }

  Poco::JSON::Array::Ptr deliveries(std::int64_t callback) const {
    const auto answer = submitter().get("/api/v1/callbacks/" + std::to_string(callback) + "/deliveries");
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json()->getArray("deliveries");
  }

  // Submits a letter under `id` and waits for its job; returns the job id.
  std::int64_t submitLetter(const std::string& id) const {
    const auto accepted = submitter().post("/api/v1/documents", withDocumentId(firstLetter(), id));
    EXPECT_EQ(accepted.status, 202) << accepted.body;
    const auto job = accepted.json()->getValue<std::int64_t>("job");
    EXPECT_EQ(submitter().waitForJob(job)->getValue<std::string>("state"), "done") << server_->log();
    return job;
  }

  // A press release under `id`, submitted, its warnings acknowledged, approved; returns the
  // path of its version 1, ready to publish.
  std::string approvedPressRelease(const std::string& id) const {
    const auto accepted = submitter().post(
        "/api/v1/documents", withDocumentId(readFile(kHome / "fixtures" / "press-release" / "psr-budget-2026-fr.xml"), id));
    EXPECT_EQ(accepted.status, 202) << accepted.body;
    submitter().waitForJob(accepted.json()->getValue<std::int64_t>("job"));
    const std::string version = "/api/v1/documents/" + id + "/versions/1";
    const auto findings = reviewer().get(version + "/review").json()->getArray("findings");
    for (std::size_t index = 0; index < findings->size(); ++index) {
      const auto finding = findings->getObject(static_cast<unsigned>(index));
      if (finding->has("acknowledge_url")) reviewer().post(finding->getValue<std::string>("acknowledge_url"), "", "application/json");
    }
    const auto approved = reviewer().post(version + "/approve", "", "application/json");
    EXPECT_EQ(approved.status, 200) << approved.body;
    return version;
  }

  static std::unique_ptr<ServerProcess> server_;
};

std::unique_ptr<ServerProcess> Integrations::server_;

TEST_F(Integrations, TheSameIdempotencyKeyTwiceMakesOneJobAndTheSameAnswerAndAnotherBodyIsRefused) {
  const std::string letter = withDocumentId(firstLetter(), "idempotent-1");
  const std::map<std::string, std::string> key{{"Idempotency-Key", "3f1c2a9e-submit-1"}};
  const auto first = submitter().post("/api/v1/documents", letter, "application/xml", key);
  ASSERT_EQ(first.status, 202) << first.body;
  EXPECT_EQ(first.header("Idempotent-Replayed"), "");
  // Sent again (the client never saw the answer): the first answer, word for word. Without
  // the key the answer would differ (the same job "already waiting", or the version made).
  const auto again = submitter().post("/api/v1/documents", letter, "application/xml", key);
  EXPECT_EQ(again.status, 202) << again.body;
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("Location"), first.header("Location"));
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
  const auto job = submitter().waitForJob(first.json()->getValue<std::int64_t>("job"));
  EXPECT_EQ(job->getValue<std::string>("state"), "done") << server_->log();
  const auto late = submitter().post("/api/v1/documents", letter, "application/xml", key);
  EXPECT_EQ(late.body, first.body);

  // The same key with another body: refused, nothing queued.
  const auto other = submitter().post("/api/v1/documents", withDocumentId(firstLetter(), "idempotent-2"),
                                      "application/xml", key);
  EXPECT_EQ(other.status, 422) << other.body;
  EXPECT_NE(other.json()->getValue<std::string>("error").find("Idempotency-Key"), std::string::npos);
  EXPECT_EQ(submitter().get("/api/v1/documents/idempotent-2").status, 404);

  // Keys are per principal: another token's same key is its own request.
  const auto theirs = admin().post("/api/v1/documents", withDocumentId(firstLetter(), "idempotent-3"),
                                   "application/xml", key);
  EXPECT_EQ(theirs.status, 202) << theirs.body;
  EXPECT_NE(theirs.json()->getValue<std::int64_t>("job"), first.json()->getValue<std::int64_t>("job"));
  admin().waitForJob(theirs.json()->getValue<std::int64_t>("job"));  // so that no later test hears of it

  const auto document = submitter().get("/api/v1/documents/idempotent-1").json();
  EXPECT_EQ(document->getArray("versions")->size(), 1u);

  // A malformed key is refused before anything is read into the store.
  const auto malformed = submitter().post("/api/v1/documents", letter, "application/xml",
                                          {{"Idempotency-Key", "has spaces in it"}});
  EXPECT_EQ(malformed.status, 400) << malformed.body;
}

TEST_F(Integrations, AnIdempotencyKeySurvivesARestart) {
  const std::string letter = withDocumentId(firstLetter(), "idempotent-restart");
  const std::map<std::string, std::string> key{{"Idempotency-Key", "restart-key"}};
  const auto first = submitter().post("/api/v1/documents", letter, "application/xml", key);
  ASSERT_EQ(first.status, 202) << first.body;
  submitter().waitForJob(first.json()->getValue<std::int64_t>("job"));
  ASSERT_EQ(server_->stop(), 0) << server_->log();
  server_->start();
  const auto again = submitter().post("/api/v1/documents", letter, "application/xml", key);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
}


// The receiver's check of a delivery: HMAC-SHA256 of "<timestamp>.<body>" under the secret.
bool validSignature(const Received& request, const std::string& secret) {
  const std::string timestamp = request.header("X-Paraph-Timestamp");
  return !timestamp.empty() &&
         request.header("X-Paraph-Signature") == "sha256=" + http::hmacSha256Hex(secret, timestamp + "." + request.body);
}

Poco::JSON::Object::Ptr jsonOf(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

TEST_F(Integrations, AReceiverGetsJobDoneSignedAfterTwoFailedAttemptsAndEveryAttemptIsRecorded) {
  Receiver receiver;
  receiver.answerWith({500, 500});
  const auto callback = registerCallback(receiver.url(), "[\"job.done\"]");
  ASSERT_FALSE(callback.secret.empty());
  const auto job = submitLetter("callback-letter");
  ASSERT_TRUE(receiver.waitFor(3, std::chrono::seconds(60))) << server_->log();
  const auto requests = receiver.received();
  for (const auto& request : requests) {
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.header("X-Paraph-Event"), "job.done");
    EXPECT_TRUE(validSignature(request, callback.secret)) << request.header("X-Paraph-Signature");
    EXPECT_FALSE(validSignature(request, callback.secret + "x"));
    const auto event = jsonOf(request.body);
    EXPECT_EQ(event->getValue<std::string>("type"), "job.done");
    EXPECT_EQ(event->getValue<std::string>("document"), "callback-letter");
    EXPECT_EQ(event->getValue<std::int64_t>("job"), job);
    EXPECT_EQ(event->getValue<int>("version"), 1);
    EXPECT_EQ(event->getObject("links")->getValue<std::string>("job"), "/api/v1/jobs/" + std::to_string(job));
  }
  // Backoff: 1 s, then 2 s (lower bounds only: a loaded machine is slower, never faster).
  EXPECT_GE(requests[1].at - requests[0].at, std::chrono::milliseconds(900));
  EXPECT_GE(requests[2].at - requests[1].at, std::chrono::milliseconds(1900));
  EXPECT_EQ(requests[0].header("X-Paraph-Delivery"), requests[2].header("X-Paraph-Delivery"));

  // Recorded: one delivery, delivered at the third attempt, each attempt with its answer.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto listed = deliveries(callback.id);
  ASSERT_EQ(listed->size(), 1u);
  const auto delivery = listed->getObject(0);
  EXPECT_EQ(delivery->getValue<std::string>("state"), "delivered");
  EXPECT_EQ(delivery->getValue<int>("attempts"), 3);
  const auto log = delivery->getArray("attempt_log");
  ASSERT_EQ(log->size(), 3u);
  EXPECT_EQ(log->getObject(0)->getValue<int>("status"), 500);
  EXPECT_EQ(log->getObject(1)->getValue<int>("status"), 500);
  EXPECT_EQ(log->getObject(2)->getValue<int>("status"), 200);
  EXPECT_EQ(log->getObject(2)->getValue<std::string>("response"), "ok");

  // Redelivered on request: the same event again, as a new delivery.
  const auto again = submitter().post("/api/v1/callbacks/" + std::to_string(callback.id) + "/deliveries/" +
                                          std::to_string(delivery->getValue<std::int64_t>("id")) + "/redeliver",
                                      "", "application/json");
  EXPECT_EQ(again.status, 202) << again.body;
  ASSERT_TRUE(receiver.waitFor(4, std::chrono::seconds(30)));
  EXPECT_EQ(jsonOf(receiver.received()[3].body)->getValue<std::int64_t>("id"), jsonOf(requests[0].body)->getValue<std::int64_t>("id"));
  // Another token sees none of it.
  EXPECT_EQ(admin().get("/api/v1/callbacks/" + std::to_string(callback.id) + "/deliveries").status, 404);
  EXPECT_EQ(submitter().request("DELETE", "/api/v1/callbacks/" + std::to_string(callback.id), "", {}).status, 204);
}

TEST_F(Integrations, ADeliveryInterruptedBySigkillBetweenAttemptsArrivesAfterTheRestart) {
  Receiver receiver;
  receiver.answerWith({503});
  const auto callback = registerCallback(receiver.url(), "[\"job.done\"]");
  submitLetter("callback-crash");
  ASSERT_TRUE(receiver.waitFor(1, std::chrono::seconds(30))) << server_->log();
  // Killed once the failed attempt is recorded and before the next one is due.
  for (int tries = 0; tries < 100; ++tries) {
    const auto listed = deliveries(callback.id);
    if (listed->size() == 1 && listed->getObject(0)->getValue<int>("attempts") == 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  server_->crash();
  ASSERT_EQ(receiver.received().size(), 1u);
  server_->start();
  ASSERT_TRUE(receiver.waitFor(2, std::chrono::seconds(60))) << server_->log();
  const auto requests = receiver.received();
  EXPECT_EQ(requests[1].header("X-Paraph-Delivery"), requests[0].header("X-Paraph-Delivery"));
  EXPECT_EQ(requests[1].body, requests[0].body);
  EXPECT_TRUE(validSignature(requests[1], callback.secret));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(deliveries(callback.id)->getObject(0)->getValue<std::string>("state"), "delivered");
  submitter().request("DELETE", "/api/v1/callbacks/" + std::to_string(callback.id), "", {});
}

TEST_F(Integrations, AHostNotAllowedOrARedirectToOneIsRefusedAndReceivesNothing) {
  Receiver elsewhere("127.0.0.2");  // loopback too, but not in callbacks.allowed_hosts
  const auto refused = submitter().post("/api/v1/callbacks", "{\"url\": \"" + elsewhere.url() + "\"}", "application/json");
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_NE(refused.body.find("field 'url'"), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("callbacks.allowed_hosts"), std::string::npos) << refused.body;
  for (const std::string& url : std::vector<std::string>{"http://localhost:" + std::to_string(elsewhere.port()) + "/",
                                                         "https://127.0.0.1/", "http://user:pw@127.0.0.1/",
                                                         "file:///etc/passwd"}) {
    EXPECT_EQ(submitter().post("/api/v1/callbacks", "{\"url\": \"" + url + "\"}", "application/json").status, 400) << url;
  }
  // An allowed receiver that redirects there: the redirect is a failed attempt, not followed.
  Receiver redirecting;
  redirecting.redirectTo(elsewhere.url());
  const auto callback = registerCallback(redirecting.url(), "[\"job.done\"]");
  submitLetter("callback-redirect");
  ASSERT_TRUE(redirecting.waitFor(2, std::chrono::seconds(30))) << server_->log();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_TRUE(elsewhere.received().empty());
  const auto attempt = deliveries(callback.id)->getObject(0)->getArray("attempt_log")->getObject(0);
  EXPECT_EQ(attempt->getValue<int>("status"), 307);
  EXPECT_NE(attempt->getValue<std::string>("error").find("not followed"), std::string::npos);
  submitter().request("DELETE", "/api/v1/callbacks/" + std::to_string(callback.id), "", {});
  // A WebSub subscriber there is refused the same way.
  const auto hub = ApiClient(server_->port()).post(
      "/websub/hub", "hub.mode=subscribe&hub.topic=http%3A%2F%2F127.0.0.1%2Ffeed.atom&hub.callback=" +
                         Poco::URI(elsewhere.url()).toString(),
      "application/x-www-form-urlencoded");
  EXPECT_EQ(hub.status, 400) << hub.body;
  EXPECT_NE(hub.body.find("field 'hub.callback'"), std::string::npos) << hub.body;
  EXPECT_TRUE(elsewhere.received().empty());
}

TEST_F(Integrations, AWebSubSubscriberIsVerifiedThenSentTheNewFeedWithinASecondOfAPublication) {
  const std::string feed = ApiClient(server_->port()).get("/feed.atom").body;
  const std::string hubLink = ":" + std::to_string(server_->port()) + "/websub/hub\"/>";
  EXPECT_NE(feed.find("<link rel=\"hub\" href=\"http://"), std::string::npos) << feed;
  EXPECT_NE(feed.find(hubLink), std::string::npos) << feed;

  Receiver subscriber;
  const std::string topic = "http://127.0.0.1:" + std::to_string(server_->port()) + "/feed.atom";
  std::string encodedTopic, encodedCallback;
  Poco::URI::encode(topic, ":/?&=", encodedTopic);
  Poco::URI::encode(subscriber.url("/websub"), ":/?&=", encodedCallback);
  const auto accepted = ApiClient(server_->port()).post(
      "/websub/hub", "hub.mode=subscribe&hub.topic=" + encodedTopic + "&hub.callback=" + encodedCallback +
                         "&hub.secret=websub-secret&hub.lease_seconds=600",
      "application/x-www-form-urlencoded");
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  ASSERT_TRUE(subscriber.waitFor(1, std::chrono::seconds(30))) << server_->log();
  const auto verification = subscriber.received().at(0);
  EXPECT_EQ(verification.method, "GET");
  EXPECT_NE(verification.uri.find("hub.mode=subscribe"), std::string::npos) << verification.uri;
  EXPECT_NE(verification.uri.find("hub.lease_seconds=600"), std::string::npos) << verification.uri;
  for (int tries = 0; tries < 200 && server_->log().find("\"verified\":true") == std::string::npos; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }

  const std::string version = approvedPressRelease("websub-press");
  const auto published = publisher().post(version + "/publish", "", "application/json");
  ASSERT_EQ(published.status, 200) << published.body;
  const auto publishedAt = std::chrono::steady_clock::now();
  ASSERT_TRUE(subscriber.waitFor(2, std::chrono::seconds(10))) << server_->log();
  const auto notification = subscriber.received().at(1);
  EXPECT_LT(notification.at - publishedAt, std::chrono::milliseconds(1000));
  EXPECT_EQ(notification.method, "POST");
  EXPECT_EQ(notification.header("Content-Type"), "application/atom+xml; charset=utf-8");
  EXPECT_NE(notification.body.find("/websub-press/fr</id>"), std::string::npos) << notification.body;
  EXPECT_EQ(notification.header("X-Hub-Signature"), "sha256=" + http::hmacSha256Hex("websub-secret", notification.body));
  EXPECT_NE(notification.header("Link").find("rel=\"hub\""), std::string::npos);
}

// Reads the event stream until `wanted` appears in it (bounded); returns what was read.
std::string readStream(std::uint16_t port, const std::map<std::string, std::string>& headers, const std::string& wanted,
                       int* status = nullptr) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(20, 0));
  Poco::Net::HTTPRequest request("GET", "/api/v1/events", Poco::Net::HTTPMessage::HTTP_1_1);
  request.set("Authorization", std::string("Bearer ") + kSubmitterToken);
  for (const auto& [name, value] : headers) request.set(name, value);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  std::istream& stream = session.receiveResponse(response);
  if (status != nullptr) *status = static_cast<int>(response.getStatus());
  std::string text;
  for (std::string line; text.find(wanted) == std::string::npos && std::getline(stream, line);) text += line + "\n";
  return text;
}

TEST_F(Integrations, TheEventStreamResumesFromLastEventIdAndRefusesStreamsBeyondItsCap) {
  submitLetter("stream-first");
  // From the start of the store: every event so far, in order, with ids.
  const std::string all = readStream(server_->port(), {{"Last-Event-ID", "0"}}, "\"type\":\"job.done\"");
  // The server gives that stream's place back once it finds the client gone (a heartbeat or two).
  std::this_thread::sleep_for(std::chrono::seconds(3));
  EXPECT_NE(all.find("id: 1\n"), std::string::npos) << all;
  EXPECT_NE(all.find("data: {\"id\":"), std::string::npos) << all;

  // A live stream gets the next job's event.
  std::string live;
  std::thread reader([&] { live = readStream(server_->port(), {}, "\"document\":\"stream-letter\""); });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  // Two streams at most (events.max_streams = 2): the second is open, a third is refused.
  std::string second;
  std::thread other([&] { second = readStream(server_->port(), {}, ": heartbeat"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  int status = 0;
  readStream(server_->port(), {}, "", &status);
  EXPECT_EQ(status, 503);
  submitLetter("stream-letter");
  reader.join();
  other.join();
  EXPECT_NE(live.find("event: job.done"), std::string::npos) << live;
  EXPECT_NE(second.find(": heartbeat"), std::string::npos) << second;
}

}  // namespace
}  // namespace paraph::testing
