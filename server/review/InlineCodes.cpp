#include "review/InlineCodes.h"

#include <new>
#include <stdexcept>
#include <set>

#include "xml/TreeBuilding.h"

namespace paraph::review {
namespace {

using xml::newElement;
using xml::xmlChars;

// The end span that closes the start span at `startIndex`.
InlineSpan closingOf(const std::vector<InlineSpan>& spans, std::size_t startIndex) {
  int depth = 0;
  for (std::size_t index = startIndex; index < spans.size(); ++index) {
    if (spans[index].kind == InlineSpan::Kind::start) ++depth;
    if (spans[index].kind == InlineSpan::Kind::end && --depth == 0) return spans[index];
  }
  return {InlineSpan::Kind::end, spans[startIndex].text, {}};
}

}  // namespace

InlineCodes::InlineCodes(const BilingualText& source, const BilingualText* target) {
  const auto dataIdOf = [&](const std::string& markup) {
    auto [found, inserted] = dataIds_.emplace(markup, "");
    if (inserted) found->second = "d" + std::to_string(dataIds_.size());
    return found->second;
  };
  const auto addCode = [&](const std::vector<InlineSpan>& spans, std::size_t index) {
    Code code;
    code.id = std::to_string(codes_.size() + 1);
    code.paired = spans[index].kind == InlineSpan::Kind::start;
    code.start = spans[index];
    code.dataRef = dataIdOf(code.start.markup());
    if (code.paired) {
      code.end = closingOf(spans, index);
      code.dataRefEnd = dataIdOf(code.end.markup());
    }
    codes_.push_back(code);
    return code.id;
  };
  for (std::size_t index = 0; index < source.spans.size(); ++index) {
    const auto kind = source.spans[index].kind;
    if (kind == InlineSpan::Kind::start || kind == InlineSpan::Kind::standalone) {
      sourceIds_.push_back(addCode(source.spans, index));
    }
  }
  if (target == nullptr) return;
  std::set<std::string> used;
  const std::size_t sourceCodes = codes_.size();
  for (std::size_t index = 0; index < target->spans.size(); ++index) {
    const auto& span = target->spans[index];
    if (span.kind != InlineSpan::Kind::start && span.kind != InlineSpan::Kind::standalone) continue;
    std::string id;
    for (std::size_t code = 0; code < sourceCodes && id.empty(); ++code) {
      if (codes_[code].start == span && !used.contains(codes_[code].id)) id = codes_[code].id;
    }
    if (id.empty()) id = addCode(target->spans, index);
    used.insert(id);
    targetIds_.push_back(id);
  }
}

const InlineCodes::Code* InlineCodes::find(const std::string& id) const {
  for (const auto& code : codes_) {
    if (code.id == id) return &code;
  }
  return nullptr;
}

void InlineCodes::write(xmlNode* parent, xmlNs* xliff, const BilingualText& text, bool isSource) const {
  const auto& ids = isSource ? sourceIds_ : targetIds_;
  std::size_t next = 0;
  std::vector<xmlNode*> open{parent};
  for (const auto& span : text.spans) {
    switch (span.kind) {
      case InlineSpan::Kind::text:
        xmlAddChild(open.back(), xmlNewDocText(parent->doc, xmlChars(span.text)));
        break;
      case InlineSpan::Kind::start:
      case InlineSpan::Kind::standalone: {
        const Code* code = next < ids.size() ? find(ids[next++]) : nullptr;
        if (code == nullptr) throw std::logic_error("inline codes out of step with the text");
        xmlNode* element = newElement(open.back(), xliff, code->paired ? "pc" : "ph");
        xmlNewProp(element, BAD_CAST "id", xmlChars(code->id));
        if (code->paired) {
          xmlNewProp(element, BAD_CAST "dataRefStart", xmlChars(code->dataRef));
          xmlNewProp(element, BAD_CAST "dataRefEnd", xmlChars(code->dataRefEnd));
          open.push_back(element);
        } else {
          xmlNewProp(element, BAD_CAST "dataRef", xmlChars(code->dataRef));
        }
        break;
      }
      case InlineSpan::Kind::end:
        if (open.size() > 1) open.pop_back();
        break;
    }
  }
}

void InlineCodes::writeOriginalData(xmlNode* unit, xmlNs* xliff) const {
  xmlNode* originalData = newElement(unit, xliff, "originalData");
  std::map<std::string, std::string> byId;
  for (const auto& [markup, id] : dataIds_) byId.emplace(id, markup);
  for (std::size_t number = 1; number <= byId.size(); ++number) {
    const std::string id = "d" + std::to_string(number);
    xmlNode* data = newElement(originalData, xliff, "data");
    xmlNewProp(data, BAD_CAST "id", xmlChars(id));
    xmlAddChild(data, xmlNewDocText(unit->doc, xmlChars(byId.at(id))));
  }
}

}  // namespace paraph::review
