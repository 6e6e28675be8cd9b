#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <unistd.h>

#include "config/Setting.h"
#include "config/Settings.h"
#include "support/Fixtures.h"

using paraph::config::Setting;
using paraph::config::Settings;
using paraph::testing::kHome;
using paraph::testing::readFile;

namespace {

// The default column of docs/configuration.md as a properties file would spell the value:
// `chromium` → chromium, 8080 (…) → 8080, empty → "", none → no default (a family of keys).
std::optional<std::string> documentedDefault(const std::string& cell) {
  if (cell.starts_with("`")) return cell.substr(1, cell.find('`', 1) - 1);
  const std::string first = cell.substr(0, cell.find(' '));
  if (first == "empty") return std::string();
  if (first == "none") return std::nullopt;
  return first;
}

// key → default column of every row of the page's settings tables.
std::map<std::string, std::string> documentedSettings() {
  std::map<std::string, std::string> rows;
  const std::string page = readFile(kHome / "docs" / "configuration.md");
  const std::regex row(R"(^\| `([a-z_]+(?:\.[a-z_<>]+)+)` \| ([^|]*[^| ]) \|)", std::regex::multiline);
  for (auto match = std::sregex_iterator(page.begin(), page.end(), row); match != std::sregex_iterator(); ++match) {
    rows.emplace((*match)[1], (*match)[2]);
  }
  return rows;
}

std::filesystem::path writeConfig(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / ("paraph-config-" + name + "-" + std::to_string(::getpid()) + ".properties");
  std::ofstream(path) << content;
  return path;
}

std::string loadError(const std::string& content) {
  const auto path = writeConfig("load", content);
  try {
    Settings::load(path.string());
  } catch (const std::runtime_error& error) {
    std::filesystem::remove(path);
    return error.what();
  }
  std::filesystem::remove(path);
  return "";
}

}  // namespace

TEST(SettingsTable, TheDocumentationListsEveryAcceptedKeyWithItsDefault) {
  const auto documented = documentedSettings();
  ASSERT_GT(documented.size(), 20u) << "the page's tables were not found";
  for (const auto& setting : Setting::all()) {
    const auto row = documented.find(setting.key());
    ASSERT_NE(row, documented.end()) << setting.key() << " is accepted but not in docs/configuration.md";
    EXPECT_EQ(documentedDefault(row->second), setting.defaultValue())
        << setting.key() << ": docs/configuration.md says '" << row->second << "'";
  }
}

TEST(SettingsTable, EveryDocumentedKeyIsAccepted) {
  for (const auto& [key, defaultCell] : documentedSettings()) {
    const Setting* setting = Setting::find(key);
    ASSERT_NE(setting, nullptr) << key << " is documented but paraph refuses it";
    EXPECT_EQ(setting->key(), key);
  }
}

TEST(SettingsTable, EachKeyHasOneRow) {
  std::map<std::string, int> rows;
  for (const auto& setting : Setting::all()) ++rows[setting.key()];
  for (const auto& [key, count] : rows) EXPECT_EQ(count, 1) << key;
}

TEST(SettingsTable, AFileSettingEveryKeyToItsDefaultChangesNothing) {
  std::string content;
  for (const auto& setting : Setting::all()) {
    if (const auto value = setting.defaultValue()) content += setting.key() + " = " + *value + "\n";
  }
  const auto path = writeConfig("defaults", content);
  const Settings loaded = Settings::load(path.string());
  std::filesystem::remove(path);
  for (const auto& setting : Setting::all()) EXPECT_EQ(setting.valueIn(loaded), setting.defaultValue()) << setting.key();
}

TEST(SettingsTable, TheExampleFileLoads) {
  const Settings settings = Settings::load((kHome / "tools" / "paraph.example.properties").string());
  EXPECT_EQ(settings.store.dataDir, "build/data");
  EXPECT_EQ(settings.tokens.size(), 5u);
}

TEST(SettingsTable, AValueFromTheFileReachesItsMember) {
  const auto path = writeConfig("values", "parse.max_depth = 100\nprint.timeout_ms = 1500\nserver.port = 0\n"
                                          "queue.accept_only = yes\nserver.public_url = https://paraph.example\n");
  const Settings settings = Settings::load(path.string());
  std::filesystem::remove(path);
  EXPECT_EQ(settings.parse.maxDepth, 100u);
  EXPECT_EQ(settings.print.timeout, std::chrono::milliseconds(1500));
  EXPECT_EQ(settings.server.port, 0);
  EXPECT_TRUE(settings.queue.acceptOnly);
  EXPECT_EQ(settings.server.publicUrl, "https://paraph.example");
}

TEST(SettingsTable, UnknownKeysAreRefusedInEverySection) {
  for (const std::string key : {"parse.max_dept", "print.timeout", "server.prot", "store.datadir", "queue.worker",
                                "auth.tokens", "sever.port", "paraph.hom"}) {
    const std::string error = loadError(key + " = 1\n");
    EXPECT_NE(error.find("unknown setting " + key), std::string::npos) << key << ": " << error;
  }
}

TEST(SettingsTable, MalformedValuesAreRefusedNamingTheKey) {
  EXPECT_NE(loadError("server.port = 70000\n").find("setting server.port: at most 65535"), std::string::npos);
  EXPECT_NE(loadError("parse.max_depth = 257\n").find("setting parse.max_depth: at most 256"), std::string::npos);
  EXPECT_NE(loadError("server.feed_page_size = 0\n").find("setting server.feed_page_size: from 1 to 200"), std::string::npos);
  EXPECT_NE(loadError("queue.capacity = 0\n").find("setting queue.capacity: at least 1"), std::string::npos);
  EXPECT_NE(loadError("print.pool_size = -1\n").find("setting print.pool_size: '-1' is not a whole number"), std::string::npos);
  EXPECT_NE(loadError("print.restart_after = 5x\n").find("setting print.restart_after"), std::string::npos);
  EXPECT_NE(loadError("queue.accept_only = maybe\n").find("setting queue.accept_only"), std::string::npos);
  EXPECT_NE(loadError("print.engine = prince\n").find("setting print.engine"), std::string::npos);
  EXPECT_NE(loadError("server.public_url = https://example.org/\n").find("setting server.public_url"), std::string::npos);
  EXPECT_NE(loadError("auth.token.alice = abc:submitter\n").find("setting auth.token.alice"), std::string::npos);
}
