#include "print/SignatureAppearance.h"

#include <qpdf/Buffer.hh>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
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

std::vector<EmbeddedFont> embeddedFontsOf(QPDFObjectHandle page) {
  std::vector<EmbeddedFont> fonts;
  QPDFObjectHandle resources = page.getKey("/Resources");
  QPDFObjectHandle fontDictionary = resources.isDictionary() ? resources.getKey("/Font") : QPDFObjectHandle::newNull();
  if (!fontDictionary.isDictionary()) return fonts;
  for (auto [name, font] : fontDictionary.getDictAsMap()) {
    if (!font.isDictionary() || font.getKey("/Subtype").unparse() != "/Type0" ||
        font.getKey("/Encoding").unparse() != "/Identity-H" || !font.getKey("/ToUnicode").isStream()) {
      continue;
    }
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
  for (const auto& font : embeddedFontsOf(page)) {
    const double leading = fontSize * 1.3;
    double widest = 0;
    std::ostringstream content;
    content << "q 0 g BT /F1 " << format(fontSize) << " Tf " << format(leading) << " TL 0 "
            << format(leading * static_cast<double>(lines.size() - 1) + fontSize * 0.3) << " Td\n";
    bool covered = true;
    for (const auto& line : lines) {
      std::string hex;
      double width = 0;
      for (char32_t character : codePoints(line)) {
        const auto glyph = font.glyphs.find(character == U'\u00A0' || character == U'\u202F' ? U' ' : character);
        if (glyph == font.glyphs.end()) {
          covered = false;
          break;
        }
        char code[8];
        std::snprintf(code, sizeof code, "%04X", glyph->second);
        hex += code;
        const auto found = font.widths.find(glyph->second);
        width += (found != font.widths.end() ? found->second : font.defaultWidth) * fontSize / 1000;
      }
      if (!covered) break;
      widest = std::max(widest, width);
      content << "<" << hex << "> Tj T*\n";
    }
    if (!covered) continue;
    content << "ET Q\n";
    SignatureAppearance appearance;
    appearance.width = widest + 1;
    appearance.height = leading * static_cast<double>(lines.size());
    appearance.formXObject = document.makeIndirectObject(QPDFObjectHandle::newStream(&document, content.str()));
    QPDFObjectHandle dictionary = appearance.formXObject.getDict();
    dictionary.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
    dictionary.replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
    dictionary.replaceKey("/BBox", QPDFObjectHandle::parse("[0 0 " + format(appearance.width) + " " +
                                                            format(appearance.height) + "]"));
    QPDFObjectHandle fonts = QPDFObjectHandle::newDictionary();
    fonts.replaceKey("/F1", font.font);
    QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
    resources.replaceKey("/Font", fonts);
    dictionary.replaceKey("/Resources", resources);
    return appearance;
  }
  return std::nullopt;
}

}  // namespace paraph::print
