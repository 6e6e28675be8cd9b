// The store's side of the integrations (docs/integrations.md): events recorded by the
// transactions that make them, deliveries fanned out to the callbacks that want them,
// claimed under a lease, retried and recorded; idempotency keys per principal.
#include <gtest/gtest.h>

#include "store/SqliteStore.h"
#include "store/TemporaryFolder.h"
#include "store/Versions.h"

using paraph::store::DeliveryState;
using paraph::store::IdempotencyClaim;
using paraph::store::ReviewState;
using Store = paraph::store::SqliteStore;
using paraph::testing::kBusyTimeout;
using paraph::testing::runNext;
using paraph::testing::submissionOf;
using paraph::testing::TemporaryFolder;

namespace {

paraph::store::CallbackRecord callbackFor(const std::vector<std::string>& events) {
  paraph::store::CallbackRecord callback;
  callback.owner = "tester";
  callback.url = "http://127.0.0.1:9/hook";
  callback.events = events;
  callback.secret = "s";
  return callback;
}

TEST(IntegrationStore, EachChangeRecordsItsEventAndADeliveryToEachCallbackThatWantsIt) {
  TemporaryFolder folder("events");
  Store store(folder.path(), kBusyTimeout);
  const auto jobs = store.addCallback(callbackFor({"job.done"}));
  const auto states = store.addCallback(callbackFor({"version.state-changed", "publication.published"}));
  store.submit(submissionOf(store, "EV-1", "a"), 10);
  runNext(store, "a");
  ASSERT_TRUE(store.transition("EV-1", 1, {ReviewState::inReview}, ReviewState::approved, "reviewer", "").made());
  ASSERT_TRUE(store.publish("EV-1", 1, "publisher", {}, "").made());

  const auto events = store.eventsAfter(0, 100);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].type, "job.done");
  EXPECT_EQ(events[0].version, 1);
  EXPECT_EQ(events[1].type, "version.state-changed");
  EXPECT_EQ(events[1].previousState, "in-review");
  EXPECT_EQ(events[1].state, "approved");
  EXPECT_EQ(events[2].state, "published");
  EXPECT_EQ(events[3].type, "publication.published");
  EXPECT_EQ(store.latestEventId(), events[3].id);
  EXPECT_EQ(store.eventsAfter(events[1].id, 100).size(), 2u);

  EXPECT_EQ(store.deliveries(jobs.id, 10).size(), 1u);
  EXPECT_EQ(store.deliveries(states.id, 10).size(), 3u);
  // A refused transition records nothing, and so tells nothing.
  EXPECT_FALSE(store.transition("EV-1", 1, {ReviewState::draft}, ReviewState::inReview, "x", "").made());
  EXPECT_EQ(store.eventsAfter(0, 100).size(), 4u);
}

TEST(IntegrationStore, AClaimedDeliveryIsLeasedRetriedWhenDueAndFinishedOnce) {
  TemporaryFolder folder("deliveries");
  Store store(folder.path(), kBusyTimeout);
  const auto callback = store.addCallback(callbackFor({"job.done"}));
  store.submit(submissionOf(store, "DL-1", "a"), 10);
  runNext(store, "a");
  const auto now = Store::timestamp();
  const auto claimed = store.claimDueDelivery(now, Store::timestampIn(std::chrono::minutes(1)));
  ASSERT_TRUE(claimed.has_value());
  EXPECT_EQ(claimed->url, callback.url);
  EXPECT_EQ(claimed->delivery.event.type, "job.done");
  // Leased: not due again meanwhile, for this sender or another.
  EXPECT_FALSE(store.claimDueDelivery(now, now).has_value());
  store.recordAttempt(claimed->delivery.id, {0, now, 500, "answered 500", "no", 3}, DeliveryState::pending,
                      Store::timestampIn(std::chrono::milliseconds(-1)));
  const auto again = store.claimDueDelivery(Store::timestamp(), Store::timestampIn(std::chrono::minutes(1)));
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->delivery.attempts, 1);
  store.recordAttempt(again->delivery.id, {0, Store::timestamp(), 200, "", "ok", 2}, DeliveryState::delivered, now);
  const auto done = store.delivery(claimed->delivery.id);
  EXPECT_EQ(done->state, DeliveryState::delivered);
  ASSERT_EQ(done->attemptLog.size(), 2u);
  EXPECT_EQ(done->attemptLog[0].status, 500);
  EXPECT_EQ(done->attemptLog[1].number, 2);
  EXPECT_FALSE(store.claimDueDelivery(Store::timestampIn(std::chrono::hours(1)), now).has_value());

  // Removed: its pending deliveries fail, nothing more is claimed for it.
  const auto redelivered = store.redeliver(claimed->delivery.id);
  EXPECT_EQ(store.delivery(redelivered)->state, DeliveryState::pending);
  EXPECT_TRUE(store.removeCallback(callback.id));
  EXPECT_FALSE(store.removeCallback(callback.id));
  EXPECT_EQ(store.delivery(redelivered)->state, DeliveryState::failed);
  EXPECT_TRUE(store.callbacks("tester").empty());
}

TEST(IntegrationStore, AnIdempotencyKeyIsPerPrincipalAndReplaysOnlyTheSameRequest) {
  TemporaryFolder folder("idempotency");
  const auto longAgo = Store::timestampIn(std::chrono::hours(-24));
  {
    Store store(folder.path(), kBusyTimeout);
    EXPECT_EQ(store.claimIdempotencyKey("alice", "k", "f1", longAgo).kind, IdempotencyClaim::Kind::claimed);
    EXPECT_EQ(store.claimIdempotencyKey("alice", "k", "f1", longAgo).kind, IdempotencyClaim::Kind::inProgress);
    EXPECT_EQ(store.claimIdempotencyKey("bob", "k", "f2", longAgo).kind, IdempotencyClaim::Kind::claimed);
    store.finishIdempotencyKey("alice", "k", {202, "application/json", "/api/v1/jobs/1", "{}"});
    const auto replay = store.claimIdempotencyKey("alice", "k", "f1", longAgo);
    EXPECT_EQ(replay.kind, IdempotencyClaim::Kind::replay);
    EXPECT_EQ(replay.answer.status, 202);
    EXPECT_EQ(replay.answer.location, "/api/v1/jobs/1");
    EXPECT_EQ(store.claimIdempotencyKey("alice", "k", "f9", longAgo).kind, IdempotencyClaim::Kind::mismatch);
  }
  Store reopened(folder.path(), kBusyTimeout);
  // Kept across a restart; bob's, still in progress when the process ended, is forgotten.
  EXPECT_EQ(reopened.claimIdempotencyKey("alice", "k", "f1", longAgo).kind, IdempotencyClaim::Kind::replay);
  EXPECT_EQ(reopened.claimIdempotencyKey("bob", "k", "f2", longAgo).kind, IdempotencyClaim::Kind::claimed);
  // Past the retention period, a key is free again.
  EXPECT_EQ(reopened.claimIdempotencyKey("alice", "k", "f9", Store::timestampIn(std::chrono::hours(1))).kind,
            IdempotencyClaim::Kind::claimed);
}

}  // namespace
