// Checks the signature of a PDF the archive step signed, as `paraph verify` reports it: is
// the CMS intact over its ByteRange, who signed and when (/M), and does the signed range
// cover the whole file (nothing appended after signing).
#pragma once

#include <string>
#include <vector>

namespace paraph::print {

struct SignatureCheck {
  std::string fieldName;
  std::string subFilter;         // ETSI.CAdES.detached
  std::string signer;            // the signing certificate's common name
  std::string signingTime;       // /M, "2026-12-02 13:03:27 UTC"
  bool intact = false;           // the CMS verifies over the ByteRange (digest and signature)
  bool coversWholeFile = false;  // ByteRange = the whole file but the /Contents hex string
  bool chainTrusted = false;     // only checked against trustFile
  std::string problem;           // why not intact, when it is not
};

struct PdfVerification {
  bool readable = false;         // qpdf could read the file
  std::string problem;           // why not
  std::vector<SignatureCheck> signatures;
  std::string sha256;            // of the whole file (lower-case hex)

  // Valid: readable, at least one signature, every one intact, the last covering the file.
  bool valid() const;
};

// trustFile: PEM certificates to build the signer's chain to; empty = chain not checked.
PdfVerification verifyPdf(const std::string& pdf, const std::string& trustFile = {});


}  // namespace paraph::print
