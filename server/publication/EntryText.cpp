#include "publication/EntryText.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <limits>

#include "xml/XmlPtr.h"

namespace paraph::publication {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

bool isHtmlWhitespace(char character) {
  return character == ' ' || character == '\t' || character == '\n' || character == '\f' || character == '\r';
}

bool isNamed(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && xmlStrcasecmp(node->name, BAD_CAST name) == 0;
}

std::string attributeOf(const xmlNode* node, const char* name) {
  const xml::XmlCharPtr value(xmlGetProp(node, BAD_CAST name));
  return value ? reinterpret_cast<const char*>(value.get()) : std::string();
}

// The first element named `name` in document order, below `node`.
const xmlNode* firstElement(const xmlNode* node, const char* name) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (isNamed(child, name)) return child;
    if (const xmlNode* found = firstElement(child, name)) return found;
  }
  return nullptr;
}

// The text a reader sees: text nodes in order, a line break as a space; nothing from
// scripts, styles or templates.
void appendVisibleText(const xmlNode* node, std::string& text) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content != nullptr) text += reinterpret_cast<const char*>(child->content);
    } else if (child->type == XML_ELEMENT_NODE) {
      if (isNamed(child, "br")) {
        text += ' ';
      } else if (!isNamed(child, "script") && !isNamed(child, "style") && !isNamed(child, "template")) {
        appendVisibleText(child, text);
      }
    }
  }
}

std::string visibleText(const xmlNode* node) {
  std::string text;
  appendVisibleText(node, text);
  return collapsedWhitespace(text);
}

bool hasClass(const xmlNode* node, std::string_view name) {
  const std::string classes = attributeOf(node, "class");
  std::size_t at = 0;
  while (at < classes.size()) {
    const std::size_t end = std::min(classes.find_first_of(" \t\n\f\r", at), classes.size());
    if (std::string_view(classes).substr(at, end - at) == name) return true;
    at = end + 1;
  }
  return false;
}

// Paragraphs that open a page without saying what it is about: the document's kind
// ("Communiqué de presse", the entry's category already), the dateline (its dates), and
// any paragraph ending with ':' or ',': an introduction to what follows ("Aux organismes
// assureurs :") or a salutation ("Madame, Monsieur,").
bool isFurniture(const xmlNode* paragraph, const std::string& text) {
  return hasClass(paragraph, "doc-kind") || hasClass(paragraph, "dateline") || text.ends_with(':') ||
         text.ends_with(',');
}

// The first <p> below `node` with visible text that `accept` takes.
template <typename Accept>
std::string firstParagraphText(const xmlNode* node, const Accept& accept) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (isNamed(child, "p")) {
      if (std::string text = visibleText(child); !text.empty() && accept(child, text)) return text;
    } else if (std::string text = firstParagraphText(child, accept); !text.empty()) {
      return text;
    }
  }
  return {};
}

std::string metaDescription(const xmlNode* node) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (isNamed(child, "meta") &&
        xmlStrcasecmp(BAD_CAST attributeOf(child, "name").c_str(), BAD_CAST "description") == 0) {
      if (std::string content = collapsedWhitespace(attributeOf(child, "content")); !content.empty()) return content;
    }
    if (std::string found = metaDescription(child); !found.empty()) return found;
  }
  return {};
}

bool isLeadByte(char character) { return (static_cast<unsigned char>(character) & 0xC0U) != 0x80U; }

std::size_t codePoints(std::string_view text) {
  std::size_t count = 0;
  for (const char character : text) count += isLeadByte(character) ? 1 : 0;
  return count;
}

// Byte offset just after the first `count` code points.
std::size_t offsetAfter(std::string_view text, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (isLeadByte(text[at])) {
      if (seen == count) return at;
      ++seen;
    }
  }
  return text.size();
}

}  // namespace

std::string collapsedWhitespace(std::string_view text) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool pendingSpace = false;
  for (const char character : text) {
    if (isHtmlWhitespace(character)) {
      pendingSpace = !collapsed.empty();
      continue;
    }
    if (pendingSpace) collapsed += ' ';
    pendingSpace = false;
    collapsed += character;
  }
  return collapsed;
}

std::string cutAtWord(const std::string& text, std::size_t maxCharacters) {
  if (codePoints(text) <= maxCharacters) return text;
  if (maxCharacters == 0) return {};
  // Room for the ellipsis; the character just after the kept part tells whether the cut
  // falls between two words.
  const std::size_t end = offsetAfter(text, maxCharacters - 1);
  std::size_t cut = end;
  if (end < text.size() && text[end] != ' ') {
    const std::size_t space = text.rfind(' ', end);
    if (space != std::string::npos && space > 0) cut = space;
  }
  std::string kept = text.substr(0, cut);
  while (!kept.empty() && (kept.back() == ' ' || kept.back() == ',' || kept.back() == ';' || kept.back() == ':')) {
    kept.pop_back();
  }
  return kept + std::string(kEllipsis);
}

EntryText entryTextFromHtml(std::string_view html) {
  if (html.empty() || html.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return {};
  // NONET: a rendered page names no external resource, but nothing here may fetch one
  // anyway. NOERROR/NOWARNING: the HTML 4 parser complains about HTML5 elements (main,
  // section, time) that it still parses correctly.
  const xml::DocPtr document(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
  if (!document) return {};
  const xmlNode* root = xmlDocGetRootElement(document.get());
  if (root == nullptr) return {};

  EntryText text;
  if (const xmlNode* title = firstElement(root, "title")) text.title = visibleText(title);
  const xmlNode* head = isNamed(root, "html") ? firstElement(root, "head") : nullptr;
  std::string summary = head != nullptr ? metaDescription(head) : std::string();
  if (summary.empty()) {
    const xmlNode* main = firstElement(root, "main");
    const xmlNode* body = firstElement(root, "body");
    const xmlNode* content = main != nullptr ? main : body != nullptr ? body : root;
    summary = firstParagraphText(
        content, [](const xmlNode* paragraph, const std::string&) { return hasClass(paragraph, "lead"); });
    if (summary.empty()) {
      summary = firstParagraphText(content, [](const xmlNode* paragraph, const std::string& visible) {
        return !isFurniture(paragraph, visible);
      });
    }
  }
  text.summary = cutAtWord(summary, kMaxSummaryCharacters);
  return text;
}

}  // namespace paraph::publication
