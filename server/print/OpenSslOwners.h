// Owners for the OpenSSL objects the signing and the verification of PDFs use, and the text
// of OpenSSL's last error.
#pragma once

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <memory>
#include <string>

namespace paraph::print {

template <typename T, void (*Free)(T*)>
struct OpenSslDeleter {
  void operator()(T* pointer) const { Free(pointer); }
};
using CmsPointer = std::unique_ptr<CMS_ContentInfo, OpenSslDeleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using BioPointer = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, OpenSslDeleter<EVP_MD_CTX, EVP_MD_CTX_free>>;

// OpenSSL's last error, taken off its queue.
inline std::string lastOpenSslError() {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  char text[256] = "unknown error";
  if (code != 0) ERR_error_string_n(code, text, sizeof text);
  return text;
}

}  // namespace paraph::print
