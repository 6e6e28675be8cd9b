// paraph::config: every setting paraph reads, with its default, in one place.
#pragma once

#include <string>

#include "print/PrintEngine.h"
#include "xml/SafeParser.h"

namespace paraph::config {

// Every setting paraph reads, with its default. A properties file (--config) may set any of
// them by the names in docs/configuration.md; the command line overrides the file.
struct Settings {
  std::string home;  // paraph.home: catalog/, xslt/, styles/ (default: the source tree)
  xml::ParseLimits parse;
  print::EngineConfig print;

  // Throws std::runtime_error naming the key when a value is malformed.
  static Settings load(const std::string& configFile);
};

}  // namespace paraph::config
