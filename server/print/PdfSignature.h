// A PAdES baseline B-B signature (ETSI EN 319 142-1) under the institution's seal, applied by
// an incremental update: the signed file is the PDF/A file byte for byte followed by a new
// revision holding the signature dictionary and the signed field, so the PDF/A content, its
// tags and its metadata are untouched by signing.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "print/SealCertificate.h"

namespace paraph::print {

// The signature dictionary's /M: "D:YYYYMMDDHHmmSS+00'00'" (UTC).
std::string pdfDate(std::chrono::system_clock::time_point time);

// Signs the empty signature field `fieldName` of pdf (as PdfArchive prepared it): a
// detached CMS (/SubFilter /ETSI.CAdES.detached) over the ByteRange, SHA-256, with the
// signing-certificate-v2 attribute and no signing-time attribute (the claimed signing time
// is /M, as PAdES baseline requires). signatureBytes is the room reserved for the DER.
// Throws std::runtime_error when the field is missing or the CMS does not fit.
std::string signPdf(const std::string& pdf, const SealCertificate& seal, const std::string& fieldName,
                    std::chrono::system_clock::time_point signingTime, std::size_t signatureBytes);

}  // namespace paraph::print
