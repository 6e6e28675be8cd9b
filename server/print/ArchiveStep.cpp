#include "print/ArchiveStep.h"

#include <unicode/timezone.h>

#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "l10n/Formatter.h"
#include "print/PdfArchive.h"
#include "print/PdfSignature.h"
#include "print/PrintEngine.h"

namespace paraph::print {
namespace {

constexpr const char* kMentionKey = "archive.signature.mention";

std::string readWholeFile(const std::string& path, const std::string& setting) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) throw std::runtime_error(setting + ": cannot read " + path);
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

// The wall-clock time in Europe/Brussels, "YYYY-MM-DDTHH:MM", as l10n::formatDateTime takes it.
std::string brusselsLocalTime(std::chrono::system_clock::time_point time) {
  const auto milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
  const std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone("Europe/Brussels"));
  int32_t rawOffset = 0;
  int32_t daylightOffset = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone->getOffset(static_cast<UDate>(milliseconds), false, rawOffset, daylightOffset, status);
  if (U_FAILURE(status)) throw std::runtime_error("no Europe/Brussels time zone in ICU");
  const std::time_t local = std::chrono::system_clock::to_time_t(time) + (rawOffset + daylightOffset) / 1000;
  std::tm fields{};
  gmtime_r(&local, &fields);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M", &fields);
  return text;
}

}  // namespace

ArchiveStep::ArchiveStep(const ArchiveConfig& config, const pipeline::TextCatalog& texts)
    : config_(config), iccProfile_(readWholeFile(config.iccProfile, "archive.icc_profile")) {
  if (iccProfile_.size() < 128 || iccProfile_.compare(36, 4, "acsp") != 0) {
    throw std::runtime_error("archive.icc_profile: " + config.iccProfile + " is not an ICC profile");
  }
  if (!config.sealFile.empty()) seal_ = std::make_unique<SealCertificate>(config);
  for (l10n::Lang lang : {l10n::Lang::fr, l10n::Lang::nl}) {
    const std::string* pattern = texts.text(kMentionKey, lang);
    if (pattern == nullptr) throw std::runtime_error(std::string("catalog/l10n: no text ") + kMentionKey);
    mentionPattern_[pipeline::indexOf(lang)] = *pattern;
  }
}

ArchiveStep::~ArchiveStep() = default;

std::string ArchiveStep::mention(l10n::Lang lang, std::chrono::system_clock::time_point signingTime) const {
  return l10n::formatMessage(lang, mentionPattern_[pipeline::indexOf(lang)],
                             {{"signer", signerName()}, {"time", l10n::formatDateTime(lang, brusselsLocalTime(signingTime))}});
}

std::string ArchiveStep::archive(std::string pdf, const ArchiveInput& input) const {
  return archive(std::move(pdf), input, std::chrono::system_clock::now());
}

std::string ArchiveStep::archive(std::string pdf, const ArchiveInput& input, std::chrono::system_clock::time_point now) const {
  // One time for the Info/XMP dates, the signature's /M and the visible mention.
  const auto signingTime = std::chrono::floor<std::chrono::seconds>(now);
  PdfArchiveInput archiveInput;
  archiveInput.title = input.title;
  for (l10n::Lang lang : input.languages) archiveInput.languages.emplace_back(l10n::bcp47(lang));
  archiveInput.sourceXml = input.sourceXml;
  archiveInput.sourceFileName = input.sourceFileName.empty() ? "source.xml" : input.sourceFileName;
  archiveInput.modificationDate = pdfDate(signingTime);
  try {
    if (!input.sign || !seal_) return makePdfA(pdf, archiveInput, iccProfile_, nullptr);
    SignatureFieldRequest field;
    for (l10n::Lang lang : input.languages) field.mentionLines.push_back(mention(lang, signingTime));
    const std::string archived = makePdfA(pdf, archiveInput, iccProfile_, &field);
    return signPdf(archived, *seal_, field.fieldName, signingTime, config_.signatureBytes);
  } catch (const PrintError&) {
    throw;
  } catch (const std::exception& error) {
    throw PrintError(PrintError::Kind::Failed, std::string("archive step: ") + error.what());
  }
}

}  // namespace paraph::print
