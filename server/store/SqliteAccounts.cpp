// SqliteStore: accounts, API tokens, sessions, the sign-in throttle and secrets (Store.h,
// "accounts and sessions"). Kept apart from the documents' SQL so that it ports as one piece.
#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include <algorithm>

#include "store/SqliteStore.h"

namespace paraph::store {
namespace {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

using UserRow = Poco::Tuple<std::string, std::string, std::string, std::string, int, std::string, std::string>;
constexpr const char* kUserColumns =
    "SELECT name, roles, password_hash, language, disabled, created_at, updated_at FROM users ";

UserRecord toUser(const UserRow& row) {
  return {row.get<0>(), splitRoles(row.get<1>()), row.get<2>(), row.get<3>(), row.get<4>() != 0, row.get<5>(),
          row.get<6>()};
}

using TokenRow = Poco::Tuple<std::string, std::string, std::string, std::string, std::string>;
constexpr const char* kTokenColumns =
    "SELECT name, sha256, roles, created_at, COALESCE(revoked_at, '') FROM api_tokens ";

TokenRecord toToken(const TokenRow& row) {
  return {row.get<0>(), row.get<1>(), splitRoles(row.get<2>()), row.get<3>(), row.get<4>()};
}

// Updates one user's row; false when there is none. Ends the user's sessions when asked.
bool updateUser(Session& session, const std::string& sql, const std::string& value, const std::string& name,
                bool endSessions) {
  const std::string at = Store::timestamp();
  Poco::Data::Statement update(session);
  update << sql, useRef(value), useRef(at), useRef(name);
  const std::size_t changed = update.execute();
  if (changed == 0) return false;
  if (endSessions) session << "DELETE FROM sessions WHERE user_name = ?", useRef(name), now;
  return true;
}

}  // namespace

std::string joinRoles(const std::set<std::string>& roles) {
  std::string text;
  for (const auto& role : roles) text += (text.empty() ? "" : ",") + role;
  return text;
}

std::set<std::string> splitRoles(const std::string& text) {
  std::set<std::string> roles;
  for (std::size_t start = 0; start < text.size();) {
    const auto comma = std::min(text.find(',', start), text.size());
    if (comma > start) roles.insert(text.substr(start, comma - start));
    start = comma + 1;
  }
  return roles;
}

bool SqliteStore::addUser(const UserRecord& user) {
  return database_.transaction([&](Session& session) {
    int taken = 0;
    session << "SELECT COUNT(*) FROM users WHERE name = ?", into(taken), useRef(user.name), now;
    if (taken > 0) return false;
    const std::string roles = joinRoles(user.roles);
    const std::string at = timestamp();
    const int disabled = user.disabled ? 1 : 0;
    session << "INSERT INTO users (name, roles, password_hash, language, disabled, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
        useRef(user.name), useRef(roles), useRef(user.passwordHash), useRef(user.language), useRef(disabled),
        useRef(at), useRef(at), now;
    return true;
  });
}

std::optional<UserRecord> SqliteStore::user(const std::string& name) {
  return database_.read([&](Session& session) -> std::optional<UserRecord> {
    std::vector<UserRow> rows;
    session << std::string(kUserColumns) + "WHERE name = ?", into(rows), useRef(name), now;
    if (rows.empty()) return std::nullopt;
    return toUser(rows.front());
  });
}

std::vector<UserRecord> SqliteStore::users() {
  return database_.read([&](Session& session) {
    std::vector<UserRow> rows;
    session << std::string(kUserColumns) + "ORDER BY name", into(rows), now;
    std::vector<UserRecord> users;
    for (const auto& row : rows) users.push_back(toUser(row));
    return users;
  });
}

bool SqliteStore::setPassword(const std::string& name, const std::string& passwordHash) {
  return database_.transaction([&](Session& session) {
    return updateUser(session, "UPDATE users SET password_hash = ?, updated_at = ? WHERE name = ?", passwordHash, name,
                      true);
  });
}

bool SqliteStore::disableUser(const std::string& name) {
  return database_.transaction([&](Session& session) {
    const std::string yes = "1";
    return updateUser(session, "UPDATE users SET disabled = ?, updated_at = ? WHERE name = ?", yes, name, true);
  });
}

bool SqliteStore::setUserLanguage(const std::string& name, const std::string& language) {
  return database_.transaction([&](Session& session) {
    return updateUser(session, "UPDATE users SET language = ?, updated_at = ? WHERE name = ?", language, name, false);
  });
}

bool SqliteStore::addToken(const TokenRecord& token) {
  return database_.transaction([&](Session& session) {
    std::vector<std::string> revoked;
    session << "SELECT COALESCE(revoked_at, '') FROM api_tokens WHERE name = ?", into(revoked), useRef(token.name), now;
    if (!revoked.empty() && revoked.front().empty()) return false;  // a valid token has this name
    const std::string roles = joinRoles(token.roles);
    const std::string at = timestamp();
    session << "DELETE FROM api_tokens WHERE name = ?", useRef(token.name), now;
    session << "INSERT INTO api_tokens (name, sha256, roles, created_at, revoked_at) VALUES (?, ?, ?, ?, NULL)",
        useRef(token.name), useRef(token.sha256), useRef(roles), useRef(at), now;
    return true;
  });
}

bool SqliteStore::revokeToken(const std::string& name) {
  return database_.transaction([&](Session& session) {
    const std::string at = timestamp();
    Poco::Data::Statement update(session);
    update << "UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", useRef(at), useRef(name);
    return update.execute() > 0;
  });
}

std::vector<TokenRecord> SqliteStore::tokens() {
  return database_.read([&](Session& session) {
    std::vector<TokenRow> rows;
    session << std::string(kTokenColumns) + "ORDER BY name", into(rows), now;
    std::vector<TokenRecord> tokens;
    for (const auto& row : rows) tokens.push_back(toToken(row));
    return tokens;
  });
}

std::optional<TokenRecord> SqliteStore::validToken(const std::string& sha256) {
  return database_.read([&](Session& session) -> std::optional<TokenRecord> {
    std::vector<TokenRow> rows;
    session << std::string(kTokenColumns) + "WHERE sha256 = ? AND revoked_at IS NULL", into(rows), useRef(sha256), now;
    if (rows.empty()) return std::nullopt;
    return toToken(rows.front());
  });
}

void SqliteStore::createSession(const SessionRecord& record) {
  database_.transaction([&](Session& session) {
    Poco::Int64 created = record.createdAt;
    Poco::Int64 seen = record.seenAt;
    session << "INSERT INTO sessions (id_sha256, user_name, created_at, seen_at) VALUES (?, ?, ?, ?)",
        useRef(record.idSha256), useRef(record.userName), useRef(created), useRef(seen), now;
  });
}

std::optional<SessionRecord> SqliteStore::session(const std::string& idSha256) {
  return database_.read([&](Session& session) -> std::optional<SessionRecord> {
    std::vector<Poco::Tuple<std::string, std::string, Poco::Int64, Poco::Int64>> rows;
    session << "SELECT id_sha256, user_name, created_at, seen_at FROM sessions WHERE id_sha256 = ?", into(rows),
        useRef(idSha256), now;
    if (rows.empty()) return std::nullopt;
    const auto& row = rows.front();
    return SessionRecord{row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>()};
  });
}

void SqliteStore::touchSession(const std::string& idSha256, std::int64_t seenAt) {
  database_.transaction([&](Session& session) {
    Poco::Int64 seen = seenAt;
    session << "UPDATE sessions SET seen_at = ? WHERE id_sha256 = ?", useRef(seen), useRef(idSha256), now;
  });
}

void SqliteStore::endSession(const std::string& idSha256) {
  database_.transaction(
      [&](Session& session) { session << "DELETE FROM sessions WHERE id_sha256 = ?", useRef(idSha256), now; });
}

SignInFailures SqliteStore::signInFailures(const std::string& name) {
  return database_.read([&](Session& session) {
    std::vector<Poco::Tuple<int, Poco::Int64>> rows;
    session << "SELECT failures, last_at FROM sign_in_failures WHERE name = ?", into(rows), useRef(name), now;
    if (rows.empty()) return SignInFailures{};
    return SignInFailures{rows.front().get<0>(), rows.front().get<1>()};
  });
}

int SqliteStore::recordSignInFailure(const std::string& name, std::int64_t at) {
  return database_.transaction([&](Session& session) {
    Poco::Int64 when = at;
    session << "INSERT INTO sign_in_failures (name, failures, last_at) VALUES (?, 1, ?) ON CONFLICT (name) DO UPDATE "
               "SET failures = failures + 1, last_at = excluded.last_at",
        useRef(name), useRef(when), now;
    int count = 0;
    session << "SELECT failures FROM sign_in_failures WHERE name = ?", into(count), useRef(name), now;
    return count;
  });
}

void SqliteStore::clearSignInFailures(const std::string& name) {
  database_.transaction(
      [&](Session& session) { session << "DELETE FROM sign_in_failures WHERE name = ?", useRef(name), now; });
}

std::string SqliteStore::secret(const std::string& name, const std::string& candidate) {
  return database_.transaction([&](Session& session) {
    session << "INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", useRef(name),
        useRef(candidate), now;
    std::string value;
    session << "SELECT value FROM secrets WHERE name = ?", into(value), useRef(name), now;
    return value;
  });
}

DocumentPage SqliteStore::workspaceDocuments(const DocumentQuery& query) {
  return database_.read([&](Session& session) {
    DocumentPage result;
    const Poco::Int64 offset = (static_cast<Poco::Int64>(std::max(query.page, 1)) - 1) * std::max(query.perPage, 0);
    const int limit = std::max(query.perPage, 0);
    // The latest version of each document and its state; a document whose first version is
    // still being made has neither.
    const std::string from =
        "FROM documents AS d LEFT JOIN versions AS v ON v.document_id = d.id AND v.number = (SELECT MAX(number) "
        "FROM versions WHERE document_id = d.id) LEFT JOIN version_states AS s ON s.document_id = v.document_id AND "
        "s.number = v.number WHERE (? = '' OR d.type = ?) AND (? = '' OR s.state = ?) ";
    using Row = Poco::Tuple<std::string, std::string, std::string, std::string, std::string, int, std::string,
                            std::string>;
    std::vector<Row> rows;
    session << "SELECT d.id, d.type, d.reference, d.created_at, d.updated_at, COALESCE(v.number, 0), "
               "COALESCE(s.state, ''), COALESCE(v.submitted_by, '') " +
                   from + "ORDER BY d.updated_at DESC, d.id LIMIT ? OFFSET ?",
        into(rows), useRef(query.type), useRef(query.type), useRef(query.state), useRef(query.state), useRef(limit),
        useRef(offset), now;
    Poco::Int64 total = 0;
    session << "SELECT COUNT(*) " + from, into(total), useRef(query.type), useRef(query.type), useRef(query.state),
        useRef(query.state), now;
    for (const auto& row : rows) {
      DocumentRecord record;
      record.id = row.get<0>();
      record.type = row.get<1>();
      record.reference = row.get<2>();
      record.createdAt = row.get<3>();
      record.updatedAt = row.get<4>();
      record.latestVersion = row.get<5>();
      record.latestState = row.get<6>();
      record.latestBy = row.get<7>();
      result.documents.push_back(std::move(record));
    }
    result.total = total;
    return result;
  });
}

}  // namespace paraph::store
