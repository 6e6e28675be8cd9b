#include "review/InlineText.h"

#include <stdexcept>

#include "xml/Escape.h"
#include "xml/TreeBuilding.h"

namespace paraph::review {
namespace {

const char* chars(const xmlChar* text) { return text == nullptr ? "" : reinterpret_cast<const char*>(text); }
using xml::xmlChars;

void readChildren(const xmlNode* parent, std::vector<InlineSpan>& spans) {
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (!spans.empty() && spans.back().kind == InlineSpan::Kind::text) {
        spans.back().text += chars(child->content);
      } else {
        spans.push_back({InlineSpan::Kind::text, chars(child->content), {}});
      }
    } else if (child->type == XML_ELEMENT_NODE) {
      InlineSpan open{child->children == nullptr ? InlineSpan::Kind::standalone : InlineSpan::Kind::start,
                      chars(child->name), {}};
      for (const xmlAttr* attribute = child->properties; attribute != nullptr; attribute = attribute->next) {
        xml::XmlCharPtr value(xmlNodeListGetString(child->doc, attribute->children, 1));
        open.attributes.emplace_back(chars(attribute->name), chars(value.get()));
      }
      const bool hasContent = open.kind == InlineSpan::Kind::start;
      spans.push_back(std::move(open));
      if (hasContent) {
        readChildren(child, spans);
        spans.push_back({InlineSpan::Kind::end, chars(child->name), {}});
      }
    }
  }
}

}  // namespace

std::string InlineSpan::markup() const {
  switch (kind) {
    case Kind::text: return xml::escapedMarkup(text, false);
    case Kind::end: return "</" + text + ">";
    case Kind::start:
    case Kind::standalone: {
      std::string tag = "<" + text;
      for (const auto& [name, value] : attributes) tag += " " + name + "=\"" + xml::escapedMarkup(value, true) + "\"";
      return tag + (kind == Kind::standalone ? "/>" : ">");
    }
  }
  return {};
}

std::string BilingualText::plainText() const {
  std::string text;
  for (const auto& span : spans) {
    if (span.kind == InlineSpan::Kind::text) text += span.text;
  }
  return text;
}

std::string BilingualText::markedText() const {
  std::string text;
  for (const auto& span : spans) text += span.markup();
  return text;
}

bool BilingualText::empty() const {
  if (!present) return true;
  for (const auto& span : spans) {
    if (span.kind != InlineSpan::Kind::text) return false;
    if (!collapseSpaces(span.text).empty()) return false;
  }
  return true;
}

BilingualText readBilingualText(const xmlNode* languageElement) {
  BilingualText text;
  if (languageElement == nullptr) return text;
  text.present = true;
  readChildren(languageElement, text.spans);
  return text;
}

void writeBilingualText(xmlNode* languageElement, const BilingualText& text) {
  while (languageElement->children != nullptr) {
    xmlNode* child = languageElement->children;
    xmlUnlinkNode(child);
    xmlFreeNode(child);
  }
  std::vector<xmlNode*> open{languageElement};
  for (const auto& span : text.spans) {
    xmlNode* parent = open.back();
    switch (span.kind) {
      case InlineSpan::Kind::text:
        xmlAddChild(parent, xmlNewDocText(languageElement->doc, xmlChars(span.text)));
        break;
      case InlineSpan::Kind::start:
      case InlineSpan::Kind::standalone: {
        xmlNode* element = xmlNewDocNode(languageElement->doc, languageElement->ns, xmlChars(span.text), nullptr);
        if (element == nullptr) throw std::bad_alloc();
        for (const auto& [name, value] : span.attributes) xmlNewProp(element, xmlChars(name), xmlChars(value));
        xmlAddChild(parent, element);
        if (span.kind == InlineSpan::Kind::start) open.push_back(element);
        break;
      }
      case InlineSpan::Kind::end:
        if (open.size() < 2 || !xmlStrEqual(open.back()->name, xmlChars(span.text))) {
          throw std::invalid_argument("inline element </" + span.text + "> closes nothing");
        }
        open.pop_back();
        break;
    }
  }
  if (open.size() != 1) throw std::invalid_argument("an inline element is not closed");
}

std::string collapseSpaces(const std::string& text) {
  std::string result;
  bool pendingSpace = false;
  for (std::size_t index = 0; index < text.size();) {
    const auto byte = static_cast<unsigned char>(text[index]);
    std::size_t spaceLength = 0;
    if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r') spaceLength = 1;
    else if (text.compare(index, 2, "\u00A0") == 0) spaceLength = 2;
    else if (text.compare(index, 3, "\u202F") == 0 || text.compare(index, 3, "\u2009") == 0) spaceLength = 3;
    if (spaceLength > 0) {
      pendingSpace = !result.empty();
      index += spaceLength;
      continue;
    }
    if (pendingSpace) result += ' ';
    pendingSpace = false;
    result += text[index++];
  }
  return result;
}

}  // namespace paraph::review
