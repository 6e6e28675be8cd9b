#include "review/TermMatcher.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace paraph::review {
namespace {

std::size_t index(l10n::Lang lang) { return lang == l10n::Lang::fr ? 0 : 1; }

// Case-folded words: runs of letters and digits.
std::vector<std::u16string> wordsOf(const std::string& text) {
  icu::UnicodeString folded = icu::UnicodeString::fromUTF8(text);
  folded.foldCase();
  std::vector<std::u16string> words;
  std::u16string word;
  for (int32_t position = 0; position < folded.length();) {
    const UChar32 codePoint = folded.char32At(position);
    const int32_t width = U16_LENGTH(codePoint);
    if (u_isalnum(codePoint)) {
      for (int32_t unit = 0; unit < width; ++unit) word += folded.charAt(position + unit);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
    position += width;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool sameWord(const std::u16string& termWord, const std::u16string& textWord) {
  if (termWord.size() <= 3) return termWord == textWord;
  const std::size_t tolerance = termWord.size() >= 6 ? 2 : 1;
  if (textWord.size() + tolerance < termWord.size() || textWord.size() > termWord.size() + 2) return false;
  const auto mismatch = std::mismatch(termWord.begin(), termWord.end(), textWord.begin(), textWord.end());
  return static_cast<std::size_t>(mismatch.first - termWord.begin()) + tolerance >= termWord.size();
}

// The head of a Dutch compound: "revalidatieovereenkomst(en)" ends with "overeenkomst".
bool compoundHead(const std::u16string& termWord, const std::u16string& textWord) {
  if (termWord.size() < 6) return false;
  for (std::size_t suffix = 0; suffix <= 2 && textWord.size() >= termWord.size() + suffix + 3; ++suffix) {
    if (textWord.compare(textWord.size() - suffix - termWord.size(), termWord.size(), termWord) == 0) return true;
  }
  return false;
}

bool isWordByte(char character) {
  return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
         (character >= '0' && character <= '9') || (static_cast<unsigned char>(character) >= 0x80);
}

bool containsAbbreviation(const std::string& text, const std::string& abbreviation) {
  if (abbreviation.empty()) return false;
  for (auto position = text.find(abbreviation); position != std::string::npos;
       position = text.find(abbreviation, position + 1)) {
    const bool startsWord = position == 0 || !isWordByte(text[position - 1]);
    const std::size_t end = position + abbreviation.size();
    const bool endsWord = end >= text.size() || !isWordByte(text[end]) || !isWordByte(abbreviation.back());
    if (startsWord && endsWord) return true;
  }
  return false;
}

}  // namespace

TermMatcher::TermMatcher(const pipeline::TextCatalog& texts) : texts_(texts) {
  for (const auto& [key, term] : texts.terms()) {
    auto& forms = forms_[key];
    for (const auto lang : l10n::kAllLangs) {
      forms[index(lang)].words = wordsOf(term.full[index(lang)]);
      forms[index(lang)].abbreviation = term.abbreviation[index(lang)];
    }
  }
}

std::vector<TermMatcher::WordRange> TermMatcher::rangesOf(const Form& form, const std::vector<std::u16string>& words,
                                                         bool dutch) const {
  std::vector<WordRange> ranges;
  const std::size_t length = form.words.size();
  if (length == 0 || words.size() < length) return ranges;
  for (std::size_t start = 0; start + length <= words.size(); ++start) {
    bool all = true;
    for (std::size_t offset = 0; offset < length && all; ++offset) {
      const auto& termWord = form.words[offset];
      const auto& textWord = words[start + offset];
      all = sameWord(termWord, textWord) || (dutch && offset + 1 == length && compoundHead(termWord, textWord));
    }
    if (all) ranges.emplace_back(start, start + length);
  }
  return ranges;
}

bool TermMatcher::occurs(const Form& form, const std::vector<std::u16string>& words, const std::string& text,
                         bool dutch) const {
  return containsAbbreviation(text, form.abbreviation) || !rangesOf(form, words, dutch).empty();
}

std::vector<std::string> TermMatcher::termsIn(const std::string& text, l10n::Lang lang) const {
  const auto words = wordsOf(text);
  const bool dutch = lang == l10n::Lang::nl;
  std::map<std::string, std::vector<WordRange>> found;
  std::vector<std::string> byAbbreviation;
  for (const auto& [key, forms] : forms_) {
    const auto& form = forms[index(lang)];
    if (containsAbbreviation(text, form.abbreviation)) byAbbreviation.push_back(key);
    auto ranges = rangesOf(form, words, dutch);
    if (!ranges.empty()) found.emplace(key, std::move(ranges));
  }
  const auto inside = [](const WordRange& inner, const WordRange& outer) {
    return outer.first <= inner.first && inner.second <= outer.second && inner != outer;
  };
  std::vector<std::string> keys;
  for (const auto& [key, ranges] : found) {
    const bool onlyInsideLonger = std::all_of(ranges.begin(), ranges.end(), [&](const WordRange& range) {
      return std::any_of(found.begin(), found.end(), [&](const auto& other) {
        return std::any_of(other.second.begin(), other.second.end(),
                           [&](const WordRange& longer) { return inside(range, longer); });
      });
    });
    if (!onlyInsideLonger) keys.push_back(key);
  }
  for (const auto& key : byAbbreviation) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

bool TermMatcher::occurs(const std::string& key, const std::string& text, l10n::Lang lang) const {
  const auto found = forms_.find(key);
  return found != forms_.end() && occurs(found->second[index(lang)], wordsOf(text), text, lang == l10n::Lang::nl);
}

const pipeline::TextCatalog::Term* TermMatcher::term(const std::string& key) const { return texts_.term(key); }

}  // namespace paraph::review
