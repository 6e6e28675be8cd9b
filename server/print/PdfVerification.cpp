#include "print/PdfVerification.h"

#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4
#endif

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <qpdf/QPDF.hh>

#include "print/OpenSslOwners.h"
#include "xml/Sha256.h"
#include <qpdf/QPDFObjectHandle.hh>

#include <memory>

#include "print/SealCertificate.h"

namespace paraph::print {
namespace {

template <typename T, void (*Free)(T*)>
using Deleter = OpenSslDeleter<T, Free>;
using StorePointer = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;

void freeCertificates(STACK_OF(X509) * certificates) { sk_X509_free(certificates); }
using CertificatesPointer = std::unique_ptr<STACK_OF(X509), Deleter<STACK_OF(X509), freeCertificates>>;

// "D:20261202130327+00'00'" -> "2026-12-02 13:03:27 +00:00"
std::string readableDate(const std::string& pdfDate) {
  std::string date = pdfDate.starts_with("D:") ? pdfDate.substr(2) : pdfDate;
  if (date.size() < 14) return pdfDate;
  std::string zone = date.substr(14);
  if (zone.empty() || zone[0] == 'Z' || zone.starts_with("+00'00") || zone.starts_with("-00'00")) zone = "UTC";
  else if (zone.size() >= 6) zone = zone.substr(0, 3) + ":" + zone.substr(4, 2);
  return date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2) + " " + date.substr(8, 2) + ":" +
         date.substr(10, 2) + ":" + date.substr(12, 2) + " " + zone;
}

void collectSignatureFields(QPDFObjectHandle fields, std::vector<QPDFObjectHandle>& found) {
  if (!fields.isArray()) return;
  for (int i = 0; i < fields.getArrayNItems(); ++i) {
    QPDFObjectHandle field = fields.getArrayItem(i);
    if (!field.isDictionary()) continue;
    if (field.getKey("/FT").isName() && field.getKey("/FT").getName() == "/Sig" && field.getKey("/V").isDictionary()) {
      found.push_back(field);
    }
    collectSignatureFields(field.getKey("/Kids"), found);
  }
}

SignatureCheck check(const std::string& pdf, QPDFObjectHandle field, const std::string& trustFile) {
  SignatureCheck result;
  QPDFObjectHandle value = field.getKey("/V");
  if (field.getKey("/T").isString()) result.fieldName = field.getKey("/T").getUTF8Value();
  if (value.getKey("/SubFilter").isName()) result.subFilter = value.getKey("/SubFilter").getName().substr(1);
  if (value.getKey("/M").isString()) result.signingTime = readableDate(value.getKey("/M").getUTF8Value());
  QPDFObjectHandle range = value.getKey("/ByteRange");
  QPDFObjectHandle contents = value.getKey("/Contents");
  if (!range.isArray() || range.getArrayNItems() != 4 || !contents.isString()) {
    result.problem = "the signature has no ByteRange or Contents";
    return result;
  }
  long long numbers[4];
  for (int i = 0; i < 4; ++i) {
    QPDFObjectHandle number = range.getArrayItem(i);
    numbers[i] = number.isInteger() ? number.getIntValue() : -1;
  }
  const auto size = static_cast<long long>(pdf.size());
  if (numbers[0] != 0 || numbers[1] <= 0 || numbers[2] <= numbers[1] || numbers[3] < 0 || numbers[2] + numbers[3] > size) {
    result.problem = "the ByteRange does not fit the file";
    return result;
  }
  // The gap must be exactly the hex string, or bytes outside the signature escape it.
  const bool gapIsContents = pdf[static_cast<std::size_t>(numbers[1])] == '<' && pdf[static_cast<std::size_t>(numbers[2] - 1)] == '>';
  result.coversWholeFile = gapIsContents && numbers[2] + numbers[3] == size;
  const std::string covered = pdf.substr(0, static_cast<std::size_t>(numbers[1])) +
                              pdf.substr(static_cast<std::size_t>(numbers[2]), static_cast<std::size_t>(numbers[3]));
  const std::string der = contents.getStringValue();
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  CmsPointer cms(d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(der.size())));
  if (!cms) {
    result.problem = "the signature is not a CMS: " + lastOpenSslError();
    return result;
  }
  CMS_set1_signers_certs(cms.get(), nullptr, 0);  // the signer's certificate from those the CMS carries
  CertificatesPointer signers(CMS_get0_signers(cms.get()));
  if (signers && sk_X509_num(signers.get()) > 0) result.signer = subjectName(sk_X509_value(signers.get(), 0));

  BioPointer data(BIO_new_mem_buf(covered.data(), static_cast<int>(covered.size())));
  result.intact = CMS_verify(cms.get(), nullptr, nullptr, data.get(), nullptr, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) == 1;
  if (!result.intact) result.problem = "the signed bytes changed or the signature is wrong: " + lastOpenSslError();
  if (result.intact && !trustFile.empty()) {
    StorePointer store(X509_STORE_new());
    if (X509_STORE_load_file(store.get(), trustFile.c_str()) == 1) {
      X509_STORE_set_purpose(store.get(), X509_PURPOSE_ANY);
      BioPointer again(BIO_new_mem_buf(covered.data(), static_cast<int>(covered.size())));
      result.chainTrusted = CMS_verify(cms.get(), nullptr, store.get(), again.get(), nullptr, CMS_BINARY) == 1;
    }
    if (!result.chainTrusted) result.problem = "the signer's certificate does not chain to " + trustFile + ": " + lastOpenSslError();
  }
  return result;
}

}  // namespace

bool PdfVerification::valid() const {
  if (!readable || signatures.empty()) return false;
  for (const auto& signature : signatures) {
    if (!signature.intact) return false;
  }
  return signatures.back().coversWholeFile;
}


PdfVerification verifyPdf(const std::string& pdf, const std::string& trustFile) {
  PdfVerification result;
  result.sha256 = xml::sha256Hex(pdf);
  try {
    QPDF document;
    document.setSuppressWarnings(true);
    document.processMemoryFile("PDF to verify", pdf.data(), pdf.size());
    QPDFObjectHandle form = document.getRoot().getKey("/AcroForm");
    std::vector<QPDFObjectHandle> fields;
    if (form.isDictionary()) collectSignatureFields(form.getKey("/Fields"), fields);
    result.readable = true;
    for (auto& field : fields) result.signatures.push_back(check(pdf, field, trustFile));
  } catch (const std::exception& error) {
    result.problem = std::string("not a readable PDF: ") + error.what();
  }
  return result;
}

}  // namespace paraph::print
