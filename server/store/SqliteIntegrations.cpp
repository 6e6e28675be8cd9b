// SqliteStore's integrations (issue 19, docs/integrations.md): idempotency keys, events,
// callbacks and their deliveries, WebSub intents and subscriptions. All in one file so that
// another store can port them as one block.
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <sstream>

#include "store/SqliteEvents.h"
#include "store/SqliteStore.h"

namespace paraph::store {
namespace {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

std::string joinedEvents(const std::vector<std::string>& events) {
  std::string text;
  for (const auto& event : events) text += (text.empty() ? "" : ",") + event;
  return text;
}

std::vector<std::string> splitEvents(const std::string& text) {
  std::vector<std::string> events;
  std::istringstream stream(text);
  for (std::string event; std::getline(stream, event, ',');) {
    if (!event.empty()) events.push_back(event);
  }
  return events;
}

constexpr const char* kEventColumns =
    "e.id, e.type, e.document_id, e.document_type, e.version, e.job_id, e.state, e.previous_state, e.detail, e.at";
using EventRow = Poco::Tuple<Poco::Int64, std::string, std::string, std::string, int, Poco::Int64, std::string,
                             std::string, std::string, std::string>;

EventRecord toEvent(const EventRow& row) {
  EventRecord event;
  event.id = row.get<0>();
  event.type = row.get<1>();
  event.documentId = row.get<2>();
  event.documentType = row.get<3>();
  event.version = row.get<4>();
  event.job = row.get<5>();
  event.state = row.get<6>();
  event.previousState = row.get<7>();
  event.detail = row.get<8>();
  event.at = row.get<9>();
  return event;
}

std::optional<DeliveryState> parseDeliveryState(const std::string& text) {
  if (text == "pending") return DeliveryState::pending;
  if (text == "delivered") return DeliveryState::delivered;
  if (text == "failed") return DeliveryState::failed;
  return std::nullopt;
}

std::vector<AttemptRecord> selectAttempts(Session& session, Poco::Int64 delivery) {
  using Row = Poco::Tuple<int, std::string, int, std::string, std::string, Poco::Int64>;
  std::vector<Row> rows;
  session << "SELECT number, at, status, error, response, ms FROM delivery_attempts WHERE delivery_id = ? "
             "ORDER BY number",
      into(rows), useRef(delivery), now;
  std::vector<AttemptRecord> attempts;
  for (const auto& row : rows) {
    attempts.push_back({row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>(), row.get<4>(), row.get<5>()});
  }
  return attempts;
}

// Deliveries matching `where` (bound to `value`), newest first.
std::vector<DeliveryRecord> selectDeliveries(Session& session, const std::string& where, Poco::Int64 value,
                                             int limit) {
  using Row = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, std::string, int, std::string, std::string,
                          std::string, Poco::Int64, std::string, std::string, std::string, int, Poco::Int64,
                          std::string, std::string, std::string, std::string>;
  std::vector<Row> rows;
  session << "SELECT d.id, d.kind, d.target_id, d.state, d.attempts, d.created_at, d.due_at, "
             "COALESCE(d.finished_at, ''), " + std::string(kEventColumns) +
                 " FROM deliveries AS d JOIN events AS e ON e.id = d.event_id WHERE " + where +
                 " ORDER BY d.id DESC LIMIT ?",
      into(rows), useRef(value), bind(limit), now;
  std::vector<DeliveryRecord> result;
  for (const auto& row : rows) {
    DeliveryRecord delivery;
    delivery.id = row.get<0>();
    delivery.kind = row.get<1>();
    delivery.target = row.get<2>();
    delivery.state = parseDeliveryState(row.get<3>()).value_or(DeliveryState::failed);
    delivery.attempts = row.get<4>();
    delivery.createdAt = row.get<5>();
    delivery.dueAt = row.get<6>();
    delivery.finishedAt = row.get<7>();
    delivery.event = toEvent(EventRow(row.get<8>(), row.get<9>(), row.get<10>(), row.get<11>(), row.get<12>(),
                                      row.get<13>(), row.get<14>(), row.get<15>(), row.get<16>(), row.get<17>()));
    delivery.attemptLog = selectAttempts(session, delivery.id);
    result.push_back(std::move(delivery));
  }
  return result;
}

}  // namespace

void recordEvent(Session& session, EventRecord event) {
  if (event.at.empty()) event.at = Store::timestamp();
  Poco::Int64 job = event.job;
  session << "INSERT INTO events (type, document_id, document_type, version, job_id, state, previous_state, detail, at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      useRef(event.type), useRef(event.documentId), useRef(event.documentType), useRef(event.version), useRef(job),
      useRef(event.state), useRef(event.previousState), useRef(event.detail), useRef(event.at), now;
  Poco::Int64 id = 0;
  session << "SELECT last_insert_rowid()", into(id), now;
  const std::string wanted = "," + event.type + ",";
  session << "INSERT INTO deliveries (kind, target_id, event_id, state, attempts, created_at, due_at) "
             "SELECT 'callback', id, ?, 'pending', 0, ?, ? FROM callbacks "
             "WHERE removed_at IS NULL AND instr(',' || events || ',', ?) > 0",
      useRef(id), useRef(event.at), useRef(event.at), useRef(wanted), now;
  if (event.type.starts_with("publication.")) {
    // The feeds change when an embargo is lifted, not before: subscribers are told then.
    const std::string due = std::max(event.at, event.notBefore);
    session << "INSERT INTO deliveries (kind, target_id, event_id, state, attempts, created_at, due_at) "
               "SELECT 'websub', id, ?, 'pending', 0, ?, ? FROM websub_subscriptions WHERE expires_at > ?",
        useRef(id), useRef(event.at), useRef(due), useRef(event.at), now;
  }
}

IdempotencyClaim SqliteStore::claimIdempotencyKey(const std::string& principal, const std::string& key,
                                                  const std::string& fingerprint, const std::string& expiredBefore) {
  return database_.transaction([&](Session& session) {
    session << "DELETE FROM idempotency_keys WHERE created_at < ?", useRef(expiredBefore), now;
    using Row = Poco::Tuple<std::string, int, std::string, std::string, std::string>;
    std::vector<Row> rows;
    session << "SELECT fingerprint, status, content_type, location, body FROM idempotency_keys "
               "WHERE principal = ? AND key = ?",
        into(rows), useRef(principal), useRef(key), now;
    IdempotencyClaim claim;
    if (rows.empty()) {
      const std::string at = Store::timestamp();
      session << "INSERT INTO idempotency_keys (principal, key, fingerprint, created_at) VALUES (?, ?, ?, ?)",
          useRef(principal), useRef(key), useRef(fingerprint), useRef(at), now;
      return claim;
    }
    const auto& row = rows.front();
    if (row.get<0>() != fingerprint) {
      claim.kind = IdempotencyClaim::Kind::mismatch;
    } else if (row.get<1>() == 0) {
      claim.kind = IdempotencyClaim::Kind::inProgress;
    } else {
      claim.kind = IdempotencyClaim::Kind::replay;
      claim.answer = {row.get<1>(), row.get<2>(), row.get<3>(), row.get<4>()};
    }
    return claim;
  });
}

void SqliteStore::finishIdempotencyKey(const std::string& principal, const std::string& key,
                                       const StoredAnswer& answer) {
  database_.transaction([&](Session& session) {
    session << "UPDATE idempotency_keys SET status = ?, content_type = ?, location = ?, body = ? "
               "WHERE principal = ? AND key = ?",
        bind(answer.status), useRef(answer.contentType), useRef(answer.location), useRef(answer.body),
        useRef(principal), useRef(key), now;
  });
}

void SqliteStore::releaseIdempotencyKey(const std::string& principal, const std::string& key) {
  database_.transaction([&](Session& session) {
    session << "DELETE FROM idempotency_keys WHERE principal = ? AND key = ? AND status = 0", useRef(principal),
        useRef(key), now;
  });
}

std::vector<EventRecord> SqliteStore::eventsAfter(std::int64_t id, int limit) {
  return database_.read([&](Session& session) {
    std::vector<EventRow> rows;
    Poco::Int64 after = id;
    session << "SELECT " + std::string(kEventColumns) + " FROM events AS e WHERE e.id > ? ORDER BY e.id LIMIT ?",
        into(rows), useRef(after), bind(limit), now;
    std::vector<EventRecord> events;
    for (const auto& row : rows) events.push_back(toEvent(row));
    return events;
  });
}

std::int64_t SqliteStore::latestEventId() {
  return database_.read([](Session& session) {
    Poco::Int64 id = 0;
    session << "SELECT COALESCE(MAX(id), 0) FROM events", into(id), now;
    return static_cast<std::int64_t>(id);
  });
}

CallbackRecord SqliteStore::addCallback(const CallbackRecord& callback) {
  return database_.transaction([&](Session& session) {
    CallbackRecord added = callback;
    added.createdAt = Store::timestamp();
    const std::string events = joinedEvents(callback.events);
    session << "INSERT INTO callbacks (owner, url, events, secret, created_at) VALUES (?, ?, ?, ?, ?)",
        useRef(added.owner), useRef(added.url), useRef(events), useRef(added.secret), useRef(added.createdAt), now;
    Poco::Int64 id = 0;
    session << "SELECT last_insert_rowid()", into(id), now;
    added.id = id;
    return added;
  });
}

namespace {

using CallbackRow = Poco::Tuple<Poco::Int64, std::string, std::string, std::string, std::string, std::string>;
constexpr const char* kCallbackColumns = "SELECT id, owner, url, events, secret, created_at FROM callbacks ";

CallbackRecord toCallback(const CallbackRow& row) {
  return {row.get<0>(), row.get<1>(), row.get<2>(), splitEvents(row.get<3>()), row.get<4>(), row.get<5>()};
}

}  // namespace

std::vector<CallbackRecord> SqliteStore::callbacks(const std::string& owner) {
  return database_.read([&](Session& session) {
    std::vector<CallbackRow> rows;
    session << std::string(kCallbackColumns) + "WHERE owner = ? AND removed_at IS NULL ORDER BY id", into(rows),
        useRef(owner), now;
    std::vector<CallbackRecord> result;
    for (const auto& row : rows) result.push_back(toCallback(row));
    return result;
  });
}

std::optional<CallbackRecord> SqliteStore::callback(std::int64_t id) {
  return database_.read([&](Session& session) -> std::optional<CallbackRecord> {
    std::vector<CallbackRow> rows;
    Poco::Int64 wanted = id;
    session << std::string(kCallbackColumns) + "WHERE id = ? AND removed_at IS NULL", into(rows), useRef(wanted), now;
    if (rows.empty()) return std::nullopt;
    return toCallback(rows.front());
  });
}

bool SqliteStore::removeCallback(std::int64_t id) {
  return database_.transaction([&](Session& session) {
    const std::string at = Store::timestamp();
    Poco::Int64 wanted = id;
    Poco::Data::Statement removal(session);
    removal << "UPDATE callbacks SET removed_at = ? WHERE id = ? AND removed_at IS NULL", useRef(at), useRef(wanted);
    if (removal.execute() == 0) return false;
    session << "UPDATE deliveries SET state = 'failed', finished_at = ? WHERE kind = 'callback' AND target_id = ? "
               "AND state = 'pending'",
        useRef(at), useRef(wanted), now;
    return true;
  });
}

std::vector<DeliveryRecord> SqliteStore::deliveries(std::int64_t callback, int limit) {
  return database_.read(
      [&](Session& session) { return selectDeliveries(session, "d.kind = 'callback' AND d.target_id = ?", callback, limit); });
}

std::optional<DeliveryRecord> SqliteStore::delivery(std::int64_t id) {
  return database_.read([&](Session& session) -> std::optional<DeliveryRecord> {
    auto found = selectDeliveries(session, "d.id = ?", id, 1);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
  });
}

std::int64_t SqliteStore::redeliver(std::int64_t deliveryId) {
  return database_.transaction([&](Session& session) {
    const std::string at = Store::timestamp();
    Poco::Int64 wanted = deliveryId;
    session << "INSERT INTO deliveries (kind, target_id, event_id, state, attempts, created_at, due_at) "
               "SELECT kind, target_id, event_id, 'pending', 0, ?, ? FROM deliveries WHERE id = ?",
        useRef(at), useRef(at), useRef(wanted), now;
    Poco::Int64 id = 0;
    session << "SELECT last_insert_rowid()", into(id), now;
    return static_cast<std::int64_t>(id);
  });
}

std::optional<DueDelivery> SqliteStore::claimDueDelivery(const std::string& nowUtc_, const std::string& leaseUntil) {
  return database_.transaction([&](Session& session) -> std::optional<DueDelivery> {
    std::vector<Poco::Int64> due;
    session << "SELECT id FROM deliveries WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT 1",
        into(due), useRef(nowUtc_), now;
    if (due.empty()) return std::nullopt;
    session << "UPDATE deliveries SET due_at = ? WHERE id = ?", useRef(leaseUntil), useRef(due.front()), now;
    auto found = selectDeliveries(session, "d.id = ?", due.front(), 1);
    DueDelivery claimed;
    claimed.delivery = std::move(found.front());
    Poco::Int64 target = claimed.delivery.target;
    using Row = Poco::Tuple<std::string, std::string, std::string>;
    std::vector<Row> rows;
    if (claimed.delivery.kind == "callback") {
      session << "SELECT url, secret, '' FROM callbacks WHERE id = ? AND removed_at IS NULL", into(rows),
          useRef(target), now;
    } else {
      session << "SELECT callback, secret, topic FROM websub_subscriptions WHERE id = ? AND expires_at > ?",
          into(rows), useRef(target), useRef(nowUtc_), now;
    }
    if (rows.empty()) {
      claimed.targetGone = true;
    } else {
      claimed.url = rows.front().get<0>();
      claimed.secret = rows.front().get<1>();
      claimed.topic = rows.front().get<2>();
    }
    return claimed;
  });
}

void SqliteStore::recordAttempt(std::int64_t deliveryId, const AttemptRecord& attempt, DeliveryState state,
                                const std::string& dueAt) {
  database_.transaction([&](Session& session) {
    Poco::Int64 id = deliveryId;
    Poco::Int64 ms = attempt.ms;
    session << "INSERT INTO delivery_attempts (delivery_id, number, at, status, error, response, ms) "
               "SELECT ?, attempts + 1, ?, ?, ?, ?, ? FROM deliveries WHERE id = ?",
        useRef(id), useRef(attempt.at), bind(attempt.status), useRef(attempt.error), useRef(attempt.response),
        useRef(ms), useRef(id), now;
    const std::string stateText = toString(state);
    Poco::Nullable<std::string> finished;
    if (state != DeliveryState::pending) finished = attempt.at;
    session << "UPDATE deliveries SET attempts = attempts + 1, state = ?, due_at = ?, finished_at = ? WHERE id = ?",
        useRef(stateText), useRef(dueAt), useRef(finished), useRef(id), now;
  });
}

void SqliteStore::addWebSubIntent(const WebSubIntent& intent) {
  database_.transaction([&](Session& session) {
    const std::string at = Store::timestamp();
    Poco::Int64 lease = intent.leaseSeconds;
    session << "INSERT INTO websub_intents (mode, topic, callback, secret, lease_seconds, created_at, due_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
        useRef(intent.mode), useRef(intent.topic), useRef(intent.callback), useRef(intent.secret), useRef(lease),
        useRef(at), useRef(at), now;
  });
}

std::optional<WebSubIntent> SqliteStore::claimWebSubIntent(const std::string& nowUtc_, const std::string& leaseUntil) {
  return database_.transaction([&](Session& session) -> std::optional<WebSubIntent> {
    using Row = Poco::Tuple<Poco::Int64, std::string, std::string, std::string, std::string, Poco::Int64, std::string>;
    std::vector<Row> rows;
    session << "SELECT id, mode, topic, callback, secret, lease_seconds, created_at FROM websub_intents "
               "WHERE due_at <= ? ORDER BY due_at, id LIMIT 1",
        into(rows), useRef(nowUtc_), now;
    if (rows.empty()) return std::nullopt;
    const auto& row = rows.front();
    Poco::Int64 id = row.get<0>();
    session << "UPDATE websub_intents SET due_at = ? WHERE id = ?", useRef(leaseUntil), useRef(id), now;
    return WebSubIntent{row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>(), row.get<4>(), row.get<5>(), row.get<6>()};
  });
}

void SqliteStore::finishWebSubIntent(std::int64_t intentId, bool verified, const std::string& expiresAt) {
  database_.transaction([&](Session& session) {
    using Row = Poco::Tuple<std::string, std::string, std::string, std::string, Poco::Int64>;
    std::vector<Row> rows;
    Poco::Int64 id = intentId;
    session << "SELECT mode, topic, callback, secret, lease_seconds FROM websub_intents WHERE id = ?", into(rows),
        useRef(id), now;
    session << "DELETE FROM websub_intents WHERE id = ?", useRef(id), now;
    if (rows.empty() || !verified) return;
    const auto& row = rows.front();
    const std::string mode = row.get<0>();
    const std::string topic = row.get<1>();
    const std::string callback = row.get<2>();
    if (mode == "unsubscribe") {
      session << "DELETE FROM websub_subscriptions WHERE topic = ? AND callback = ?", useRef(topic), useRef(callback), now;
      return;
    }
    const std::string secret = row.get<3>();
    Poco::Int64 lease = row.get<4>();
    const std::string at = Store::timestamp();
    session << "INSERT INTO websub_subscriptions (topic, callback, secret, lease_seconds, verified_at, expires_at) "
               "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (topic, callback) DO UPDATE SET secret = excluded.secret, "
               "lease_seconds = excluded.lease_seconds, verified_at = excluded.verified_at, "
               "expires_at = excluded.expires_at",
        useRef(topic), useRef(callback), useRef(secret), useRef(lease), useRef(at), useRef(expiresAt), now;
  });
}

}  // namespace paraph::store
