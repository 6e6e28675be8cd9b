#include "store/Migrations.h"

namespace paraph::store {

const std::vector<std::vector<std::string>>& migrations() {
  static const std::vector<std::vector<std::string>> kMigrations{
      // 1: documents, versions and their files, jobs.
      {
          R"(CREATE TABLE documents (
               id TEXT PRIMARY KEY,
               type TEXT NOT NULL,
               reference TEXT NOT NULL,
               created_at TEXT NOT NULL,
               updated_at TEXT NOT NULL))",
          "CREATE INDEX documents_by_type ON documents (type, id)",
          R"(CREATE TABLE versions (
               document_id TEXT NOT NULL REFERENCES documents (id),
               number INTEGER NOT NULL CHECK (number >= 1),
               document_type TEXT NOT NULL,
               reference TEXT NOT NULL,
               source_language TEXT NOT NULL,
               canonical_sha256 TEXT NOT NULL,
               pipeline_version TEXT NOT NULL,
               engine TEXT NOT NULL,
               job_id INTEGER NOT NULL,
               submitted_by TEXT NOT NULL,
               submitted_at TEXT NOT NULL,
               created_at TEXT NOT NULL,
               PRIMARY KEY (document_id, number),
               UNIQUE (document_id, canonical_sha256)))",
          R"(CREATE TABLE version_files (
               document_id TEXT NOT NULL,
               number INTEGER NOT NULL,
               name TEXT NOT NULL,
               media_type TEXT NOT NULL,
               size INTEGER NOT NULL,
               sha256 TEXT NOT NULL,
               PRIMARY KEY (document_id, number, name),
               FOREIGN KEY (document_id, number) REFERENCES versions (document_id, number)))",
          // Versions are immutable and never deleted: the database itself refuses.
          "CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions "
          "BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END",
          "CREATE TRIGGER versions_kept BEFORE DELETE ON versions "
          "BEGIN SELECT RAISE(ABORT, 'versions are never deleted'); END",
          "CREATE TRIGGER version_files_immutable BEFORE UPDATE ON version_files "
          "BEGIN SELECT RAISE(ABORT, 'version files are immutable'); END",
          "CREATE TRIGGER version_files_kept BEFORE DELETE ON version_files "
          "BEGIN SELECT RAISE(ABORT, 'version files are never deleted'); END",
          R"(CREATE TABLE jobs (
               id INTEGER PRIMARY KEY AUTOINCREMENT,
               document_id TEXT NOT NULL,
               document_type TEXT NOT NULL,
               input_sha256 TEXT NOT NULL,
               canonical_sha256 TEXT NOT NULL,
               state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
               version INTEGER,
               error TEXT,
               attempts INTEGER NOT NULL DEFAULT 0,
               timings TEXT NOT NULL DEFAULT '{}',
               submitted_by TEXT NOT NULL,
               request_id TEXT NOT NULL,
               submitted_at TEXT NOT NULL,
               started_at TEXT,
               finished_at TEXT))",
          "CREATE INDEX jobs_by_state ON jobs (state, id)",
          "CREATE INDEX jobs_by_document ON jobs (document_id, canonical_sha256, state)",
      },
      // 2: values no two documents of a type may share (catalog/doctypes.xml <unique>). The
      // first document to submit a value holds it from then on, whatever its later versions say.
      {
          R"(CREATE TABLE unique_values (
               document_type TEXT NOT NULL,
               key TEXT NOT NULL,
               value TEXT NOT NULL,
               document_id TEXT NOT NULL,
               PRIMARY KEY (document_type, key, value)))",
      },
      // 3: the review and publication of versions. A version's content never changes, but its
      // state does (draft → in-review → approved → published → withdrawn), so the state lives
      // beside it; every change of state is an append-only transition (who, when, why).
      {
          R"(CREATE TABLE version_states (
               document_id TEXT NOT NULL,
               number INTEGER NOT NULL,
               state TEXT NOT NULL CHECK (state IN ('draft', 'in-review', 'approved', 'published', 'withdrawn')),
               updated_at TEXT NOT NULL,
               PRIMARY KEY (document_id, number),
               FOREIGN KEY (document_id, number) REFERENCES versions (document_id, number)))",
          R"(CREATE TABLE transitions (
               id INTEGER PRIMARY KEY AUTOINCREMENT,
               document_id TEXT NOT NULL,
               number INTEGER NOT NULL,
               from_state TEXT,
               to_state TEXT NOT NULL,
               actor TEXT NOT NULL,
               at TEXT NOT NULL,
               comment TEXT NOT NULL DEFAULT '',
               FOREIGN KEY (document_id, number) REFERENCES versions (document_id, number)))",
          "CREATE INDEX transitions_by_version ON transitions (document_id, number, id)",
          R"(CREATE TABLE comments (
               id INTEGER PRIMARY KEY AUTOINCREMENT,
               document_id TEXT NOT NULL,
               number INTEGER NOT NULL,
               segment_id TEXT NOT NULL DEFAULT '',
               author TEXT NOT NULL,
               at TEXT NOT NULL,
               text TEXT NOT NULL,
               FOREIGN KEY (document_id, number) REFERENCES versions (document_id, number)))",
          "CREATE INDEX comments_by_version ON comments (document_id, number, id)",
          R"(CREATE TABLE acknowledgements (
               document_id TEXT NOT NULL,
               number INTEGER NOT NULL,
               finding_id TEXT NOT NULL,
               acknowledged_by TEXT NOT NULL,
               at TEXT NOT NULL,
               PRIMARY KEY (document_id, number, finding_id),
               FOREIGN KEY (document_id, number) REFERENCES versions (document_id, number)))",
          // What the public URLs and the feeds serve: per document, the version last published,
          // with its feed texts taken at publication (so a feed never re-reads the outputs).
          R"(CREATE TABLE publications (
               document_id TEXT PRIMARY KEY REFERENCES documents (id),
               document_type TEXT NOT NULL,
               number INTEGER NOT NULL,
               withdrawn INTEGER NOT NULL DEFAULT 0,
               first_published_at TEXT NOT NULL,
               published_at TEXT NOT NULL,
               withdrawn_at TEXT,
               embargo_until TEXT,
               title_fr TEXT NOT NULL,
               summary_fr TEXT NOT NULL,
               title_nl TEXT NOT NULL,
               summary_nl TEXT NOT NULL))",
          "CREATE INDEX publications_by_date ON publications (withdrawn, published_at)",
          // Versions made before review existed were complete (drafts were refused then).
          "INSERT INTO version_states (document_id, number, state, updated_at) "
          "SELECT document_id, number, 'in-review', created_at FROM versions",
          "CREATE TRIGGER transitions_kept BEFORE UPDATE ON transitions "
          "BEGIN SELECT RAISE(ABORT, 'transitions are a record: never changed'); END",
          "CREATE TRIGGER transitions_not_deleted BEFORE DELETE ON transitions "
          "BEGIN SELECT RAISE(ABORT, 'transitions are a record: never deleted'); END",
          "CREATE TRIGGER comments_kept BEFORE UPDATE ON comments "
          "BEGIN SELECT RAISE(ABORT, 'comments are never changed'); END",
      },
      // 4: integrations (docs/integrations.md): idempotency keys, events, callbacks and their
      // deliveries, WebSub subscriptions. Events and deliveries are recorded in the
      // transaction of the change they report, so they survive a crash like jobs do.
      {
          // status 0: the key's first request is still being answered.
          R"(CREATE TABLE idempotency_keys (
               principal TEXT NOT NULL,
               key TEXT NOT NULL,
               fingerprint TEXT NOT NULL,
               created_at TEXT NOT NULL,
               status INTEGER NOT NULL DEFAULT 0,
               content_type TEXT NOT NULL DEFAULT '',
               location TEXT NOT NULL DEFAULT '',
               body TEXT NOT NULL DEFAULT '',
               PRIMARY KEY (principal, key)))",
          "CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at)",
          R"(CREATE TABLE events (
               id INTEGER PRIMARY KEY AUTOINCREMENT,
               type TEXT NOT NULL,
               document_id TEXT NOT NULL,
               document_type TEXT NOT NULL,
               version INTEGER NOT NULL DEFAULT 0,
               job_id INTEGER NOT NULL DEFAULT 0,
               state TEXT NOT NULL DEFAULT '',
               previous_state TEXT NOT NULL DEFAULT '',
               detail TEXT NOT NULL DEFAULT '',
               at TEXT NOT NULL))",
          R"(CREATE TABLE callbacks (
               id INTEGER PRIMARY KEY AUTOINCREMENT,
               owner TEXT NOT NULL,
               url TEXT NOT NULL,
               events TEXT NOT NULL,
               secret TEXT NOT NULL,
               created_at TEXT NOT NULL,
               removed_at TEXT))",
          "CREATE INDEX callbacks_by_owner ON callbacks (owner, id)",
          R"(CREATE TABLE websub_subscriptions (
               id INTEGER PRIMARY KEY AUTOINCREMENT,
               topic TEXT NOT NULL,
               callback TEXT NOT NULL,
               secret TEXT NOT NULL DEFAULT '',
               lease_seconds INTEGER NOT NULL,
               verified_at TEXT NOT NULL,
               expires_at TEXT NOT NULL,
               UNIQUE (topic, callback)))",
          R"(CREATE TABLE websub_intents (
               id INTEGER PRIMARY KEY AUTOINCREMENT,
               mode TEXT NOT NULL CHECK (mode IN ('subscribe', 'unsubscribe')),
               topic TEXT NOT NULL,
               callback TEXT NOT NULL,
               secret TEXT NOT NULL DEFAULT '',
               lease_seconds INTEGER NOT NULL,
               created_at TEXT NOT NULL,
               due_at TEXT NOT NULL))",
          // kind callback: target_id is callbacks.id; websub: websub_subscriptions.id.
          R"(CREATE TABLE deliveries (
               id INTEGER PRIMARY KEY AUTOINCREMENT,
               kind TEXT NOT NULL CHECK (kind IN ('callback', 'websub')),
               target_id INTEGER NOT NULL,
               event_id INTEGER NOT NULL REFERENCES events (id),
               state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
               attempts INTEGER NOT NULL DEFAULT 0,
               created_at TEXT NOT NULL,
               due_at TEXT NOT NULL,
               finished_at TEXT))",
          "CREATE INDEX deliveries_due ON deliveries (state, due_at)",
          "CREATE INDEX deliveries_by_target ON deliveries (kind, target_id, id)",
          R"(CREATE TABLE delivery_attempts (
               delivery_id INTEGER NOT NULL REFERENCES deliveries (id),
               number INTEGER NOT NULL,
               at TEXT NOT NULL,
               status INTEGER NOT NULL,
               error TEXT NOT NULL DEFAULT '',
               response TEXT NOT NULL DEFAULT '',
               ms INTEGER NOT NULL DEFAULT 0,
               PRIMARY KEY (delivery_id, number)))",
      },
      // 5: the workspace's accounts, machine tokens issued from the command line, sign-in
      // sessions (only the SHA-256 of a session's cookie), the sign-in throttle and the
      // server's secrets (the key of the forms' CSRF tokens). Roles are "a,b" text.
      {
          R"(CREATE TABLE users (
               name TEXT PRIMARY KEY,
               roles TEXT NOT NULL,
               password_hash TEXT NOT NULL,
               language TEXT NOT NULL DEFAULT '',
               disabled INTEGER NOT NULL DEFAULT 0,
               created_at TEXT NOT NULL,
               updated_at TEXT NOT NULL))",
          R"(CREATE TABLE api_tokens (
               name TEXT PRIMARY KEY,
               sha256 TEXT NOT NULL UNIQUE,
               roles TEXT NOT NULL,
               created_at TEXT NOT NULL,
               revoked_at TEXT))",
          R"(CREATE TABLE sessions (
               id_sha256 TEXT PRIMARY KEY,
               user_name TEXT NOT NULL REFERENCES users (name),
               created_at INTEGER NOT NULL,
               seen_at INTEGER NOT NULL))",
          "CREATE INDEX sessions_by_user ON sessions (user_name)",
          R"(CREATE TABLE sign_in_failures (
               name TEXT PRIMARY KEY,
               failures INTEGER NOT NULL,
               last_at INTEGER NOT NULL))",
          R"(CREATE TABLE secrets (
               name TEXT PRIMARY KEY,
               value TEXT NOT NULL))",
      },
      // 6: batches (docs/batch.md). Plain portable SQL (TEXT, BIGINT, no AUTOINCREMENT): the
      // batch's id is chosen by the server. Its progress is counted from its records' jobs,
      // never stored; a job's lane is whose turn it is in the queue ('' = its submitter).
      {
          R"(CREATE TABLE batches (
               id TEXT PRIMARY KEY,
               source_sha256 TEXT NOT NULL,
               source_name TEXT NOT NULL,
               submitted_by TEXT NOT NULL,
               request_id TEXT NOT NULL,
               created_at TEXT NOT NULL,
               total BIGINT NOT NULL,
               mail_room TEXT NOT NULL CHECK (mail_room IN ('none', 'pending', 'built', 'failed')),
               mail_room_error TEXT NOT NULL DEFAULT ''))",
          "CREATE INDEX batches_by_source ON batches (source_sha256)",
          "CREATE INDEX batches_by_mail_room ON batches (mail_room, created_at)",
          // job_id 0: a wrong record, reported and never queued.
          R"(CREATE TABLE batch_records (
               batch_id TEXT NOT NULL REFERENCES batches (id),
               ordinal BIGINT NOT NULL,
               place TEXT NOT NULL,
               document_id TEXT NOT NULL,
               document_type TEXT NOT NULL,
               reference TEXT NOT NULL DEFAULT '',
               postal_code TEXT NOT NULL DEFAULT '',
               job_id BIGINT NOT NULL DEFAULT 0,
               PRIMARY KEY (batch_id, ordinal)))",
          "CREATE INDEX batch_records_by_job ON batch_records (job_id)",
          // arguments: the message's named arguments as a JSON object.
          R"(CREATE TABLE batch_problems (
               batch_id TEXT NOT NULL,
               ordinal BIGINT NOT NULL,
               number BIGINT NOT NULL,
               file TEXT NOT NULL,
               line_number BIGINT NOT NULL,
               column_number BIGINT NOT NULL,
               path TEXT NOT NULL,
               rule TEXT NOT NULL,
               message TEXT NOT NULL,
               message_key TEXT NOT NULL,
               arguments TEXT NOT NULL,
               PRIMARY KEY (batch_id, ordinal, number),
               FOREIGN KEY (batch_id, ordinal) REFERENCES batch_records (batch_id, ordinal)))",
          // The mail-room files, made once and served again.
          R"(CREATE TABLE batch_files (
               batch_id TEXT NOT NULL REFERENCES batches (id),
               name TEXT NOT NULL,
               media_type TEXT NOT NULL,
               size BIGINT NOT NULL,
               sha256 TEXT NOT NULL,
               PRIMARY KEY (batch_id, name)))",
          "ALTER TABLE jobs ADD COLUMN lane TEXT NOT NULL DEFAULT ''",
      },
  };
  return kMigrations;
}

}  // namespace paraph::store
