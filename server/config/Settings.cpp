#include "config/Settings.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>

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
  return settings;
}

}  // namespace paraph::config
