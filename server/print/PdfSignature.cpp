#include "print/PdfSignature.h"

#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4
#endif

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <qpdf/QPDF.hh>

#include "print/OpenSslOwners.h"
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <stdexcept>
#include <vector>

namespace paraph::print {
namespace {

std::string openSslError(const std::string& what) { return what + ": " + lastOpenSslError(); }

// The field whose /T is fieldName, among the AcroForm's fields and their kids.
QPDFObjectHandle findField(QPDFObjectHandle fields, const std::string& fieldName) {
  if (!fields.isArray()) return QPDFObjectHandle::newNull();
  for (int i = 0; i < fields.getArrayNItems(); ++i) {
    QPDFObjectHandle field = fields.getArrayItem(i);
    if (!field.isDictionary()) continue;
    if (field.getKey("/T").isString() && field.getKey("/T").getUTF8Value() == fieldName) return field;
    QPDFObjectHandle found = findField(field.getKey("/Kids"), fieldName);
    if (!found.isNull()) return found;
  }
  return QPDFObjectHandle::newNull();
}

// The offset the last startxref points at: the /Prev of the new revision.
std::string previousCrossReference(const std::string& pdf) {
  const auto position = pdf.rfind("startxref");
  if (position == std::string::npos) throw std::runtime_error("the PDF has no startxref");
  std::size_t start = position + 9;
  while (start < pdf.size() && (pdf[start] == '\r' || pdf[start] == '\n' || pdf[start] == ' ')) ++start;
  std::size_t end = start;
  while (end < pdf.size() && pdf[end] >= '0' && pdf[end] <= '9') ++end;
  if (end == start) throw std::runtime_error("the PDF's startxref has no offset");
  return pdf.substr(start, end - start);
}

std::string dictionaryText(QPDFObjectHandle dictionary) {
  std::string text = "<<";
  for (const auto& key : dictionary.getKeys()) {
    text += " " + QPDFObjectHandle::newName(key).unparse() + " " + dictionary.getKey(key).unparse();
  }
  return text + " >>";
}

std::string crossReferenceEntry(std::size_t offset, int generation) {
  char entry[32];
  std::snprintf(entry, sizeof entry, "%010zu %05d n \n", offset, generation);
  return entry;
}

// signedAttrs DER-encoded as the SET OF the signature is computed on (RFC 5652, 5.4).
std::string signedAttributesDer(CMS_SignerInfo* signer) {
  std::vector<std::string> encoded;
  for (int i = 0; i < CMS_signed_get_attr_count(signer); ++i) {
    X509_ATTRIBUTE* attribute = CMS_signed_get_attr(signer, i);
    unsigned char* der = nullptr;
    const int length = i2d_X509_ATTRIBUTE(attribute, &der);
    if (length <= 0) throw std::runtime_error(openSslError("cannot encode a signed attribute"));
    encoded.emplace_back(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
  }
  std::sort(encoded.begin(), encoded.end());  // DER orders a SET OF by its encodings
  std::string content;
  for (const auto& attribute : encoded) content += attribute;
  std::string set(1, '\x31');
  const std::size_t length = content.size();
  if (length < 0x80) {
    set += static_cast<char>(length);
  } else {
    std::string bytes;
    for (std::size_t rest = length; rest > 0; rest >>= 8) bytes.insert(bytes.begin(), static_cast<char>(rest & 0xFF));
    set += static_cast<char>(0x80 | bytes.size());
    set += bytes;
  }
  return set + content;
}

// The CMS SignedData over `content`: CAdES attributes (content-type, message-digest,
// signing-certificate-v2), then the signing-time attribute OpenSSL always adds is taken out
// again and the attributes re-signed, since PAdES baseline puts the claimed time in /M only.
std::string cadesSignature(const std::string& content, const SealCertificate& seal) {
  BioPointer data(BIO_new_mem_buf(content.data(), static_cast<int>(content.size())));
  const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP | CMS_CADES;
  CmsPointer cms(CMS_sign(nullptr, nullptr, seal.chain(), nullptr, flags));
  if (!cms) throw std::runtime_error(openSslError("CMS_sign"));
  CMS_SignerInfo* signer = CMS_add1_signer(cms.get(), seal.certificate(), seal.privateKey(), EVP_sha256(), flags);
  if (signer == nullptr) throw std::runtime_error(openSslError("CMS_add1_signer"));
  if (CMS_final(cms.get(), data.get(), nullptr, flags) != 1) throw std::runtime_error(openSslError("CMS_final"));

  const int signingTime = CMS_signed_get_attr_by_NID(signer, NID_pkcs9_signingTime, -1);
  if (signingTime >= 0) {
    X509_ATTRIBUTE_free(CMS_signed_delete_attr(signer, signingTime));
    const std::string attributes = signedAttributesDer(signer);
    DigestContext context(EVP_MD_CTX_new());
    std::size_t length = 0;
    if (EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, seal.privateKey()) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(attributes.data()),
                       attributes.size()) != 1) {
      throw std::runtime_error(openSslError("cannot sign the signed attributes"));
    }
    std::vector<unsigned char> signature(length);
    if (EVP_DigestSign(context.get(), signature.data(), &length, reinterpret_cast<const unsigned char*>(attributes.data()),
                       attributes.size()) != 1) {
      throw std::runtime_error(openSslError("cannot sign the signed attributes"));
    }
    ASN1_STRING_set(CMS_SignerInfo_get0_signature(signer), signature.data(), static_cast<int>(length));
  }

  unsigned char* der = nullptr;
  const int length = i2d_CMS_ContentInfo(cms.get(), &der);
  if (length <= 0) throw std::runtime_error(openSslError("cannot encode the CMS"));
  std::string result(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return result;
}

}  // namespace

std::string pdfDate(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "D:%Y%m%d%H%M%S+00'00'", &utc);
  return text;
}

std::string signPdf(const std::string& pdf, const SealCertificate& seal, const std::string& fieldName,
                    std::chrono::system_clock::time_point signingTime, std::size_t signatureBytes) {
  QPDF document;
  document.setSuppressWarnings(true);
  document.processMemoryFile("archived PDF", pdf.data(), pdf.size());
  QPDFObjectHandle form = document.getRoot().getKey("/AcroForm");
  QPDFObjectHandle field = form.isDictionary() ? findField(form.getKey("/Fields"), fieldName) : QPDFObjectHandle::newNull();
  if (!field.isDictionary() || !field.isIndirect()) throw std::runtime_error("the PDF has no signature field " + fieldName);
  QPDFObjectHandle trailer = document.getTrailer();
  const int signatureObject = static_cast<int>(trailer.getKey("/Size").getIntValue());

  // The new revision: the field, now pointing at its value, and the signature dictionary.
  std::string revision = pdf.back() == '\n' ? "" : "\n";
  const std::size_t fieldOffset = pdf.size() + revision.size();
  QPDFObjectHandle signedField = field.shallowCopy();
  signedField.removeKey("/V");
  std::string fieldText = dictionaryText(signedField);
  fieldText.insert(fieldText.size() - 2, "/V " + std::to_string(signatureObject) + " 0 R ");
  revision += std::to_string(field.getObjectID()) + " " + std::to_string(field.getGeneration()) + " obj\n" + fieldText +
              "\nendobj\n";
  const std::size_t signatureOffset = pdf.size() + revision.size();
  const std::string byteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";
  revision += std::to_string(signatureObject) + " 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached" +
              " /M (" + pdfDate(signingTime) + ") /ByteRange " + byteRangePlaceholder + " /Contents <";
  const std::size_t contentsStart = pdf.size() + revision.size() - 1;  // the '<'
  revision += std::string(2 * signatureBytes, '0') + "> >>\nendobj\n";
  const std::size_t contentsEnd = contentsStart + 2 * signatureBytes + 2;  // after the '>'
  const std::size_t crossReferenceOffset = pdf.size() + revision.size();
  revision += "xref\n" + std::to_string(field.getObjectID()) + " 1\n" + crossReferenceEntry(fieldOffset, field.getGeneration()) +
              std::to_string(signatureObject) + " 1\n" + crossReferenceEntry(signatureOffset, 0);
  revision += "trailer\n<< /Size " + std::to_string(signatureObject + 1) + " /Root " + trailer.getKey("/Root").unparse();
  if (trailer.getKey("/Info").isDictionary()) revision += " /Info " + trailer.getKey("/Info").unparse();
  if (trailer.getKey("/ID").isArray()) revision += " /ID " + trailer.getKey("/ID").unparse();
  revision += " /Prev " + previousCrossReference(pdf) + " >>\nstartxref\n" + std::to_string(crossReferenceOffset) + "\n%%EOF\n";

  std::string signedPdf = pdf + revision;
  char byteRange[64];
  std::snprintf(byteRange, sizeof byteRange, "[0 %zu %zu %zu]", contentsStart, contentsEnd, signedPdf.size() - contentsEnd);
  std::string range = byteRange;
  if (range.size() > byteRangePlaceholder.size()) throw std::runtime_error("the PDF is too large to sign");
  range.insert(range.size() - 1, byteRangePlaceholder.size() - range.size(), ' ');
  signedPdf.replace(signedPdf.find(byteRangePlaceholder, signatureOffset), byteRangePlaceholder.size(), range);

  const std::string covered = signedPdf.substr(0, contentsStart) + signedPdf.substr(contentsEnd);
  const std::string cms = cadesSignature(covered, seal);
  if (cms.size() > signatureBytes) {
    throw std::runtime_error("the signature takes " + std::to_string(cms.size()) +
                             " bytes, more than archive.signature_bytes (" + std::to_string(signatureBytes) + ")");
  }
  static const char* kHex = "0123456789ABCDEF";
  for (std::size_t i = 0; i < cms.size(); ++i) {
    const auto byte = static_cast<unsigned char>(cms[i]);
    signedPdf[contentsStart + 1 + 2 * i] = kHex[byte >> 4];
    signedPdf[contentsStart + 2 + 2 * i] = kHex[byte & 0x0F];
  }
  return signedPdf;
}

}  // namespace paraph::print
