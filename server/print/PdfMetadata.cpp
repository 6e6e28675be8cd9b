#include "print/PdfMetadata.h"

// qpdf 11 warns unless told which PointerHolder API the code uses: 4 = none (std::shared_ptr).
#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4
#endif

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>

#ifndef PARAPH_VERSION
#define PARAPH_VERSION "dev"
#endif

namespace paraph::print {
namespace {

std::string joinedKeywords(const std::vector<std::string>& keywords) {
  std::string joined;
  for (const auto& keyword : keywords) {
    if (keyword.empty()) continue;
    if (!joined.empty()) joined += ", ";
    joined += keyword;
  }
  return joined;
}

void setText(QPDFObjectHandle& dictionary, const std::string& key, const std::string& value) {
  // newUnicodeString writes PDFDocEncoding when it can and UTF-16BE otherwise ("INAMI – RIZIV").
  if (!value.empty()) dictionary.replaceKey(key, QPDFObjectHandle::newUnicodeString(value));
}

}  // namespace

std::string applyPdfMetadata(const std::string& pdf, const PrintSettings& settings, const std::string& engineName) {
  try {
    QPDF document;
    document.setSuppressWarnings(true);
    document.processMemoryFile("engine output", pdf.data(), pdf.size());

    QPDFObjectHandle trailer = document.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
      info = document.makeIndirectObject(QPDFObjectHandle::newDictionary());
      trailer.replaceKey("/Info", info);
    }
    setText(info, "/Title", settings.title);
    setText(info, "/Author", settings.author);
    setText(info, "/Subject", settings.subject);
    setText(info, "/Keywords", joinedKeywords(settings.keywords));
    setText(info, "/Producer", "paraph");
    setText(info, "/Creator", std::string("paraph ") + PARAPH_VERSION + " (" + engineName + ")");

    QPDFObjectHandle catalog = document.getRoot();
    setText(catalog, "/Lang", settings.language);
    if (!settings.title.empty()) {
      QPDFObjectHandle preferences = catalog.getKey("/ViewerPreferences");
      if (!preferences.isDictionary()) {
        preferences = QPDFObjectHandle::newDictionary();
        catalog.replaceKey("/ViewerPreferences", preferences);
      }
      preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    }

    QPDFWriter writer(document);
    writer.setOutputMemory();
    // Same input, same /ID: the stored version's PDF hash does not change between runs
    // for the ID's sake (the engine's CreationDate still does).
    writer.setDeterministicID(true);
    writer.write();
    const auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& error) {
    throw PrintError(PrintError::Kind::Failed,
                     engineName + " produced a PDF that could not be read to set its metadata: " + error.what());
  }
}

}  // namespace paraph::print
