// The settings of the archive step (archive.*, docs/configuration.md): where the sRGB output
// profile and the institution's seal are, and how much room a signature gets.
#pragma once

#include <cstddef>
#include <string>

namespace paraph::print {

struct ArchiveConfig {
  // archive.icc_profile: the sRGB ICC profile of the PDF/A OutputIntent (Debian icc-profiles-free).
  std::string iccProfile = "/usr/share/color/icc/sRGB.icc";
  // archive.seal_file: the seal's PKCS#12 (certificate, private key, chain). Empty: nothing is
  // signed, every PDF is still PDF/A with its source attached.
  std::string sealFile;
  // archive.seal_password_file: a file whose first line is the PKCS#12 password; read once at
  // start. When empty, the environment variable named by archive.seal_password_env is used.
  std::string sealPasswordFile;
  std::string sealPasswordEnv = "PARAPH_SEAL_PASSWORD";  // archive.seal_password_env
  // archive.signature_bytes: room reserved in the file for the CMS signature (DER); the
  // seal's chain must fit in it.
  std::size_t signatureBytes = 16384;
};

}  // namespace paraph::print
