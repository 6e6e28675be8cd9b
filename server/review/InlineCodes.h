#pragma once

#include <map>
#include <string>
#include <vector>

#include "review/InlineText.h"
#include "xml/XmlPtr.h"

namespace paraph::review {

// The XLIFF 2 inline codes of one unit (docs/translation.md, "Inline markup"):
//  - an inline element with content (<em>…</em>) becomes <pc id="N" dataRefStart="dA"
//    dataRefEnd="dB">…</pc>, its content translated inside;
//  - an empty inline element (<ref article="art-7"/>, <figure name="rate"/>) becomes
//    <ph id="N" dataRef="dA"/>;
//  - <originalData> holds each distinct start tag, end tag or empty element once, as <data>,
//    so that a tool can show it; ids N count the source's inline elements from 1; a target
//    element equal to a source one takes its id, another gets the next free id.
// On import a code is resolved by its id against the segment's own codes, never by the
// file's <originalData>: markup cannot be injected through a translation file, and a tool
// that rewrites or drops originalData does no harm.
class InlineCodes {
 public:
  struct Code {
    std::string id;
    bool paired = false;  // pc (start and end) or ph
    InlineSpan start;     // the start tag, or the empty element
    InlineSpan end;       // paired only
    std::string dataRef;
    std::string dataRefEnd;
  };

  InlineCodes(const BilingualText& source, const BilingualText* target);

  const std::vector<Code>& codes() const { return codes_; }
  const Code* find(const std::string& id) const;
  bool empty() const { return codes_.empty(); }

  // Writes `text` as XLIFF content under `parent` (a <source> or <target>): characters,
  // <pc> and <ph>, in the namespace `xliff`. `isSource` picks the id sequence.
  void write(xmlNode* parent, xmlNs* xliff, const BilingualText& text, bool isSource) const;
  // <originalData> under `unit` (call only when !empty()).
  void writeOriginalData(xmlNode* unit, xmlNs* xliff) const;

 private:
  std::vector<Code> codes_;
  std::map<std::string, std::string> dataIds_;  // markup -> data id
  std::vector<std::string> sourceIds_;          // code id of each inline element, in order
  std::vector<std::string> targetIds_;
};

}  // namespace paraph::review
