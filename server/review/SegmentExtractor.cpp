#include "review/SegmentExtractor.h"

#include <cstdint>
#include <cstdio>
#include <map>

#include "xml/Fnv1a.h"
#include "xml/XPath.h"

namespace paraph::review {
namespace {

const char* chars(const xmlChar* text) { return text == nullptr ? "" : reinterpret_cast<const char*>(text); }

bool isLanguageElement(const xmlNode* node) {
  return node->type == XML_ELEMENT_NODE && (xmlStrEqual(node->name, BAD_CAST "fr") || xmlStrEqual(node->name, BAD_CAST "nl"));
}

bool isBilingualField(const xmlNode* node) {
  bool hasLanguage = false;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (!isLanguageElement(child)) return false;
    hasLanguage = true;
  }
  return hasLanguage;
}

std::string fingerprintOf(const std::string& normalisedSource) {
  const std::uint64_t hash = xml::fnv1a64(normalisedSource);
  const auto folded = static_cast<std::uint32_t>((hash >> 32) ^ (hash & 0xffffffffULL));
  char digits[9];
  std::snprintf(digits, sizeof digits, "%08x", folded);
  return digits;
}

bool isNmtoken(const std::string& text) {
  if (text.empty() || text.size() > 128) return false;
  for (const char character : text) {
    const bool allowed = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
                         (character >= '0' && character <= '9') || character == '.' || character == '-' ||
                         character == '_' || character == ':';
    if (!allowed) return false;
  }
  return true;
}

std::string explicitIdOf(const xmlNode* field) {
  for (const char* name : {"eId", "id"}) {
    const std::string value = xml::attribute(field, name);
    if (isNmtoken(value)) return value;
  }
  xml::XmlCharPtr xmlId(xmlGetNsProp(field, BAD_CAST "id", XML_XML_NAMESPACE));
  const std::string value = chars(xmlId.get());
  return isNmtoken(value) ? value : std::string();
}

// The field's path below the root, without positions: "motivation/grounds/p".
std::string fieldOf(const xmlNode* field) {
  std::string path;
  for (const xmlNode* node = field; node != nullptr && node->parent != nullptr && node->parent->type == XML_ELEMENT_NODE;
       node = node->parent) {
    path = std::string(chars(node->name)) + (path.empty() ? "" : "/" + path);
  }
  return path;
}

std::string headingOf(const xmlNode* element, l10n::Lang source) {
  for (const xmlNode* child = element->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (!xmlStrEqual(child->name, BAD_CAST "title") && !xmlStrEqual(child->name, BAD_CAST "heading")) continue;
    if (!isBilingualField(child)) continue;
    const auto text = collapseSpaces(
        readBilingualText(SegmentExtractor::languageElement(child, source)).plainText());
    if (!text.empty()) return text;
  }
  return {};
}

std::string locationOf(const xmlNode* field, l10n::Lang source) {
  for (const xmlNode* node = field->parent; node != nullptr && node->type == XML_ELEMENT_NODE; node = node->parent) {
    if (node->parent == nullptr || node->parent->type != XML_ELEMENT_NODE) break;  // the root
    std::string id = xml::attribute(node, "id");
    if (id.empty()) id = xml::attribute(node, "number");
    if (id.empty()) continue;
    std::string location = std::string(chars(node->name)) + " " + id;
    const std::string heading = headingOf(node, source);
    if (!heading.empty()) location += " \u00AB\u00A0" + heading + "\u00A0\u00BB";
    return location;
  }
  return {};
}

void collectFields(xmlNode* node, std::vector<xmlNode*>& fields) {
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (isBilingualField(child)) {
      fields.push_back(child);
    } else {
      collectFields(child, fields);
    }
  }
}

}  // namespace

xmlNode* SegmentExtractor::languageElement(const xmlNode* field, l10n::Lang lang) {
  const auto name = l10n::code(lang);
  for (xmlNode* child = field->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && std::string_view(chars(child->name)) == name) return child;
  }
  return nullptr;
}

std::vector<SegmentExtractor::Located> SegmentExtractor::locate(xmlDoc* document, SegmentedDocument* header) {
  std::vector<Located> located;
  xmlNode* root = xmlDocGetRootElement(document);
  if (root == nullptr) return located;
  const auto source = l10n::parseLang(xml::attribute(root, "source-language")).value_or(l10n::Lang::fr);
  if (header != nullptr) {
    header->documentType = chars(root->name);
    header->documentId = xml::attribute(root, "id");
    header->sourceLanguage = source;
  }
  std::vector<xmlNode*> fields;
  collectFields(root, fields);
  std::map<std::string, int> occurrences;  // FIELD-HASH -> how many so far
  for (xmlNode* field : fields) {
    Segment segment;
    segment.sourceLanguage = source;
    for (const auto lang : l10n::kAllLangs) {
      segment.texts[lang == l10n::Lang::fr ? 0 : 1] = readBilingualText(languageElement(field, lang));
    }
    segment.path = xml::nodePath(field);
    segment.context.documentType = chars(root->name);
    segment.context.field = fieldOf(field);
    segment.context.location = locationOf(field, source);
    segment.fingerprint = fingerprintOf(collapseSpaces(segment.source().markedText()));
    segment.id = explicitIdOf(field);
    if (segment.id.empty()) {
      std::string fieldKey = segment.context.field;
      for (char& character : fieldKey) {
        if (character == '/') character = '.';
      }
      const std::string base = fieldKey + "-" + segment.fingerprint;
      const int occurrence = ++occurrences[base];
      segment.id = occurrence == 1 ? base : base + "-" + std::to_string(occurrence);
    }
    located.push_back({std::move(segment), field});
  }
  return located;
}

SegmentedDocument SegmentExtractor::extract(const xmlDoc* document) {
  SegmentedDocument segmented;
  // locate() only reads; it takes a mutable tree because its result is used to write.
  for (auto& located : locate(const_cast<xmlDoc*>(document), &segmented)) {
    segmented.segments.push_back(std::move(located.segment));
  }
  return segmented;
}

std::size_t SegmentExtractor::count(const xmlDoc* document) {
  xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(document));
  if (root == nullptr) return 0;
  std::vector<xmlNode*> fields;
  collectFields(root, fields);
  return fields.size();
}

SegmentedDocument SegmentExtractor::extract(const xml::ParsedDocument& parsed) { return extract(parsed.document.get()); }

}  // namespace paraph::review
