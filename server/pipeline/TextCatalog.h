#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "l10n/Lang.h"

namespace paraph::pipeline {

// The words paraph writes itself, loaded once from the catalog and read by stylesheets
// through p:text, p:term, p:term-abbr and p:css:
// - generated text, one table per language (catalog/l10n/fr.xml, nl.xml), by key, as
//   DocBook's gentext files;
// - the official terminology pairs (catalog/terminology.xml);
// - the CSS files of styles/, inlined so every HTML output stands alone.
class TextCatalog {
 public:
  struct Term {
    std::array<std::string, 2> full;          // by Lang
    std::array<std::string, 2> abbreviation;  // by Lang, may be empty
  };

  TextCatalog(const std::filesystem::path& l10nFolder, const std::filesystem::path& terminologyFile,
              const std::filesystem::path& stylesFolder);

  const std::string* text(const std::string& key, l10n::Lang lang) const;
  const Term* term(const std::string& key) const;
  const std::string* css(const std::string& name) const;

  // Keys present in one language's table and not in the other (for the parity test).
  std::vector<std::string> keysMissingIn(l10n::Lang lang) const;
  const std::map<std::string, Term>& terms() const { return terms_; }

 private:
  std::array<std::map<std::string, std::string>, 2> texts_;
  std::map<std::string, Term> terms_;
  std::map<std::string, std::string> css_;
};

inline std::size_t indexOf(l10n::Lang lang) { return lang == l10n::Lang::fr ? 0 : 1; }

}  // namespace paraph::pipeline
