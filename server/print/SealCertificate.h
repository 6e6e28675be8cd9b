// The institution's seal: the certificate, its private key and its chain, read once from a
// PKCS#12 file. The password is read from a file or an environment variable and never kept
// or logged; the private key stays in memory for the life of the process.
#pragma once

#include <memory>
#include <string>

#include "print/ArchiveConfig.h"

typedef struct evp_pkey_st EVP_PKEY;
typedef struct x509_st X509;
struct stack_st_X509;

namespace paraph::print {

class SealCertificate {
 public:
  // Throws std::runtime_error naming the file (never the password) when it cannot be read,
  // the password is wrong, or the file holds no certificate and key.
  explicit SealCertificate(const ArchiveConfig& config);
  ~SealCertificate();
  SealCertificate(const SealCertificate&) = delete;
  SealCertificate& operator=(const SealCertificate&) = delete;

  // The signer as a reader sees it: the certificate's common name (or organisation).
  const std::string& signerName() const { return signerName_; }
  X509* certificate() const { return certificate_; }
  EVP_PKEY* privateKey() const { return privateKey_; }
  // The rest of the chain (may be empty), sent along in the CMS so a verifier can build it.
  stack_st_X509* chain() const { return chain_; }

 private:
  X509* certificate_ = nullptr;
  EVP_PKEY* privateKey_ = nullptr;
  stack_st_X509* chain_ = nullptr;
  std::string signerName_;
};

// The subject's common name, or its organisation when it has no CN.
std::string subjectName(X509* certificate);

}  // namespace paraph::print
