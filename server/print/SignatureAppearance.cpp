#include "print/SignatureAppearance.h"

#include <qpdf/Buffer.hh>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace paraph::print {
namespace {

std::vector<char32_t> codePoints(const std::string& utf8) {
  std::vector<char32_t> result;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const int extra = lead < 0x80 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    char32_t value = extra == 0 ? lead : lead & (0x3F >> extra);
    for (int k = 1; k <= extra && i + static_cast<std::size_t>(k) < utf8.size(); ++k) {
      value = (value << 6) | (static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]) & 0x3F);
    }
    result.push_back(value);
    i += static_cast<std::size_t>(extra) + 1;
  }
  return result;
}

unsigned hexValue(const std::string& hex) { return static_cast<unsigned>(std::stoul(hex, nullptr, 16)); }

// A ToUnicode destination (UTF-16BE hex) as one code point, or 0 for a ligature or a pair
// the mention cannot use.
char32_t singleCodePoint(const std::string& hex) {
  if (hex.size() == 4) return hexValue(hex);
  if (hex.size() == 8) {
    const unsigned high = hexValue(hex.substr(0, 4));
    const unsigned low = hexValue(hex.substr(4));
    if (high >= 0xD800 && high < 0xDC00) return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
  }
  return 0;
}

// The tokens of a CMap that matter here: <hex>, [, ], and the operator words.
std::vector<std::string> cmapTokens(const std::string& cmap) {
  std::vector<std::string> tokens;
  for (std::size_t i = 0; i < cmap.size();) {
    const char c = cmap[i];
    if (c == '<') {
      const auto end = cmap.find('>', i);
      if (end == std::string::npos) break;
      std::string hex;
      for (std::size_t k = i + 1; k < end; ++k) {
        if (std::isxdigit(static_cast<unsigned char>(cmap[k]))) hex += cmap[k];
      }
      tokens.push_back("<" + hex);
      i = end + 1;
    } else if (c == '[' || c == ']') {
      tokens.emplace_back(1, c);
      ++i;
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      std::size_t end = i;
      while (end < cmap.size() && std::isalnum(static_cast<unsigned char>(cmap[end]))) ++end;
      tokens.push_back(cmap.substr(i, end - i));
      i = end;
    } else {
      ++i;
    }
  }
  return tokens;
}

// Unicode code point -> CID (= glyph id for Identity-H), from the bfchar and bfrange sections.
std::map<char32_t, unsigned> glyphsOf(const std::string& cmap) {
  std::map<char32_t, unsigned> glyphs;
  const auto tokens = cmapTokens(cmap);
  auto isHex = [&](std::size_t i) { return i < tokens.size() && tokens[i].starts_with("<"); };
  enum class Section { None, Char, Range } section = Section::None;
  for (std::size_t i = 0; i < tokens.size();) {
    const std::string& token = tokens[i];
    if (token == "beginbfchar") section = Section::Char, ++i;
    else if (token == "beginbfrange") section = Section::Range, ++i;
    else if (token == "endbfchar" || token == "endbfrange") section = Section::None, ++i;
    else if (section == Section::Char && isHex(i) && isHex(i + 1)) {
      if (char32_t unicode = singleCodePoint(tokens[i + 1].substr(1))) glyphs.emplace(unicode, hexValue(tokens[i].substr(1)));
      i += 2;
    } else if (section == Section::Range && isHex(i) && isHex(i + 1) && isHex(i + 2)) {
      const unsigned low = hexValue(tokens[i].substr(1));
      const unsigned high = hexValue(tokens[i + 1].substr(1));
      const char32_t first = singleCodePoint(tokens[i + 2].substr(1));
      for (unsigned cid = low; first != 0 && cid <= high; ++cid) glyphs.emplace(first + (cid - low), cid);
      i += 3;
    } else if (section == Section::Range && isHex(i) && isHex(i + 1) && i + 2 < tokens.size() && tokens[i + 2] == "[") {
      unsigned cid = hexValue(tokens[i].substr(1));
      for (i += 3; isHex(i); ++i, ++cid) {
        if (char32_t unicode = singleCodePoint(tokens[i].substr(1))) glyphs.emplace(unicode, cid);
      }
      if (i < tokens.size() && tokens[i] == "]") ++i;
    } else {
      ++i;
    }
  }
  return glyphs;
}

// Glyph widths from the descendant CIDFont's /W (in 1/1000 of the font size).
std::map<unsigned, double> widthsOf(QPDFObjectHandle cidFont) {
  std::map<unsigned, double> widths;
  QPDFObjectHandle w = cidFont.getKey("/W");
  if (!w.isArray()) return widths;
  const int count = w.getArrayNItems();
  for (int i = 0; i + 1 < count;) {
    QPDFObjectHandle first = w.getArrayItem(i);
    QPDFObjectHandle next = w.getArrayItem(i + 1);
    if (!first.isInteger()) break;
    const auto start = static_cast<unsigned>(first.getIntValue());
    if (next.isArray()) {
      for (int k = 0; k < next.getArrayNItems(); ++k) widths[start + static_cast<unsigned>(k)] = next.getArrayItem(k).getNumericValue();
      i += 2;
    } else if (i + 2 < count && next.isInteger()) {
      const auto end = static_cast<unsigned>(next.getIntValue());
      const double width = w.getArrayItem(i + 2).getNumericValue();
      for (unsigned cid = start; cid <= end; ++cid) widths[cid] = width;
      i += 3;
    } else {
      break;
    }
  }
  return widths;
}

struct EmbeddedFont {
  std::string resourceName;
  QPDFObjectHandle font;
  std::map<char32_t, unsigned> glyphs;
  std::map<unsigned, double> widths;
  double defaultWidth = 1000;
  bool regular = true;  // neither bold nor italic: preferred for a mention
};

void addEmbeddedFonts(QPDFObjectHandle page, std::vector<EmbeddedFont>& fonts, std::set<QPDFObjGen>& seen) {
  QPDFObjectHandle resources = page.getKey("/Resources");
  QPDFObjectHandle fontDictionary = resources.isDictionary() ? resources.getKey("/Font") : QPDFObjectHandle::newNull();
  if (!fontDictionary.isDictionary()) return;
  for (auto [name, font] : fontDictionary.getDictAsMap()) {
    if (!font.isDictionary() || font.getKey("/Subtype").unparse() != "/Type0" ||
        font.getKey("/Encoding").unparse() != "/Identity-H" || !font.getKey("/ToUnicode").isStream()) {
      continue;
    }
    if (font.isIndirect() && !seen.insert(font.getObjGen()).second) continue;
    QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
    if (!descendants.isArray() || descendants.getArrayNItems() != 1) continue;
    QPDFObjectHandle cidFont = descendants.getArrayItem(0);
    QPDFObjectHandle toUnicode = font.getKey("/ToUnicode");
    const auto data = toUnicode.getStreamData(qpdf_dl_generalized);
    EmbeddedFont embedded;
    embedded.resourceName = name;
    embedded.font = font;
    embedded.glyphs = glyphsOf(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
    embedded.widths = widthsOf(cidFont);
    if (cidFont.getKey("/DW").isNumber()) embedded.defaultWidth = cidFont.getKey("/DW").getNumericValue();
    const std::string baseFont = font.getKey("/BaseFont").isName() ? font.getKey("/BaseFont").getName() : "";
    embedded.regular = baseFont.find("Bold") == std::string::npos && baseFont.find("Italic") == std::string::npos &&
                       baseFont.find("Oblique") == std::string::npos;
    fonts.push_back(std::move(embedded));
  }
}

// The embedded subsets of every page, the given page's first, regular faces before bold and
// italic ones: a character missing from one subset is often in another.
std::vector<EmbeddedFont> embeddedFonts(QPDF& document, QPDFObjectHandle page) {
  std::vector<EmbeddedFont> fonts;
  std::set<QPDFObjGen> seen;
  addEmbeddedFonts(page, fonts, seen);
  for (auto& other : document.getAllPages()) addEmbeddedFonts(other, fonts, seen);
  std::stable_sort(fonts.begin(), fonts.end(), [](const auto& a, const auto& b) { return a.regular && !b.regular; });
  return fonts;
}

std::string format(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

}  // namespace

std::optional<SignatureAppearance> makeSignatureAppearance(QPDF& document, QPDFObjectHandle page,
                                                           const std::vector<std::string>& lines, double fontSize) {
  const auto fonts = embeddedFonts(document, page);
  const double leading = fontSize * 1.3;
  double widest = 0;
  std::set<std::size_t> used;
  std::ostringstream content;
  content << "q 0 g BT " << format(leading) << " TL 0 " << format(leading * static_cast<double>(lines.size() - 1) + fontSize * 0.3)
          << " Td\n";
  for (const auto& line : lines) {
    double width = 0;
    std::size_t current = fonts.size();
    std::string run;
    auto flush = [&] {
      if (!run.empty()) content << "<" << run << "> Tj ";
      run.clear();
    };
    for (char32_t character : codePoints(line)) {
      if (character == U'\u00A0' || character == U'\u202F') character = U' ';
      // The font already in use when it has the glyph, else the first that has it.
      std::size_t chosen = current < fonts.size() && fonts[current].glyphs.contains(character) ? current : fonts.size();
      for (std::size_t i = 0; chosen == fonts.size() && i < fonts.size(); ++i) {
        if (fonts[i].glyphs.contains(character)) chosen = i;
      }
      if (chosen == fonts.size()) return std::nullopt;  // no embedded glyph: no visible mention
      if (chosen != current) {
        flush();
        content << "/F" << chosen << " " << format(fontSize) << " Tf ";
        current = chosen;
        used.insert(chosen);
      }
      const unsigned glyph = fonts[chosen].glyphs.at(character);
      char code[8];
      std::snprintf(code, sizeof code, "%04X", glyph);
      run += code;
      const auto found = fonts[chosen].widths.find(glyph);
      width += (found != fonts[chosen].widths.end() ? found->second : fonts[chosen].defaultWidth) * fontSize / 1000;
    }
    flush();
    content << "T*\n";
    widest = std::max(widest, width);
  }
  content << "ET Q\n";
  SignatureAppearance appearance;
  appearance.width = widest + 1;
  appearance.height = leading * static_cast<double>(lines.size());
  appearance.formXObject = document.makeIndirectObject(QPDFObjectHandle::newStream(&document, content.str()));
  QPDFObjectHandle dictionary = appearance.formXObject.getDict();
  dictionary.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
  dictionary.replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
  dictionary.replaceKey("/BBox",
                        QPDFObjectHandle::parse("[0 0 " + format(appearance.width) + " " + format(appearance.height) + "]"));
  QPDFObjectHandle fontResources = QPDFObjectHandle::newDictionary();
  for (std::size_t index : used) fontResources.replaceKey("/F" + std::to_string(index), fonts[index].font);
  QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
  resources.replaceKey("/Font", fontResources);
  dictionary.replaceKey("/Resources", resources);
  return appearance;
}

}  // namespace paraph::print
