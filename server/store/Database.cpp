#include "store/Database.h"

#include <Poco/Data/SQLite/Connector.h>

#include <stdexcept>

#include "store/Migrations.h"

namespace paraph::store {
namespace {

using namespace Poco::Data::Keywords;

Poco::Data::Session openSession(const std::filesystem::path& file) {
  // Registering twice is harmless; it must happen before the first session.
  Poco::Data::SQLite::Connector::registerConnector();
  return Poco::Data::Session(Poco::Data::SQLite::Connector::KEY, file.string());
}

}  // namespace

Database::Database(const std::filesystem::path& file, std::chrono::milliseconds busyTimeout)
    : session_(openSession(file)) {
  std::string journalMode;
  session_ << "PRAGMA journal_mode = WAL", into(journalMode), now;
  if (journalMode != "wal") throw std::runtime_error("SQLite refused WAL mode for " + file.string());
  int timeout = 0;
  session_ << "PRAGMA busy_timeout = " + std::to_string(busyTimeout.count()), into(timeout), now;
  session_ << "PRAGMA synchronous = FULL", now;
  session_ << "PRAGMA foreign_keys = ON", now;
  migrate();
}

int Database::schemaVersion() {
  return read([](Poco::Data::Session& session) {
    int version = 0;
    session << "PRAGMA user_version", into(version), now;
    return version;
  });
}

void Database::migrate() {
  const auto& all = migrations();
  const int current = schemaVersion();
  if (current > static_cast<int>(all.size())) {
    throw std::runtime_error("the database has schema version " + std::to_string(current) +
                             ", newer than this paraph (" + std::to_string(all.size()) + ")");
  }
  for (std::size_t index = static_cast<std::size_t>(current); index < all.size(); ++index) {
    transaction([&](Poco::Data::Session& session) {
      for (const auto& statement : all[index]) session << statement, now;
      session << "PRAGMA user_version = " + std::to_string(index + 1), now;
    });
  }
}

}  // namespace paraph::store
