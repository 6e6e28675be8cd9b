// paraph::config::Setting: one setting paraph reads, as a row of the table in Settings.cpp.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/Settings.h"

namespace paraph::config {

// A key of the properties file and what it does: the Settings member it sets, how its text is
// read and checked, and how its value is written back (its default is the value in a
// default-constructed Settings, so each default is written once, in the member's initializer).
// Loading, the refusal of unknown keys and docs/configuration.md's check all read this table.
class Setting {
 public:
  // Parses and checks `text` (the value of `fileKey`), then sets it; throws InvalidSetting
  // naming the key.
  using Apply = std::function<void(Settings& settings, const std::string& fileKey, const std::string& text)>;
  // The value as a properties file would spell it; nothing for a family of keys.
  using Show = std::function<std::optional<std::string>(const Settings& settings)>;

  Setting(std::string key, std::string meaning, Apply apply, Show show);

  // "server.port"; a family of keys ends in ".<name>" ("auth.token.<name>").
  const std::string& key() const { return key_; }
  const std::string& meaning() const { return meaning_; }
  bool isFamily() const;
  bool matches(const std::string& fileKey) const;
  void apply(Settings& settings, const std::string& fileKey, const std::string& text) const;
  std::optional<std::string> valueIn(const Settings& settings) const { return show_(settings); }
  std::optional<std::string> defaultValue() const { return show_(Settings{}); }

  // Every setting paraph accepts, in the order docs/configuration.md lists them.
  static const std::vector<Setting>& all();
  // The setting a key of the file sets, or null for a key paraph does not know.
  static const Setting* find(const std::string& fileKey);

 private:
  std::string key_;
  std::string meaning_;
  Apply apply_;
  Show show_;
};

}  // namespace paraph::config
