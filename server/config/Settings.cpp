#include "config/Settings.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <stdexcept>
#include <type_traits>

#include "config/InvalidSetting.h"
#include "config/Setting.h"

namespace paraph::config {
namespace {

// ------------------------------------------------------------------ how a row reaches its member

// The member `section.member` of a Settings (const or not).
template <typename Section, typename Value>
auto in(Section Settings::*section, Value Section::*member) {
  return [section, member](auto& settings) -> auto& { return (settings.*section).*member; };
}

// A member of Settings itself (paraph.home).
template <typename Value>
auto in(Value Settings::*member) {
  return [member](auto& settings) -> auto& { return settings.*member; };
}

// ------------------------------------------------------------------ whole numbers

struct Range {
  std::uint64_t least = 0;
  std::uint64_t most = std::numeric_limits<std::uint64_t>::max();
};
Range atLeast(std::uint64_t least) { return Range{least}; }
Range between(std::uint64_t least, std::uint64_t most) { return Range{least, most}; }

template <typename Value>
constexpr std::uint64_t largestOf() {
  if constexpr (std::is_same_v<Value, std::chrono::milliseconds>) {
    return static_cast<std::uint64_t>(std::numeric_limits<std::chrono::milliseconds::rep>::max());
  } else {
    return std::numeric_limits<Value>::max();
  }
}

template <typename Value>
std::uint64_t asNumber(const Value& value) {
  if constexpr (std::is_same_v<Value, std::chrono::milliseconds>) {
    return static_cast<std::uint64_t>(value.count());
  } else {
    return value;
  }
}

template <typename Value>
Value fromNumber(std::uint64_t number) {
  if constexpr (std::is_same_v<Value, std::chrono::milliseconds>) {
    return std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(number));
  } else {
    return static_cast<Value>(number);
  }
}

std::uint64_t wholeNumber(const std::string& key, const std::string& text) {
  std::uint64_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    throw InvalidSetting("setting " + key + ": '" + text + "' is not a whole number");
  }
  return number;
}

// A whole number from range.least to range.most (and no larger than the member can hold).
template <typename Access>
Setting number(std::string key, Access access, std::string meaning, Range range = {}) {
  return Setting(
      std::move(key), std::move(meaning),
      [access, range](Settings& settings, const std::string& fileKey, const std::string& text) {
        auto& member = access(settings);
        using Value = std::remove_cvref_t<decltype(member)>;
        const std::uint64_t value = wholeNumber(fileKey, text);
        const std::uint64_t most = std::min(range.most, largestOf<Value>());
        if (value < range.least || value > most) {
          std::string expected = "from " + std::to_string(range.least) + " to " + std::to_string(most);
          if (range.least == 0) {
            expected = "at most " + std::to_string(most);
          } else if (most == largestOf<Value>()) {
            expected = "at least " + std::to_string(range.least);
          }
          throw InvalidSetting("setting " + fileKey + ": " + expected + ", not " + text);
        }
        member = fromNumber<Value>(value);
      },
      [access](const Settings& settings) -> std::optional<std::string> {
        return std::to_string(asNumber(access(settings)));
      });
}

// ------------------------------------------------------------------ text and flags

// What is wrong with a value, or nothing when it is fine.
using Check = std::function<std::optional<std::string>(const std::string& text)>;

Check oneOf(std::vector<std::string> accepted) {
  return [accepted](const std::string& text) -> std::optional<std::string> {
    if (std::find(accepted.begin(), accepted.end(), text) != accepted.end()) return std::nullopt;
    std::string list;
    for (const auto& word : accepted) list += (list.empty() ? "" : " or ") + word;
    return list + ", not '" + text + "'";
  };
}

// scheme://host[:port] with no path: the feeds append their own paths.
std::optional<std::string> originProblem(const std::string& url) {
  if (url.empty()) return std::nullopt;
  const bool schemeOk = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
  const auto hostStart = url.find("//") + 2;
  if (schemeOk && url.size() > hostStart && url.find('/', hostStart) == std::string::npos) return std::nullopt;
  return "scheme://host[:port] with no path or trailing slash, not '" + url + "'";
}

template <typename Access>
Setting text(std::string key, Access access, std::string meaning, Check check = {}) {
  return Setting(
      std::move(key), std::move(meaning),
      [access, check](Settings& settings, const std::string& fileKey, const std::string& value) {
        if (check) {
          if (const auto problem = check(value)) throw InvalidSetting("setting " + fileKey + ": " + *problem);
        }
        access(settings) = value;
      },
      [access](const Settings& settings) -> std::optional<std::string> { return access(settings); });
}

template <typename Access>
Setting flag(std::string key, Access access, std::string meaning) {
  return Setting(
      std::move(key), std::move(meaning),
      [access](Settings& settings, const std::string& fileKey, const std::string& value) {
        if (value == "true" || value == "yes" || value == "1") {
          access(settings) = true;
        } else if (value == "false" || value == "no" || value == "0") {
          access(settings) = false;
        } else {
          throw InvalidSetting("setting " + fileKey + ": '" + value + "' is not true or false");
        }
      },
      [access](const Settings& settings) -> std::optional<std::string> {
        return access(settings) ? "true" : "false";
      });
}

// ------------------------------------------------------------------ API tokens

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// auth.token.<name> = <sha256-hex>:<role>,<role>...
TokenSettings readToken(const std::string& key, const std::string& value) {
  const auto& kRoles = knownRoles();
  const auto colon = value.find(':');
  TokenSettings token;
  token.name = key.substr(std::string("auth.token.").size());
  token.sha256 = trim(value.substr(0, colon));
  const bool hexOnly = token.sha256.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (colon == std::string::npos || token.sha256.size() != 64 || !hexOnly) {
    throw InvalidSetting("setting " + key + ": expected <sha256 of the token, 64 lower-case hex digits>:<role>,<role>");
  }
  std::string roles = value.substr(colon + 1);
  for (std::size_t start = 0; start <= roles.size();) {
    const auto comma = std::min(roles.find(',', start), roles.size());
    const std::string role = trim(roles.substr(start, comma - start));
    if (!kRoles.contains(role)) {
      throw InvalidSetting("setting " + key + ": unknown role '" + role +
                               "' (roles: submitter, translator, reviewer, publisher, admin)");
    }
    token.roles.insert(role);
    start = comma + 1;
  }
  return token;
}

Setting tokens(std::string key, std::string meaning) {
  return Setting(
      std::move(key), std::move(meaning),
      [](Settings& settings, const std::string& fileKey, const std::string& value) {
        settings.tokens.push_back(readToken(fileKey, value));
      },
      [](const Settings&) -> std::optional<std::string> { return std::nullopt; });
}

// ------------------------------------------------------------------ the table

// Every setting, one row each: key, member, meaning, checks. The default is the member's
// initializer. To add one: the member with its default in Settings.h (or the struct it
// lives in), a row here, a row in docs/configuration.md (tests/config checks the two agree).
std::vector<Setting> makeTable() {
  using S = Settings;
  using Server = ServerSettings;
  using Store = StoreSettings;
  using Queue = QueueSettings;
  using Review = ReviewSettings;
  using Parse = xml::ParseLimits;
  using Batch = document::BatchLimits;
  using Document = document::DocumentLimits;
  using Print = print::EngineConfig;
  using Archive = print::ArchiveConfig;
  std::vector<Setting> table;
  table.push_back(text("paraph.home", in(&S::home), "folder holding catalog/, xslt/, styles/; empty: the source tree or $PARAPH_HOME"));

  table.push_back(number("parse.max_document_bytes", in(&S::parse, &Parse::maxDocumentBytes), "largest document accepted"));
  table.push_back(number("parse.max_depth", in(&S::parse, &Parse::maxDepth), "deepest element nesting accepted", between(0, 256)));
  table.push_back(number("parse.max_attributes_per_element", in(&S::parse, &Parse::maxAttributesPerElement),
                         "attributes one element may have (refused before libxml2 reads them)", between(1, 65536)));

  table.push_back(number("batch.max_bytes", in(&S::batch, &Batch::maxBatchBytes), "largest batch accepted, as sent"));
  table.push_back(number("batch.max_records", in(&S::batch, &Batch::maxRecords), "most documents one batch may hold",
                         between(1, 1000000)));
  table.push_back(number("batch.max_uncompressed_bytes", in(&S::batch, &Batch::maxUncompressedBytes),
                         "a ZIP batch's documents together, once inflated (counted while inflating)"));
  table.push_back(number("batch.max_queued_jobs", in(&S::batch, &Batch::maxQueuedJobs),
                         "the batches' queued jobs together, apart from queue.capacity (a batch past it gets 503)",
                         atLeast(1)));
  table.push_back(number("document.max_segments", in(&S::document, &Document::maxSegments),
                         "bilingual segments one document may have (refused at submission)", atLeast(1)));
  table.push_back(number("document.max_pages_per_edition", in(&S::document, &Document::maxPagesPerEdition),
                         "pages one printed edition may have (the job fails past it)", atLeast(1)));

  table.push_back(text("print.engine", in(&S::print, &Print::engine), "the PDF engine", oneOf({"chromium", "wkhtmltopdf"})));
  table.push_back(text("print.chromium_path", in(&S::print, &Print::chromiumPath), "the browser program"));
  table.push_back(text("print.wkhtmltopdf_path", in(&S::print, &Print::wkhtmltopdfPath), "the wkhtmltopdf program"));
  table.push_back(number("print.pool_size", in(&S::print, &Print::poolSize), "Chromium tabs printing at once; 0 = cores"));
  table.push_back(number("print.restart_after", in(&S::print, &Print::restartAfter), "documents before the browser restarts"));
  table.push_back(number("print.timeout_ms", in(&S::print, &Print::timeout), "longest one PDF may take"));
  table.push_back(number("print.probe_timeout_ms", in(&S::print, &Print::probeTimeout), "longest the readiness ping may wait for the browser"));
  table.push_back(number("print.retries", in(&S::print, &Print::retries),
                         "further attempts after a renderer or browser crash or a hang", between(0, 10)));
  table.push_back(number("print.retry_backoff_ms", in(&S::print, &Print::retryBackoff),
                         "wait before the first retry, doubled before each next one", between(0, 60000)));
  table.push_back(flag("print.trace", in(&S::print, &Print::trace), "one line per PDF on standard error with the time of each step"));

  table.push_back(text("archive.icc_profile", in(&S::archive, &Archive::iccProfile), "the sRGB ICC profile of the PDF/A OutputIntent"));
  table.push_back(text("archive.seal_file", in(&S::archive, &Archive::sealFile), "the institution's seal, a PKCS#12 file; empty: nothing is signed"));
  table.push_back(text("archive.seal_password_file", in(&S::archive, &Archive::sealPasswordFile), "a file whose first line is the seal's password"));
  table.push_back(text("archive.seal_password_env", in(&S::archive, &Archive::sealPasswordEnv), "the environment variable holding the seal's password"));
  table.push_back(number("archive.signature_bytes", in(&S::archive, &Archive::signatureBytes), "room reserved for the CMS signature", between(2048, 1024 * 1024)));

  table.push_back(text("server.bind_address", in(&S::server, &Server::bindAddress), "address to listen on"));
  table.push_back(number("server.port", in(&S::server, &Server::port), "TCP port; 0 picks a free one"));
  table.push_back(number("server.http_threads", in(&S::server, &Server::httpThreads), "requests served at once", atLeast(1)));
  table.push_back(number("server.http_queue", in(&S::server, &Server::httpQueue), "complete requests waiting for an HTTP thread"));
  table.push_back(number("server.max_request_bytes", in(&S::server, &Server::maxRequestBytes), "largest request body"));
  table.push_back(number("server.keep_alive_timeout_ms", in(&S::server, &Server::keepAliveTimeout), "how long an idle keep-alive connection is kept", atLeast(1)));
  table.push_back(number("server.receive_timeout_ms", in(&S::server, &Server::receiveTimeout), "longest silence allowed inside a request", atLeast(1)));
  table.push_back(number("server.header_timeout_ms", in(&S::server, &Server::headerTimeout), "longest a request's head may take to arrive", atLeast(1)));
  table.push_back(number("server.min_body_bytes_per_s", in(&S::server, &Server::minBodyBytesPerSecond), "slowest average rate a request body may arrive at", atLeast(1)));
  table.push_back(number("server.max_header_bytes", in(&S::server, &Server::maxHeaderBytes), "largest request line and headers (431 beyond)", atLeast(1024)));
  table.push_back(number("server.max_connections", in(&S::server, &Server::maxConnections), "connections open at once", atLeast(1)));
  table.push_back(number("server.max_connections_per_address", in(&S::server, &Server::maxConnectionsPerAddress), "connections open at once from one client address", atLeast(1)));
  table.push_back(number("server.drain_timeout_ms", in(&S::server, &Server::drainTimeout), "on SIGTERM, how long requests in flight may take to finish"));
  table.push_back(number("server.shutdown_grace_ms", in(&S::server, &Server::shutdownGrace), "time running jobs get on SIGTERM"));
  table.push_back(number("server.feed_page_size", in(&S::server, &Server::feedPageSize), "documents per Atom feed page", between(1, 200)));
  table.push_back(number("server.workspace_page_size", in(&S::server, &Server::workspacePageSize), "documents per page of the workspace's list", between(1, 200)));
  table.push_back(text("server.public_url", in(&S::server, &Server::publicUrl), "scheme://host[:port] of the feeds' links", originProblem));

  table.push_back(text("store.data_dir", in(&S::store, &Store::dataDir), "the data folder"));
  table.push_back(number("store.busy_timeout_ms", in(&S::store, &Store::busyTimeout), "how long SQLite waits for a lock"));

  table.push_back(number("queue.workers", in(&S::queue, &Queue::workers), "jobs run at once; 0 = cores"));
  table.push_back(flag("queue.accept_only", in(&S::queue, &Queue::acceptOnly), "accept and queue, run nothing"));
  table.push_back(number("queue.capacity", in(&S::queue, &Queue::capacity), "queued jobs before 503", atLeast(1)));
  table.push_back(number("queue.retry_after_s", in(&S::queue, &Queue::retryAfterSeconds), "the Retry-After of that 503"));
  table.push_back(number("queue.job_timeout_ms", in(&S::queue, &Queue::jobTimeout), "longest a job may take in all"));

  table.push_back(number("review.segments_per_page", in(&S::review, &Review::segmentsPerPage),
                         "segments on one page of the review page", between(1, 5000)));
  using Integrations = IntegrationSettings;
  table.push_back(number("api.idempotency_retention_s", in(&S::integrations, &Integrations::idempotencyRetentionSeconds),
                         "how long an Idempotency-Key's first answer is kept", atLeast(1)));
  table.push_back(text("callbacks.allowed_hosts", in(&S::integrations, &Integrations::allowedHosts),
                       "hosts (host or host:port, comma-separated) callbacks and WebSub subscribers may be at; empty = none"));
  table.push_back(number("callbacks.connect_timeout_ms", in(&S::integrations, &Integrations::connectTimeout), "longest a delivery waits to connect", between(1, 60000)));
  table.push_back(number("callbacks.timeout_ms", in(&S::integrations, &Integrations::timeout), "longest a delivery waits to send and read the answer", between(1, 60000)));
  table.push_back(number("callbacks.max_response_bytes", in(&S::integrations, &Integrations::maxResponseBytes), "of a receiver's answer, read and recorded", between(0, 1024 * 1024)));
  table.push_back(number("callbacks.backoff_initial_ms", in(&S::integrations, &Integrations::backoffInitial), "wait after a delivery's first failure (doubled each time)", atLeast(1)));
  table.push_back(number("callbacks.backoff_max_ms", in(&S::integrations, &Integrations::backoffMax), "longest wait between two attempts", atLeast(1)));
  table.push_back(number("callbacks.retry_for_ms", in(&S::integrations, &Integrations::retryFor), "a delivery gives up this long after its event", atLeast(1)));
  table.push_back(number("callbacks.senders", in(&S::integrations, &Integrations::senders), "deliveries sent at once", between(1, 64)));
  table.push_back(number("callbacks.poll_ms", in(&S::integrations, &Integrations::poll), "how often the senders look for due deliveries", between(10, 60000)));
  table.push_back(number("callbacks.max_per_token", in(&S::integrations, &Integrations::maxPerToken), "callbacks one token may register", atLeast(1)));
  table.push_back(number("events.max_streams", in(&S::integrations, &Integrations::maxStreams), "event streams open at once; 503 beyond"));
  table.push_back(number("events.heartbeat_ms", in(&S::integrations, &Integrations::heartbeat), "a comment on a quiet event stream this often", between(100, 600000)));
  table.push_back(number("events.max_stream_ms", in(&S::integrations, &Integrations::maxStream), "an event stream ends after this; the client resumes with Last-Event-ID", atLeast(1000)));
  table.push_back(number("websub.lease_default_s", in(&S::integrations, &Integrations::leaseDefaultSeconds), "a WebSub subscription's lease when the subscriber asks none", atLeast(1)));
  table.push_back(number("websub.lease_max_s", in(&S::integrations, &Integrations::leaseMaxSeconds), "the longest WebSub lease granted", atLeast(1)));

  using Auth = AuthSettings;
  table.push_back(number("auth.session_idle_timeout_s", in(&S::auth, &Auth::sessionIdleSeconds), "a workspace session unused this long ends", atLeast(1)));
  table.push_back(number("auth.session_lifetime_s", in(&S::auth, &Auth::sessionLifetimeSeconds), "a workspace session ends this long after sign-in", atLeast(1)));
  table.push_back(number("auth.min_password_length", in(&S::auth, &Auth::minPasswordLength), "shortest password an account may have", between(8, 1024)));
  table.push_back(number("auth.sign_in_free_attempts", in(&S::auth, &Auth::freeSignInAttempts), "failed sign-ins for one account before each further one must wait", atLeast(1)));
  table.push_back(number("auth.sign_in_max_delay_s", in(&S::auth, &Auth::maxSignInDelaySeconds), "longest wait the sign-in throttle imposes", atLeast(1)));
  table.push_back(tokens("auth.token.<name>", "<sha256-hex of the token>:<role>[,<role>...]"));
  return table;
}

// Every key the file sets (leaves only: "server" is a section, "server.port" a key).
void collectKeys(const Poco::Util::AbstractConfiguration& config, const std::string& prefix,
                 std::vector<std::string>& found) {
  Poco::Util::AbstractConfiguration::Keys names;
  config.keys(prefix, names);
  for (const auto& name : names) {
    const std::string key = prefix.empty() ? name : prefix + "." + name;
    if (config.hasProperty(key)) found.push_back(key);
    collectKeys(config, key, found);
  }
}

}  // namespace

const std::set<std::string>& knownRoles() {
  static const std::set<std::string> roles{"submitter", "translator", "reviewer", "publisher", "admin"};
  return roles;
}

Setting::Setting(std::string key, std::string meaning, Apply apply, Show show)
    : key_(std::move(key)), meaning_(std::move(meaning)), apply_(std::move(apply)), show_(std::move(show)) {}

bool Setting::isFamily() const { return key_.ends_with(".<name>"); }

bool Setting::matches(const std::string& fileKey) const {
  if (!isFamily()) return fileKey == key_;
  const std::string prefix = key_.substr(0, key_.size() - std::string("<name>").size());
  return fileKey.size() > prefix.size() && fileKey.starts_with(prefix) &&
         fileKey.find('.', prefix.size()) == std::string::npos;
}

void Setting::apply(Settings& settings, const std::string& fileKey, const std::string& text) const {
  apply_(settings, fileKey, text);
}

const std::vector<Setting>& Setting::all() {
  static const std::vector<Setting> table = makeTable();
  return table;
}

const Setting* Setting::find(const std::string& fileKey) {
  for (const auto& setting : all()) {
    if (setting.matches(fileKey)) return &setting;
  }
  return nullptr;
}

Settings Settings::load(const std::string& configFile) {
  Settings settings;
  if (configFile.empty()) return settings;
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config;
  try {
    config = new Poco::Util::PropertyFileConfiguration(configFile);
  } catch (const Poco::Exception& error) {
    throw InvalidSetting("cannot read configuration " + configFile + ": " + error.displayText());
  }
  std::vector<std::string> keys;
  collectKeys(*config, "", keys);
  // A misspelt key would otherwise be ignored in silence and its default used.
  for (const auto& key : keys) {
    if (Setting::find(key) == nullptr) {
      throw InvalidSetting("unknown setting " + key + " (see docs/configuration.md)");
    }
  }
  for (const auto& key : keys) Setting::find(key)->apply(settings, key, config->getString(key));
  return settings;
}

}  // namespace paraph::config
