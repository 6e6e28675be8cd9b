// A version's review state in the store: transitions are checked and recorded in one
// transaction, the record cannot be rewritten, and publication is what the public sees.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include "store/SqliteStore.h"
#include "store/TemporaryFolder.h"
#include "store/Versions.h"

using paraph::store::ReviewState;
using Store = paraph::store::SqliteStore;  // the embedded store; the interface is store::Store
using paraph::store::TransitionOutcome;
using paraph::testing::kBusyTimeout;
using paraph::testing::runNext;
using paraph::testing::submissionOf;
using paraph::testing::TemporaryFolder;

namespace {

// One document with one version in `state` (made by the worker, then moved by the API).
void makeVersion(Store& store, const std::string& id, const std::string& content, ReviewState initial) {
  store.submit(submissionOf(store, id, content), 10);
  runNext(store, content, initial);
}

TEST(ReviewState, AVersionStartsInTheStateItsTranslationGivesAndItsCreationIsRecorded) {
  TemporaryFolder folder("states");
  Store store(folder.path(), kBusyTimeout);
  makeVersion(store, "DRAFT-1", "a", ReviewState::draft);
  makeVersion(store, "COMPLETE-1", "b", ReviewState::inReview);
  EXPECT_EQ(store.version("DRAFT-1", 1)->state, ReviewState::draft);
  EXPECT_EQ(store.version("COMPLETE-1", 1)->state, ReviewState::inReview);
  const auto history = store.history("DRAFT-1", 1);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_FALSE(history[0].from.has_value());
  EXPECT_EQ(history[0].to, ReviewState::draft);
}

TEST(ReviewState, ATransitionFromTheWrongStateIsRefusedAndRecordsNothing) {
  TemporaryFolder folder("wrong-state");
  Store store(folder.path(), kBusyTimeout);
  makeVersion(store, "D-1", "a", ReviewState::draft);
  const auto refused = store.transition("D-1", 1, {ReviewState::inReview}, ReviewState::approved, "reviewer", "");
  EXPECT_EQ(refused.kind, TransitionOutcome::Kind::wrongState);
  EXPECT_EQ(refused.current, ReviewState::draft);
  EXPECT_EQ(store.history("D-1", 1).size(), 1u);
  EXPECT_EQ(store.transition("NOPE", 1, {ReviewState::draft}, ReviewState::inReview, "t", "").kind,
            TransitionOutcome::Kind::noVersion);

  // A draft is never published, whatever the caller asks.
  EXPECT_EQ(store.publish("D-1", 1, "publisher", {}, "").kind, TransitionOutcome::Kind::wrongState);
  EXPECT_FALSE(store.publication("D-1").has_value());
}

TEST(ReviewState, TheWholePathIsRecordedWithWhoWhenAndWhy) {
  TemporaryFolder folder("path");
  Store store(folder.path(), kBusyTimeout);
  makeVersion(store, "P-1", "a", ReviewState::draft);
  ASSERT_TRUE(store.transition("P-1", 1, {ReviewState::draft}, ReviewState::inReview, "translator", "").made());
  ASSERT_TRUE(store.transition("P-1", 1, {ReviewState::inReview}, ReviewState::draft, "reviewer", "terme X").made());
  ASSERT_TRUE(store.transition("P-1", 1, {ReviewState::draft}, ReviewState::inReview, "translator", "").made());
  ASSERT_TRUE(store.transition("P-1", 1, {ReviewState::inReview}, ReviewState::approved, "reviewer", "").made());
  ASSERT_TRUE(store.publish("P-1", 1, "publisher", {"Titre", "Résumé", "Titel", "Samenvatting"}, "").made());
  const auto history = store.history("P-1", 1);
  ASSERT_EQ(history.size(), 6u);
  EXPECT_EQ(history[2].actor, "reviewer");
  EXPECT_EQ(history[2].comment, "terme X");
  EXPECT_EQ(*history[2].from, ReviewState::inReview);
  EXPECT_EQ(history[5].to, ReviewState::published);
  EXPECT_FALSE(history[5].at.empty());
  EXPECT_EQ(store.version("P-1", 1)->state, ReviewState::published);
}

TEST(ReviewState, TheRecordOfTransitionsCannotBeRewritten) {
  TemporaryFolder folder("record");
  {
    Store store(folder.path(), kBusyTimeout);
    makeVersion(store, "R-1", "a", ReviewState::inReview);
  }
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session session("SQLite", (folder.path() / Store::kDatabaseName).string());
  using namespace Poco::Data::Keywords;
  EXPECT_THROW((session << "UPDATE transitions SET actor = 'someone else'", now), Poco::Exception);
  EXPECT_THROW((session << "DELETE FROM transitions", now), Poco::Exception);
}

TEST(ReviewState, PublishingAgainReplacesThePublicVersionAndOnlyThePublicOneCanBeWithdrawn) {
  TemporaryFolder folder("publication");
  Store store(folder.path(), kBusyTimeout);
  for (const std::string content : {"first", "second"}) {
    makeVersion(store, "PUB-1", content, ReviewState::inReview);
  }
  std::string firstPublishedAt;
  for (const int number : {1, 2}) {
    ASSERT_TRUE(store.transition("PUB-1", number, {ReviewState::inReview}, ReviewState::approved, "r", "").made());
    ASSERT_TRUE(store.publish("PUB-1", number, "p", {"T" + std::to_string(number), "", "", ""}, "").made());
    if (number == 1) {
      firstPublishedAt = store.publication("PUB-1")->publishedAt;
      // The store's clock counts milliseconds: the second publication gets a later one.
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  const auto publication = store.publication("PUB-1");
  ASSERT_TRUE(publication);
  EXPECT_EQ(publication->number, 2);
  EXPECT_EQ(publication->texts.titleFr, "T2");
  // The document's first publication is kept when a later version replaces it.
  EXPECT_EQ(publication->firstPublishedAt, firstPublishedAt);
  EXPECT_GT(publication->publishedAt, firstPublishedAt);

  const auto replaced = store.withdraw("PUB-1", 1, "p", "");
  EXPECT_EQ(replaced.kind, TransitionOutcome::Kind::wrongState);  // version 1 is no longer the public one
  ASSERT_TRUE(store.withdraw("PUB-1", 2, "p", "erreur").made());
  EXPECT_TRUE(store.publication("PUB-1")->withdrawn);
  EXPECT_TRUE(store.livePublications(Store::timestamp(), 0, 10).empty());
  // The withdrawal is the feeds' latest change.
  EXPECT_EQ(store.feedChangedAt(Store::timestamp()), store.publication("PUB-1")->withdrawnAt);
}

TEST(ReviewState, AnEmbargoedPublicationIsLiveOnlyFromItsEmbargo) {
  TemporaryFolder folder("embargo");
  Store store(folder.path(), kBusyTimeout);
  makeVersion(store, "EMB-1", "a", ReviewState::inReview);
  ASSERT_TRUE(store.transition("EMB-1", 1, {ReviewState::inReview}, ReviewState::approved, "r", "").made());
  ASSERT_TRUE(store.publish("EMB-1", 1, "p", {}, "2030-01-01T09:00:00.000Z").made());
  EXPECT_TRUE(store.livePublications("2029-12-31T23:59:59.999Z", 0, 10).empty());
  const auto live = store.livePublications("2030-01-01T09:00:00.000Z", 0, 10);
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0].documentId, "EMB-1");
  // The feeds change when the embargo lifts, though nothing was written then.
  EXPECT_EQ(store.feedChangedAt("2030-01-02T00:00:00.000Z"), "2030-01-01T09:00:00.000Z");
}

TEST(ReviewState, AcknowledgementsAndCommentsBelongToTheirVersion) {
  TemporaryFolder folder("notes");
  Store store(folder.path(), kBusyTimeout);
  makeVersion(store, "N-1", "a", ReviewState::inReview);
  EXPECT_TRUE(store.acknowledge("N-1", 1, "title-1:identical-target", "reviewer"));
  EXPECT_FALSE(store.acknowledge("N-1", 1, "title-1:identical-target", "someone else"));  // the first is kept
  const auto acknowledgements = store.acknowledgements("N-1", 1);
  ASSERT_EQ(acknowledgements.size(), 1u);
  EXPECT_EQ(acknowledgements[0].by, "reviewer");
  const auto id = store.addComment("N-1", 1, {0, "title-1", "translator", "", "<script>alert(1)</script>"});
  const auto comments = store.comments("N-1", 1);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].id, id);
  EXPECT_EQ(comments[0].text, "<script>alert(1)</script>");  // kept as written; every page escapes it
  EXPECT_TRUE(store.comments("N-1", 2).empty());
}

}  // namespace
