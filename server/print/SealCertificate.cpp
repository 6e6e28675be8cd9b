#include "print/SealCertificate.h"

#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace paraph::print {
namespace {

std::string passwordFrom(const ArchiveConfig& config) {
  if (!config.sealPasswordFile.empty()) {
    std::ifstream stream(config.sealPasswordFile);
    if (!stream) throw std::runtime_error("archive.seal_password_file: cannot read " + config.sealPasswordFile);
    std::string password;
    std::getline(stream, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
  }
  const char* value = config.sealPasswordEnv.empty() ? nullptr : std::getenv(config.sealPasswordEnv.c_str());
  return value != nullptr ? value : "";
}

// Overwrites the password before its memory is released.
struct ScrubbedString {
  std::string value;
  ~ScrubbedString() {
    for (auto& character : value) *const_cast<volatile char*>(&character) = 0;
  }
};

std::string openSslError() {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "unknown error";
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  return text;
}

}  // namespace

std::string subjectName(X509* certificate) {
  X509_NAME* subject = X509_get_subject_name(certificate);
  for (int nid : {NID_commonName, NID_organizationName}) {
    const int index = X509_NAME_get_index_by_NID(subject, nid, -1);
    if (index < 0) continue;
    ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index));
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, data);
    if (length < 0) continue;
    std::string name(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(length));
    OPENSSL_free(utf8);
    return name;
  }
  return {};
}

SealCertificate::SealCertificate(const ArchiveConfig& config) {
  const std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(config.sealFile.c_str(), "rb"), &std::fclose);
  if (!file) throw std::runtime_error("archive.seal_file: cannot read " + config.sealFile);
  const std::unique_ptr<PKCS12, void (*)(PKCS12*)> bundle(d2i_PKCS12_fp(file.get(), nullptr), &PKCS12_free);
  if (!bundle) throw std::runtime_error("archive.seal_file: " + config.sealFile + " is not a PKCS#12 file: " + openSslError());
  const ScrubbedString password{passwordFrom(config)};
  if (PKCS12_parse(bundle.get(), password.value.c_str(), &privateKey_, &certificate_, &chain_) != 1) {
    throw std::runtime_error("archive.seal_file: cannot open " + config.sealFile +
                             " (wrong password, see archive.seal_password_file / archive.seal_password_env): " +
                             openSslError());
  }
  if (certificate_ == nullptr || privateKey_ == nullptr) {
    // The destructor does not run for a constructor that throws.
    EVP_PKEY_free(privateKey_);
    X509_free(certificate_);
    sk_X509_pop_free(chain_, X509_free);
    throw std::runtime_error("archive.seal_file: " + config.sealFile + " holds no certificate with its private key");
  }
  signerName_ = subjectName(certificate_);
}

SealCertificate::~SealCertificate() {
  EVP_PKEY_free(privateKey_);
  X509_free(certificate_);
  sk_X509_pop_free(chain_, X509_free);
  privateKey_ = nullptr;
  certificate_ = nullptr;
  chain_ = nullptr;
}

}  // namespace paraph::print
