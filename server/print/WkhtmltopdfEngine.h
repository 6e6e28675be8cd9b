// The alternative engine: Debian's wkhtmltopdf program (0.12.6 on unpatched Qt 5), one
// process per document, HTML on stdin and PDF on stdout, killed at print.timeout_ms.
//
// What this build cannot do, so documents printed with it lack:
//  - CSS paged media: no @page margin boxes, hence no page numbers or running footers;
//    @page size and margins are ignored (A4 and 25 mm / 20 mm margins come from flags);
//  - header/footer, outline and table of contents options ("unpatched qt");
//  - tagged PDF (no structure tree: not accessible to screen readers), no /Lang of its own
//    (applyPdfMetadata adds it), --print-media-type (screen CSS is used);
//  - the document title (applyPdfMetadata sets it);
//  - A4 comes out as 595 x 842 pt (Qt rounds to whole points);
//  - a <meta http-equiv="refresh"> is followed even with JavaScript off: the (refused)
//    request leaves Qt's error page instead of the document. Nothing is fetched.
// Isolation: --disable-local-file-access (with --allow stylesDir when configured),
// JavaScript off, and an HTTP proxy that refuses every connection (ClosedLoopbackPort),
// since Qt would otherwise fetch http:// resources, loopback included.
// wkhtmltopdf exits with 1 when a resource failed to load even with the "ignore" settings;
// a blocked resource is expected here, so a complete PDF with only network errors counts
// as success.
#pragma once

#include <memory>

#include "print/PrintEngine.h"

namespace paraph::print {

class ClosedLoopbackPort;

class WkhtmltopdfEngine final : public PrintEngine {
 public:
  // Throws PrintError(EngineUnavailable) when the program is missing.
  explicit WkhtmltopdfEngine(const EngineConfig& config);
  ~WkhtmltopdfEngine() override;

  std::string name() const override { return "wkhtmltopdf"; }
  std::string print(const std::string& html, const PrintSettings& settings) override;
  bool ready() const override;

 private:
  std::vector<std::string> argumentsFor(const PrintSettings& settings) const;

  const EngineConfig config_;
  std::unique_ptr<ClosedLoopbackPort> deadProxy_;
};

}  // namespace paraph::print
