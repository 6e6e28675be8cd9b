#pragma once

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "l10n/Lang.h"
#include "pipeline/TextCatalog.h"

namespace paraph::review {

// Finds the catalog's official terms in a text, the way a reviewer reads: case-insensitive
// (ICU case folding), word by word, tolerant of inflection at the end of a word (plural,
// adjective endings: "organismes assureurs", "verzekeringsinstellingen", "adviserende arts",
// "referentiecentra"), and by official abbreviation written exactly ("O.A.", "RIZIV").
// Words of up to three letters must match exactly; longer words may differ in their last
// letter (four or five letters) or last two (six or more). A Dutch term's last word also
// matches as the head of a compound ("revalidatieovereenkomst" uses "overeenkomst"). A term
// found only inside a longer term found at the same place is not reported on its own
// ("convention" inside "convention de rééducation fonctionnelle").
class TermMatcher {
 public:
  explicit TermMatcher(const pipeline::TextCatalog& texts);

  // Keys of the terms whose form in `lang` occurs in `text`, in key order.
  std::vector<std::string> termsIn(const std::string& text, l10n::Lang lang) const;
  // Whether the term's full form or abbreviation in `lang` occurs in `text`.
  bool occurs(const std::string& key, const std::string& text, l10n::Lang lang) const;
  const pipeline::TextCatalog::Term* term(const std::string& key) const;

 private:
  struct Form {
    std::vector<std::u16string> words;
    std::string abbreviation;
  };
  using WordRange = std::pair<std::size_t, std::size_t>;  // [first, last) word
  std::vector<WordRange> rangesOf(const Form& form, const std::vector<std::u16string>& words, bool dutch) const;
  bool occurs(const Form& form, const std::vector<std::u16string>& words, const std::string& text, bool dutch) const;

  const pipeline::TextCatalog& texts_;
  std::map<std::string, std::array<Form, 2>> forms_;
};

}  // namespace paraph::review
