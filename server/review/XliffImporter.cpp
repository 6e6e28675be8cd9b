#include "review/XliffImporter.h"

#include <algorithm>
#include <map>
#include <set>

#include "review/InlineCodes.h"
#include "review/InputDocument.h"
#include "review/SegmentExtractor.h"
#include "review/Xliff.h"
#include "xml/XPath.h"
#include "xml/TreeBuilding.h"

namespace paraph::review {
namespace {

const char* chars(const xmlChar* text) { return text == nullptr ? "" : reinterpret_cast<const char*>(text); }

bool isXliff(const xmlNode* node, const char* name = nullptr) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         xmlStrEqual(node->ns->href, BAD_CAST kXliffNamespace) &&
         (name == nullptr || xmlStrEqual(node->name, BAD_CAST name));
}

std::vector<xmlNode*> xliffChildren(const xmlNode* parent, const char* name) {
  std::vector<xmlNode*> children;
  for (xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (isXliff(child, name)) children.push_back(child);
  }
  return children;
}

void collectUnits(xmlNode* parent, std::vector<xmlNode*>& units) {
  for (xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (isXliff(child, "unit")) units.push_back(child);
    else if (isXliff(child, "group")) collectUnits(child, units);
  }
}

std::optional<l10n::Lang> languageTag(std::string tag) {
  std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (tag == "fr" || tag == "fr-be") return l10n::Lang::fr;
  if (tag == "nl" || tag == "nl-be") return l10n::Lang::nl;
  return std::nullopt;
}

class Placer {
 public:
  Placer(const xml::ParsedDocument& parsed, std::string fileName) : parsed_(parsed), fileName_(std::move(fileName)) {}

  xml::Diagnostic at(const xmlNode* node, std::string message) const {
    return xml::Diagnostic{fileName_, static_cast<int>(xmlGetLineNo(node)), parsed_.columnOf(node), xml::nodePath(node),
                           std::move(message), "xliff", {}, {}};
  }
  [[noreturn]] void refuse(const xmlNode* node, std::string message) const {
    throw xml::InvalidInput({at(node, std::move(message))});
  }
  SkippedUnit skipped(const xmlNode* unit, const std::string& id, std::string reason) const {
    return SkippedUnit{id, std::move(reason), static_cast<int>(xmlGetLineNo(unit)), parsed_.columnOf(unit)};
  }

 private:
  const xml::ParsedDocument& parsed_;
  std::string fileName_;
};

// XLIFF content (a <source> or <target>) back to paraph's spans, resolving inline codes by
// id against the segment's own codes.
class ContentReader {
 public:
  ContentReader(const Placer& placer, const InlineCodes& codes, std::vector<xml::Diagnostic>& errors)
      : placer_(placer), codes_(codes), errors_(errors) {}

  void read(const xmlNode* parent, std::vector<InlineSpan>& spans) {
    for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        appendText(spans, chars(child->content));
      } else if (child->type != XML_ELEMENT_NODE) {
        continue;
      } else if (isXliff(child, "ph") || isXliff(child, "pc")) {
        const bool paired = isXliff(child, "pc");
        const std::string id = xml::attribute(child, "id");
        const auto* code = codes_.find(id);
        if (code == nullptr || code->paired != paired) {
          errors_.push_back(placer_.at(child, "inline code <" + std::string(chars(child->name)) + " id=\"" + id +
                                                  "\"> is not one of this segment's codes"));
          continue;
        }
        spans.push_back(code->start);
        if (paired) {
          read(child, spans);
          spans.push_back(code->end);
        }
      } else if (isXliff(child, "mrk")) {
        read(child, spans);  // an annotation (term, comment) around translated text
      } else if (isXliff(child, "sm") || isXliff(child, "em")) {
        continue;  // the ends of an annotation
      } else if (isXliff(child, "sc") || isXliff(child, "ec")) {
        errors_.push_back(placer_.at(child, "spanning code <" + std::string(chars(child->name)) +
                                                "> is not supported: keep paired codes as <pc>"));
      } else {
        errors_.push_back(placer_.at(child, "unexpected element <" + std::string(chars(child->name)) +
                                                "> in translatable content"));
      }
    }
  }

 private:
  static void appendText(std::vector<InlineSpan>& spans, const std::string& text) {
    if (!spans.empty() && spans.back().kind == InlineSpan::Kind::text) spans.back().text += text;
    else spans.push_back({InlineSpan::Kind::text, text, {}});
  }

  const Placer& placer_;
  const InlineCodes& codes_;
  std::vector<xml::Diagnostic>& errors_;
};

struct UnitContent {
  BilingualText source;
  BilingualText target;
  bool anyTarget = false;
  bool everyTarget = true;
};

UnitContent readUnit(xmlNode* unit, const InlineCodes& codes, const Placer& placer, l10n::Lang targetLanguage,
                     std::vector<xml::Diagnostic>& errors) {
  UnitContent content;
  content.source.present = true;
  content.target.present = true;
  ContentReader reader(placer, codes, errors);
  for (xmlNode* part = unit->children; part != nullptr; part = part->next) {
    const bool isSegment = isXliff(part, "segment");
    if (!isSegment && !isXliff(part, "ignorable")) continue;
    const auto sources = xliffChildren(part, "source");
    const auto targets = xliffChildren(part, "target");
    if (sources.size() != 1 || targets.size() > 1) {
      errors.push_back(placer.at(part, "a <" + std::string(chars(part->name)) + "> needs one <source> and at most one <target>"));
      continue;
    }
    reader.read(sources.front(), content.source.spans);
    if (targets.empty()) {
      if (isSegment) content.everyTarget = false;
      else reader.read(sources.front(), content.target.spans);  // white space between segments
      continue;
    }
    xml::XmlCharPtr lang(xmlGetNsProp(targets.front(), BAD_CAST "lang", XML_XML_NAMESPACE));
    if (lang && languageTag(chars(lang.get())) != targetLanguage) {
      errors.push_back(placer.at(targets.front(), "the target's xml:lang \"" + std::string(chars(lang.get())) +
                                                      "\" is not the file's target language"));
    }
    content.anyTarget = true;
    reader.read(targets.front(), content.target.spans);
  }
  return content;
}

}  // namespace

XliffImporter::XliffImporter(xml::ParseLimits limits) : limits_(limits) {}

XliffImportReport XliffImporter::importFile(std::string_view xliff, const std::string& fileName,
                                            const XliffImportRequest& request) const {
  const auto parsed = xml::parseUntrusted(xliff, fileName, limits_);
  const Placer placer(parsed, fileName);
  xmlNode* root = xmlDocGetRootElement(parsed.document.get());
  if (!isXliff(root, "xliff")) {
    placer.refuse(root, std::string("not an XLIFF 2 file: the root must be <xliff> in namespace ") + kXliffNamespace);
  }
  const std::string version = xml::attribute(root, "version");
  if (version != "2.0" && version != "2.1") {
    placer.refuse(root, "XLIFF version \"" + version + "\" is not supported: paraph reads XLIFF 2.0 and 2.1");
  }

  auto current = xml::parseUntrusted(request.currentInput, request.currentInputName, limits_);
  SegmentedDocument currentHeader;
  auto located = SegmentExtractor::locate(current.document.get(), &currentHeader);

  XliffImportReport report;
  report.targetLanguage = l10n::other(currentHeader.sourceLanguage);
  const auto sourceLanguage = languageTag(xml::attribute(root, "srcLang"));
  const auto targetLanguage = languageTag(xml::attribute(root, "trgLang"));
  if (sourceLanguage != currentHeader.sourceLanguage || targetLanguage != report.targetLanguage) {
    placer.refuse(root, "the file translates " + xml::attribute(root, "srcLang") + " into " +
                            xml::attribute(root, "trgLang") + "; this document is written in " +
                            std::string(l10n::bcp47(currentHeader.sourceLanguage)) + " and translated into " +
                            std::string(l10n::bcp47(report.targetLanguage)));
  }

  const auto files = xliffChildren(root, "file");
  if (files.size() != 1) placer.refuse(root, "a paraph XLIFF file has exactly one <file>");
  xmlNode* file = files.front();
  const std::string original = xml::attribute(file, "original");
  const auto origin = parseXliffOriginal(original);
  if (!origin) placer.refuse(file, "<file original=\"" + original + "\"> was not written by paraph (paraph:{document}/v{n})");
  if (origin->documentId != request.documentId) {
    placer.refuse(file, "the file belongs to document " + origin->documentId + ", not " + request.documentId);
  }
  if (origin->version > request.currentVersion) {
    placer.refuse(file, "the file is for version " + std::to_string(origin->version) + "; the document's latest is " +
                            std::to_string(request.currentVersion));
  }
  report.fileVersion = origin->version;
  std::optional<SegmentedDocument> fileVersionSegments;
  if (origin->version != request.currentVersion) {
    if (request.segmentsOfVersion) fileVersionSegments = request.segmentsOfVersion(origin->version);
    if (!fileVersionSegments) {
      placer.refuse(file, "version " + std::to_string(origin->version) + " of document " + request.documentId + " is unknown");
    }
  }

  std::map<std::string, SegmentExtractor::Located*> byId;
  for (auto& entry : located) byId.emplace(entry.segment.id, &entry);
  std::vector<xmlNode*> units;
  collectUnits(file, units);
  std::set<std::string> seen;
  std::vector<std::pair<SegmentExtractor::Located*, BilingualText>> translations;
  const std::string since = "since version " + std::to_string(origin->version);
  for (xmlNode* unit : units) {
    const std::string id = xml::attribute(unit, "id");
    if (!seen.insert(id).second) {
      report.errors.push_back(placer.at(unit, "unit " + id + " appears twice"));
      continue;
    }
    const auto found = byId.find(id);
    if (found == byId.end()) {
      if (fileVersionSegments && fileVersionSegments->find(id) != nullptr) {
        report.skipped.push_back(placer.skipped(unit, id, "its source text changed " + since));
      } else {
        report.errors.push_back(placer.at(unit, "unit " + id + " is not a segment of document " + request.documentId +
                                                    " version " + std::to_string(origin->version)));
      }
      continue;
    }
    const Segment& segment = found->second->segment;
    const InlineCodes codes(segment.source(), segment.target().empty() ? nullptr : &segment.target());
    const std::size_t errorsBefore = report.errors.size();
    auto content = readUnit(unit, codes, placer, report.targetLanguage, report.errors);
    if (report.errors.size() != errorsBefore) continue;
    if (collapseSpaces(content.source.markedText()) != collapseSpaces(segment.source().markedText())) {
      report.skipped.push_back(placer.skipped(unit, id, "its source text differs from this version's: changed " + since));
      continue;
    }
    if (!content.anyTarget || content.target.empty()) {
      report.skipped.push_back(placer.skipped(unit, id, "the file has no translation for it"));
      continue;
    }
    if (!content.everyTarget) {
      report.skipped.push_back(placer.skipped(unit, id, "only part of it is translated"));
      continue;
    }
    translations.emplace_back(found->second, std::move(content.target));
  }
  if (!report.errors.empty() || translations.empty()) return report;

  for (auto& [entry, text] : translations) {
    writeBilingualText(ensureLanguageElement(entry->field, report.targetLanguage), text);
    report.imported.push_back(entry->segment.id);
  }
  report.newInput = xml::serializedDocument(current.document.get());
  return report;
}

}  // namespace paraph::review
