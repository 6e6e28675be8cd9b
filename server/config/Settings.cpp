#include "config/Settings.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace paraph::config {
namespace {

template <typename Number>
Number readNumber(const Poco::Util::AbstractConfiguration& config, const std::string& key, Number fallback) {
  if (!config.hasProperty(key)) return fallback;
  try {
    const auto value = config.getUInt64(key);
    return static_cast<Number>(value);
  } catch (const Poco::Exception&) {
    throw std::runtime_error("setting " + key + ": '" + config.getString(key) + "' is not a whole number");
  }
}

bool readFlag(const Poco::Util::AbstractConfiguration& config, const std::string& key, bool fallback) {
  if (!config.hasProperty(key)) return fallback;
  const std::string value = config.getString(key);
  if (value == "true" || value == "yes" || value == "1") return true;
  if (value == "false" || value == "no" || value == "0") return false;
  throw std::runtime_error("setting " + key + ": '" + value + "' is not true or false");
}

std::chrono::milliseconds readMilliseconds(const Poco::Util::AbstractConfiguration& config, const std::string& key,
                                           std::chrono::milliseconds fallback) {
  return std::chrono::milliseconds(readNumber(config, key, static_cast<std::uint64_t>(fallback.count())));
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// auth.token.<name> = <sha256-hex>:<role>,<role>...
TokenSettings readToken(const Poco::Util::AbstractConfiguration& config, const std::string& name) {
  static const std::set<std::string> kRoles{"submitter", "translator", "reviewer", "publisher", "admin"};
  const std::string key = "auth.token." + name;
  const std::string value = config.getString(key);
  const auto colon = value.find(':');
  TokenSettings token;
  token.name = name;
  token.sha256 = trim(value.substr(0, colon));
  const bool hexOnly = token.sha256.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (colon == std::string::npos || token.sha256.size() != 64 || !hexOnly) {
    throw std::runtime_error("setting " + key + ": expected <sha256 of the token, 64 lower-case hex digits>:<role>,<role>");
  }
  std::string roles = value.substr(colon + 1);
  for (std::size_t start = 0; start <= roles.size();) {
    const auto comma = std::min(roles.find(',', start), roles.size());
    const std::string role = trim(roles.substr(start, comma - start));
    if (!kRoles.contains(role)) {
      throw std::runtime_error("setting " + key + ": unknown role '" + role +
                               "' (roles: submitter, translator, reviewer, publisher, admin)");
    }
    token.roles.insert(role);
    start = comma + 1;
  }
  return token;
}

// A misspelt key would otherwise be ignored in silence and its default used. Checked for the
// sections `paraph serve` added; parse.* and print.* are left to their owners.
void refuseUnknownKeys(const Poco::Util::AbstractConfiguration& config) {
  static const std::map<std::string, std::set<std::string>> kKnown{
      {"server", {"bind_address", "port", "http_threads", "http_queue", "max_request_bytes", "shutdown_grace_ms", "public_url",
                  "feed_page_size", "keep_alive_timeout_ms", "receive_timeout_ms"}},
      {"store", {"data_dir", "busy_timeout_ms"}},
      {"queue", {"workers", "accept_only", "capacity", "retry_after_s", "job_timeout_ms"}},
      {"auth", {"token"}},
  };
  for (const auto& [section, names] : kKnown) {
    Poco::Util::AbstractConfiguration::Keys keys;
    config.keys(section, keys);
    for (const auto& key : keys) {
      if (!names.contains(key)) {
        throw std::runtime_error("unknown setting " + section + "." + key + " (see docs/configuration.md)");
      }
    }
  }
}

}  // namespace

Settings Settings::load(const std::string& configFile) {
  Settings settings;
  if (configFile.empty()) return settings;
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config;
  try {
    config = new Poco::Util::PropertyFileConfiguration(configFile);
  } catch (const Poco::Exception& error) {
    throw std::runtime_error("cannot read configuration " + configFile + ": " + error.displayText());
  }
  settings.home = config->getString("paraph.home", settings.home);
  settings.parse.maxDocumentBytes = readNumber(*config, "parse.max_document_bytes", settings.parse.maxDocumentBytes);
  settings.parse.maxDepth = readNumber(*config, "parse.max_depth", settings.parse.maxDepth);
  if (settings.parse.maxDepth > 256) throw std::runtime_error("setting parse.max_depth: at most 256");
  settings.print.engine = config->getString("print.engine", settings.print.engine);
  settings.print.chromiumPath = config->getString("print.chromium_path", settings.print.chromiumPath);
  settings.print.wkhtmltopdfPath = config->getString("print.wkhtmltopdf_path", settings.print.wkhtmltopdfPath);
  settings.print.poolSize = readNumber(*config, "print.pool_size", settings.print.poolSize);
  settings.print.restartAfter = readNumber(*config, "print.restart_after", settings.print.restartAfter);
  settings.print.timeout = std::chrono::milliseconds(
      readNumber(*config, "print.timeout_ms", static_cast<std::uint64_t>(settings.print.timeout.count())));
  refuseUnknownKeys(*config);
  settings.server.bindAddress = config->getString("server.bind_address", settings.server.bindAddress);
  settings.server.port = readNumber(*config, "server.port", settings.server.port);
  if (config->hasProperty("server.port") && config->getUInt64("server.port") > 65535) {
    throw std::runtime_error("setting server.port: at most 65535");
  }
  settings.server.httpThreads = readNumber(*config, "server.http_threads", settings.server.httpThreads);
  if (settings.server.httpThreads == 0) throw std::runtime_error("setting server.http_threads: at least 1");
  settings.server.httpQueue = readNumber(*config, "server.http_queue", settings.server.httpQueue);
  settings.server.maxRequestBytes = readNumber(*config, "server.max_request_bytes", settings.server.maxRequestBytes);
  settings.server.shutdownGrace = readMilliseconds(*config, "server.shutdown_grace_ms", settings.server.shutdownGrace);
  settings.server.keepAliveTimeout =
      readMilliseconds(*config, "server.keep_alive_timeout_ms", settings.server.keepAliveTimeout);
  settings.server.receiveTimeout = readMilliseconds(*config, "server.receive_timeout_ms", settings.server.receiveTimeout);
  settings.server.feedPageSize = readNumber(*config, "server.feed_page_size", settings.server.feedPageSize);
  if (settings.server.feedPageSize == 0 || settings.server.feedPageSize > 200) {
    throw std::runtime_error("setting server.feed_page_size: from 1 to 200");
  }
  settings.server.publicUrl = config->getString("server.public_url", settings.server.publicUrl);
  if (!settings.server.publicUrl.empty()) {
    const auto& url = settings.server.publicUrl;
    const bool schemeOk = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
    const auto hostStart = url.find("//") + 2;
    if (!schemeOk || url.size() <= hostStart || url.find('/', hostStart) != std::string::npos) {
      throw std::runtime_error("setting server.public_url: scheme://host[:port] with no path or trailing slash, not '" +
                               url + "'");
    }
  }
  settings.store.dataDir = config->getString("store.data_dir", settings.store.dataDir);
  settings.store.busyTimeout = readMilliseconds(*config, "store.busy_timeout_ms", settings.store.busyTimeout);
  settings.queue.workers = readNumber(*config, "queue.workers", settings.queue.workers);
  settings.queue.acceptOnly = readFlag(*config, "queue.accept_only", settings.queue.acceptOnly);
  settings.queue.capacity = readNumber(*config, "queue.capacity", settings.queue.capacity);
  if (settings.queue.capacity == 0) throw std::runtime_error("setting queue.capacity: at least 1");
  settings.queue.retryAfterSeconds = readNumber(*config, "queue.retry_after_s", settings.queue.retryAfterSeconds);
  settings.queue.jobTimeout = readMilliseconds(*config, "queue.job_timeout_ms", settings.queue.jobTimeout);
  Poco::Util::AbstractConfiguration::Keys names;
  config->keys("auth.token", names);
  for (const auto& name : names) settings.tokens.push_back(readToken(*config, name));
  return settings;
}

}  // namespace paraph::config
