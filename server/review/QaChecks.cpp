#include "review/QaChecks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <iterator>

#include "pipeline/ParityCheck.h"

namespace paraph::review::qa {
namespace {

constexpr UChar32 kNoBreakSpace = 0x00A0;
constexpr UChar32 kNarrowNoBreakSpace = 0x202F;
constexpr UChar32 kObject = 0xFFFC;

std::string languageName(l10n::Lang lang) { return lang == l10n::Lang::fr ? "French" : "Dutch"; }

// The text as read: characters, and U+FFFC where an empty inline element (a reference, a
// figure) stands, so that "à l'<ref/> ;" is not read as "à l' ;".
std::string readable(const BilingualText& text) {
  std::string result;
  for (const auto& span : text.spans) {
    if (span.kind == InlineSpan::Kind::text) result += span.text;
    else if (span.kind == InlineSpan::Kind::standalone) result += "\uFFFC";
  }
  return result;
}

std::vector<UChar32> codePointsOf(const std::string& text) {
  std::vector<UChar32> codePoints;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t offset = 0; offset < length;) {
    UChar32 codePoint = 0;
    U8_NEXT(bytes, offset, length, codePoint);
    codePoints.push_back(codePoint < 0 ? 0xFFFD : codePoint);
  }
  return codePoints;
}

std::string utf8(UChar32 codePoint) {
  std::string result;
  uint8_t buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, 4, codePoint, error);
  if (!error) result.assign(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
  return result;
}

std::string excerpt(const std::vector<UChar32>& text, std::size_t at) {
  const std::size_t from = at > 12 ? at - 12 : 0;
  const std::size_t to = std::min(text.size(), at + 12);
  std::string result = from > 0 ? "…" : "";
  for (std::size_t index = from; index < to; ++index) result += text[index] == kObject ? "[…]" : utf8(text[index]);
  if (to < text.size()) result += "…";
  return "\u201C" + result + "\u201D";
}

Finding finding(const Segment& segment, const char* check, Severity severity, std::string message) {
  return Finding{segment.id, check, severity, std::move(message)};
}

bool isSpace(UChar32 c) { return c == ' ' || c == '\t' || c == kNoBreakSpace || c == kNarrowNoBreakSpace || c == 0x2009; }
bool isLineBreak(UChar32 c) { return c == '\n' || c == '\r'; }

// Facts of one language's text: those of ParityCheck (numbers, amounts, dates, references)
// with article references, and the inline elements that refer to something.
std::vector<std::string> factsOf(const BilingualText& text, l10n::Lang lang) {
  auto facts = pipeline::normalisedFacts(readable(text), lang == l10n::Lang::fr, {.articleReferences = true});
  for (const auto& span : text.spans) {
    if (span.kind == InlineSpan::Kind::standalone) facts.push_back("inline:" + span.markup());
  }
  std::sort(facts.begin(), facts.end());
  return facts;
}

bool isListMarkerBefore(const std::vector<UChar32>& text, std::size_t closing) {
  // "1)", "a)", "2°)" at the start of the text or after a space.
  std::size_t start = closing;
  while (start > 0 && closing - start < 3 && (u_isalnum(text[start - 1]) || text[start - 1] == 0x00B0)) --start;
  return start < closing && (start == 0 || isSpace(text[start - 1]) || isLineBreak(text[start - 1]));
}

std::vector<std::string> unpairedIn(const std::string& readableText) {
  const auto text = codePointsOf(readableText);
  std::vector<std::string> problems;
  std::vector<std::pair<UChar32, std::size_t>> open;
  std::size_t straightQuotes = 0;
  std::size_t lastStraightQuote = 0;
  const auto closes = [](UChar32 opener, UChar32 closer) {
    switch (opener) {
      case '(': return closer == ')';
      case '[': return closer == ']';
      case '{': return closer == '}';
      case 0x00AB: return closer == 0x00BB;                    // « »
      case 0x201C: return closer == 0x201D;                    // “ ”
      case 0x201E: return closer == 0x201D || closer == 0x201C;  // „ ” (Dutch), „ “ (German style)
      default: return false;
    }
  };
  for (std::size_t index = 0; index < text.size(); ++index) {
    const UChar32 c = text[index];
    if (c == '"') {
      ++straightQuotes;
      lastStraightQuote = index;
    } else if (c == 0x201C && !open.empty() && open.back().first == 0x201E) {
      open.pop_back();
    } else if (c == '(' || c == '[' || c == '{' || c == 0x00AB || c == 0x201C || c == 0x201E) {
      open.emplace_back(c, index);
    } else if (c == ')' || c == ']' || c == '}' || c == 0x00BB || c == 0x201D) {
      if (!open.empty() && closes(open.back().first, c)) {
        open.pop_back();
      } else if (!(c == ')' && isListMarkerBefore(text, index))) {
        problems.push_back("'" + utf8(c) + "' closes nothing, at " + excerpt(text, index));
      }
    }
  }
  for (const auto& [opener, at] : open) problems.push_back("'" + utf8(opener) + "' is not closed, at " + excerpt(text, at));
  if (straightQuotes % 2 != 0) problems.push_back("an odd number of '\"', the last at " + excerpt(text, lastStraightQuote));
  return problems;
}

struct SpacingShape {
  bool leading = false;
  bool trailing = false;
  std::size_t doubleSpaceAt = std::string::npos;
};

SpacingShape spacingOf(const std::string& readableText) {
  const auto text = codePointsOf(readableText);
  SpacingShape shape;
  if (text.empty()) return shape;
  shape.leading = isSpace(text.front()) || isLineBreak(text.front());
  shape.trailing = isSpace(text.back()) || isLineBreak(text.back());
  // A run of spaces with a line break in it is the layout of the XML file, not a double space.
  for (std::size_t index = 1; index < text.size(); ++index) {
    if (isSpace(text[index]) && isSpace(text[index - 1]) && (index < 2 || !isLineBreak(text[index - 2])) &&
        (index + 1 >= text.size() || !isLineBreak(text[index + 1]))) {
      bool inLayout = false;
      for (std::size_t scan = index; scan > 0 && (isSpace(text[scan - 1]) || isLineBreak(text[scan - 1])); --scan) {
        if (isLineBreak(text[scan - 1])) inLayout = true;
      }
      for (std::size_t scan = index; scan < text.size() && (isSpace(text[scan]) || isLineBreak(text[scan])); ++scan) {
        if (isLineBreak(text[scan])) inLayout = true;
      }
      if (!inLayout) {
        shape.doubleSpaceAt = index - 1;
        break;
      }
    }
  }
  return shape;
}

}  // namespace

std::vector<Finding> missingTarget(const Segment& segment) {
  const auto& target = segment.target();
  if (!target.empty()) return {};
  const std::string what = target.present ? "is empty" : "is missing";
  return {finding(segment, "missing-target", Severity::error,
                  "the " + languageName(segment.targetLanguage()) + " text " + what)};
}

std::vector<Finding> identicalTarget(const Segment& segment) {
  if (segment.target().empty()) return {};
  const std::string source = collapseSpaces(segment.source().markedText());
  if (source != collapseSpaces(segment.target().markedText())) return {};
  // Text without a letter (a code, a number) is the same in every language.
  const auto codePoints = codePointsOf(segment.source().plainText());
  if (std::none_of(codePoints.begin(), codePoints.end(), [](UChar32 c) { return u_isalpha(c) != 0; })) return {};
  return {finding(segment, "identical-target", Severity::warning,
                  "the " + languageName(segment.targetLanguage()) + " text is the " +
                      languageName(segment.sourceLanguage) + " text unchanged: untranslated, or a name?")};
}

std::vector<Finding> figures(const Segment& segment) {
  if (segment.target().empty()) return {};
  const auto sourceFacts = factsOf(segment.source(), segment.sourceLanguage);
  const auto targetFacts = factsOf(segment.target(), segment.targetLanguage());
  if (sourceFacts == targetFacts) return {};
  std::vector<std::string> onlySource;
  std::vector<std::string> onlyTarget;
  std::set_difference(sourceFacts.begin(), sourceFacts.end(), targetFacts.begin(), targetFacts.end(),
                      std::back_inserter(onlySource));
  std::set_difference(targetFacts.begin(), targetFacts.end(), sourceFacts.begin(), sourceFacts.end(),
                      std::back_inserter(onlyTarget));
  std::string message = "numbers, amounts, dates or references differ:";
  const std::string sourceCode(l10n::code(segment.sourceLanguage));
  const std::string targetCode(l10n::code(segment.targetLanguage()));
  for (const auto& fact : onlySource) message += " only in " + sourceCode + " " + fact + ";";
  for (const auto& fact : onlyTarget) message += " only in " + targetCode + " " + fact + ";";
  message.pop_back();
  return {finding(segment, "figures", Severity::error, std::move(message))};
}

std::vector<Finding> terminology(const Segment& segment, const TermMatcher& terms) {
  if (segment.target().empty()) return {};
  const std::string source = readable(segment.source());
  const std::string target = readable(segment.target());
  std::vector<Finding> findings;
  const auto sourceIndex = segment.sourceLanguage == l10n::Lang::fr ? 0 : 1;
  const auto targetIndex = 1 - sourceIndex;
  for (const auto& key : terms.termsIn(source, segment.sourceLanguage)) {
    if (terms.occurs(key, target, segment.targetLanguage())) continue;
    const auto* term = terms.term(key);
    std::string expected = "\u201C" + term->full[static_cast<std::size_t>(targetIndex)] + "\u201D";
    if (!term->abbreviation[static_cast<std::size_t>(targetIndex)].empty()) {
      expected += " or \u201C" + term->abbreviation[static_cast<std::size_t>(targetIndex)] + "\u201D";
    }
    findings.push_back(finding(segment, "terminology", Severity::warning,
                               "the source uses \u201C" + term->full[static_cast<std::size_t>(sourceIndex)] +
                                   "\u201D (catalog term " + key + "); the " +
                                   languageName(segment.targetLanguage()) + " text should use " + expected));
  }
  return findings;
}

std::vector<Finding> unpairedBrackets(const Segment& segment) {
  std::vector<Finding> findings;
  for (const auto lang : {segment.sourceLanguage, segment.targetLanguage()}) {
    if (segment.text(lang).empty()) continue;
    for (const auto& problem : unpairedIn(readable(segment.text(lang)))) {
      findings.push_back(finding(segment, "unpaired-brackets", Severity::error, languageName(lang) + " text: " + problem));
    }
  }
  return findings;
}

std::vector<Finding> spacing(const Segment& segment) {
  if (segment.target().empty()) return {};
  const auto source = spacingOf(readable(segment.source()));
  const auto target = spacingOf(readable(segment.target()));
  const std::string sourceName = languageName(segment.sourceLanguage);
  const std::string targetName = languageName(segment.targetLanguage());
  std::vector<Finding> findings;
  const auto differs = [&](bool inSource, bool inTarget, const std::string& what) {
    if (inSource == inTarget) return;
    findings.push_back(finding(segment, "spacing", Severity::warning,
                               (inTarget ? targetName : sourceName) + " text has " + what + " and the " +
                                   (inTarget ? sourceName : targetName) + " text has not"));
  };
  differs(source.doubleSpaceAt != std::string::npos, target.doubleSpaceAt != std::string::npos, "a double space");
  differs(source.leading, target.leading, "a leading space");
  differs(source.trailing, target.trailing, "a trailing space");
  return findings;
}

std::vector<Finding> frenchTypography(const Segment& segment) {
  const auto& french = segment.text(l10n::Lang::fr);
  if (french.empty()) return {};
  const auto text = codePointsOf(readable(french));
  std::vector<Finding> findings;
  const auto report = [&](std::size_t at, const std::string& what) {
    findings.push_back(finding(segment, "french-typography", Severity::warning, what + " at " + excerpt(text, at)));
  };
  const auto isNoBreak = [](UChar32 c) { return c == kNoBreakSpace || c == kNarrowNoBreakSpace; };
  for (std::size_t index = 0; index < text.size(); ++index) {
    const UChar32 c = text[index];
    if (c == ';' || c == ':' || c == '!' || c == '?') {
      if (index == 0) continue;
      const UChar32 before = text[index - 1];
      const UChar32 after = index + 1 < text.size() ? text[index + 1] : ' ';
      // 10:30, https://, 2026:1 and "?!" are not punctuation of a sentence.
      if (u_isdigit(after) || after == '/' || before == '!' || before == '?' || isNoBreak(before)) continue;
      if (before == ' ') {
        report(index, "a plain space before '" + utf8(c) + "' should be a no-break space (U+00A0 or U+202F)");
      } else if (u_isalnum(before) || before == 0x00BB || before == ')' || before == kObject) {
        report(index, "a no-break space (U+00A0 or U+202F) is missing before '" + utf8(c) + "'");
      }
    } else if (c == 0x00AB && index + 1 < text.size() && !isNoBreak(text[index + 1])) {
      report(index, "'\u00AB' should be followed by a no-break space (U+00A0 or U+202F)");
    } else if (c == 0x00BB && index > 0 && !isNoBreak(text[index - 1])) {
      report(index, "'\u00BB' should be preceded by a no-break space (U+00A0 or U+202F)");
    }
  }
  return findings;
}

}  // namespace paraph::review::qa
