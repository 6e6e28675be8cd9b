// The visible mention of a signature, drawn with a font the page already embeds. PDF/A wants
// every font embedded, including those of annotation appearances; Chromium embeds subsets of
// the page's fonts (CID TrueType, Identity-H, with a ToUnicode map), so the mention is written
// with glyphs of those subsets, found through their ToUnicode maps: no font file is added
// and the mention extracts as text.
#pragma once

#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4
#endif

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <optional>
#include <string>
#include <vector>

namespace paraph::print {

struct SignatureAppearance {
  QPDFObjectHandle formXObject;  // the /AP /N stream, indirect
  double width = 0;              // of the bounding box, in points
  double height = 0;
};

// The appearance showing `lines` (UTF-8) at `fontSize`, or nothing when no font of `page`
// has a glyph for every character of the mention.
std::optional<SignatureAppearance> makeSignatureAppearance(QPDF& document, QPDFObjectHandle page,
                                                           const std::vector<std::string>& lines, double fontSize);

}  // namespace paraph::print
