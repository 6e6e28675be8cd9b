// PDF/A-3u and PDF/UA-1 identification of the PDF an engine printed, edited in place with
// qpdf (never re-rendered, so Chromium's structure tree, MarkInfo, fonts and outline are kept
// as they are): XMP metadata matching the Info dictionary, an sRGB OutputIntent, the source
// XML as an associated file, forbidden actions removed, and on request an empty signature
// field whose appearance shows the visible mention (PdfSignature fills it in).
#pragma once

#include <string>
#include <vector>

namespace paraph::print {

struct PdfArchiveInput {
  std::string title;                   // dc:title and Info /Title
  std::vector<std::string> languages;  // BCP 47 ("fr-BE"); two for the side-by-side edition
  std::string sourceXml;               // attached byte for byte
  std::string sourceFileName;          // its name in the PDF (e.g. "RP-2026-00298.xml")
  std::string modificationDate;        // PDF date "D:YYYYMMDDHHmmSS+00'00'" of the archive step
};

// The signature field to prepare: its name and the visible mention, one line per language.
struct SignatureFieldRequest {
  std::string fieldName = "paraph-seal";
  std::vector<std::string> mentionLines;
};

// What the archive step claims in the XMP: PDF/A-3, conformance U, PDF/UA-1.
inline constexpr int kPdfAPart = 3;
inline constexpr const char* kPdfAConformance = "U";
inline constexpr int kPdfUAPart = 1;

// Returns the PDF/A-3u file. iccProfile holds the bytes of an RGB ICC profile. When field is
// given, the last page carries an unsigned signature field (widget annotation, tagged as a
// Form element) showing the mention in a font the page already embeds; when no embedded
// font covers the mention's characters the field stays invisible (zero-size rectangle).
// Throws std::runtime_error when the input is not a PDF qpdf can read, or is encrypted.
std::string makePdfA(const std::string& pdf, const PdfArchiveInput& input, const std::string& iccProfile,
                     const SignatureFieldRequest* field);

}  // namespace paraph::print
