// The archive step every stored PDF goes through (issue 18): the engine's PDF made PDF/A-3u
// and identified as PDF/UA-1, its source XML attached, and for the document types that
// declare <sign/> in catalog/doctypes.xml a PAdES B-B signature under the institution's seal
// with a visible mention on the last page. Built once from settings (the ICC profile and
// the seal are read once); archive() is const and thread-safe, for the server's workers.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "l10n/Lang.h"
#include "pipeline/TextCatalog.h"
#include "print/ArchiveConfig.h"
#include "print/SealCertificate.h"

namespace paraph::print {

struct ArchiveInput {
  std::string title;                   // the document's title, as in the Info dictionary
  std::vector<l10n::Lang> languages;   // its language; fr and nl for the side-by-side edition
  std::string sourceXml;               // the submitted XML, attached byte for byte
  std::string sourceFileName;          // its name in the PDF, e.g. "RP-2026-00298.xml"
  bool sign = false;                   // the type's <sign/> (pipeline::DocumentType::sign)
};

class ArchiveStep {
 public:
  // Throws std::runtime_error naming the setting when the ICC profile or the seal cannot
  // be read (a wrong password included; the password itself is never in the message).
  ArchiveStep(const ArchiveConfig& config, const pipeline::TextCatalog& texts);
  ~ArchiveStep();

  // The archived PDF; signed when input.sign and a seal is configured. Throws PrintError
  // (Failed) when the PDF cannot be read or signed.
  std::string archive(std::string pdf, const ArchiveInput& input) const;
  // Same, at a given signing time (tests, benchmarks).
  std::string archive(std::string pdf, const ArchiveInput& input, std::chrono::system_clock::time_point now) const;

  // True when a seal is configured: documents of signed types are signed.
  bool signs() const { return seal_ != nullptr; }
  // The signer's name as the signature and the mention give it (the seal's common name).
  std::string signerName() const { return seal_ ? seal_->signerName() : std::string(); }
  // The visible mention for one language at a signing time ("Signé électroniquement par …
  // le 2 décembre 2026 à 14:05", Europe/Brussels).
  std::string mention(l10n::Lang lang, std::chrono::system_clock::time_point signingTime) const;

 private:
  ArchiveConfig config_;
  std::string iccProfile_;
  std::unique_ptr<SealCertificate> seal_;
  std::string mentionPattern_[2];  // by pipeline::indexOf(lang)
};

}  // namespace paraph::print
