#include "review/XliffExporter.h"

#include <algorithm>
#include <new>
#include <stdexcept>

#include "review/InlineCodes.h"
#include "review/InputDocument.h"
#include "review/Xliff.h"

#include "xml/TreeBuilding.h"

namespace paraph::review {
namespace {

using xml::newElement;
using xml::xmlChars;

void addNote(xmlNode* notes, xmlNs* ns, const char* category, const std::string& text) {
  xmlNode* note = newElement(notes, ns, "note");
  xmlNewProp(note, BAD_CAST "category", BAD_CAST category);
  xmlAddChild(note, xmlNewDocText(notes->doc, xmlChars(text)));
}

bool listed(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

XliffExporter::XliffExporter(const pipeline::TextCatalog& texts) : texts_(texts), terms_(texts) {}

std::string XliffExporter::termsNote(const Segment& segment) const {
  const auto source = pipeline::indexOf(segment.sourceLanguage);
  const auto target = pipeline::indexOf(segment.targetLanguage());
  std::string note;
  for (const auto& key : terms_.termsIn(segment.source().plainText(), segment.sourceLanguage)) {
    const auto* term = texts_.term(key);
    if (term == nullptr) continue;
    note += note.empty() ? "terms: " : "; ";
    note += term->full[source] + " = " + term->full[target];
    if (!term->abbreviation[source].empty() && !term->abbreviation[target].empty()) {
      note += " (" + term->abbreviation[source] + " = " + term->abbreviation[target] + ")";
    }
  }
  return note;
}

std::string XliffExporter::exportFile(const SegmentedDocument& document, int version, l10n::Lang target,
                                      const TranslationStatus& status, bool all) const {
  if (target == document.sourceLanguage) {
    throw std::invalid_argument("the target language " + std::string(l10n::code(target)) +
                                " is the document's source language");
  }
  xml::DocPtr xliff(xmlNewDoc(BAD_CAST "1.0"));
  if (!xliff) throw std::bad_alloc();
  xmlNode* root = xmlNewDocNode(xliff.get(), nullptr, BAD_CAST "xliff", nullptr);
  if (root == nullptr) throw std::bad_alloc();
  xmlDocSetRootElement(xliff.get(), root);
  xmlNs* ns = xmlNewNs(root, BAD_CAST kXliffNamespace, nullptr);
  xmlSetNs(root, ns);
  xmlNewProp(root, BAD_CAST "version", BAD_CAST kXliffVersion);
  xmlNewProp(root, BAD_CAST "srcLang", xmlChars(std::string(l10n::bcp47(document.sourceLanguage))));
  xmlNewProp(root, BAD_CAST "trgLang", xmlChars(std::string(l10n::bcp47(target))));

  xmlNode* file = newElement(root, ns, "file");
  xmlNewProp(file, BAD_CAST "id", BAD_CAST "f1");
  xmlNewProp(file, BAD_CAST "original", xmlChars(xliffOriginal(document.documentId, version)));
  // A segment is one field: a tool must not split or merge it, and its spaces are the text's.
  xmlNewProp(file, BAD_CAST "canResegment", BAD_CAST "no");
  xmlNodeSetSpacePreserve(file, 1);
  xmlNode* fileNotes = newElement(file, ns, "notes");
  addNote(fileNotes, ns, "document-type", document.documentType);

  const auto needed = status.needingTranslation(document);
  for (const auto& segment : document.segments) {
    if (!all && !listed(needed, segment.id)) continue;
    const bool outdated = listed(status.outdatedTarget, segment.id);
    const bool translated = !segment.target().empty() && !outdated;
    // One unit a line: readable in an editor, and an import error's line points at its unit.
    xmlAddChild(file, xmlNewDocText(xliff.get(), BAD_CAST "\n"));
    xmlNode* unit = newElement(file, ns, "unit");
    xmlNewProp(unit, BAD_CAST "id", xmlChars(segment.id));
    xmlNewProp(unit, BAD_CAST "name", xmlChars(segment.path));

    xmlNode* notes = newElement(unit, ns, "notes");
    addNote(notes, ns, "document-type", segment.context.documentType);
    std::string location = "field: " + segment.context.field + " (" + segment.path + ")";
    if (!segment.context.location.empty()) location += "; " + segment.context.location;
    addNote(notes, ns, "location", location);
    if (const auto terms = termsNote(segment); !terms.empty()) addNote(notes, ns, "terminology", terms);
    if (outdated) {
      addNote(notes, ns, "previous-translation",
              "translation of an earlier source text, to update: " + segment.target().plainText());
    }

    const InlineCodes codes(segment.source(), translated ? &segment.target() : nullptr);
    if (!codes.empty()) codes.writeOriginalData(unit, ns);
    xmlNode* xliffSegment = newElement(unit, ns, "segment");
    xmlNewProp(xliffSegment, BAD_CAST "state", BAD_CAST(translated ? "translated" : "initial"));
    codes.write(newElement(xliffSegment, ns, "source"), ns, segment.source(), true);
    if (translated) codes.write(newElement(xliffSegment, ns, "target"), ns, segment.target(), false);
  }
  xmlAddChild(file, xmlNewDocText(xliff.get(), BAD_CAST "\n"));
  return xml::serializedDocument(xliff.get());
}

}  // namespace paraph::review
