#include "print/PdfMetadata.h"

#include <gtest/gtest.h>

#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4
#endif
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "print/PdfStructure.h"

namespace paraph::print {
namespace {

// A one-page PDF as an engine might write it: no Info dictionary, no /Lang.
std::string blankPdf() {
  QPDF document;
  document.emptyPDF();
  QPDFObjectHandle page = document.makeIndirectObject(QPDFObjectHandle::parse(
      "<< /Type /Page /MediaBox [0 0 595.28 841.89] /Resources << >> >>"));
  QPDFPageDocumentHelper(document).addPage(page, false);
  QPDFWriter writer(document);
  writer.setOutputMemory();
  writer.write();
  const auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

TEST(PdfMetadataTest, SetsInfoDictionaryAndCatalogLanguage) {
  PrintSettings settings;
  settings.title = "Beslissing verhoogde tegemoetkoming";
  settings.author = "RIZIV – INAMI";
  settings.keywords = {"RIZIV", "", "verhoogde tegemoetkoming"};
  settings.language = "nl-BE";
  const auto structure = testing::PdfStructure::of(applyPdfMetadata(blankPdf(), settings, "chromium"));
  EXPECT_EQ(structure.language, "nl-BE");
  EXPECT_EQ(structure.infoAuthor, "RIZIV – INAMI");
  EXPECT_EQ(structure.infoKeywords, "RIZIV, verhoogde tegemoetkoming");
  EXPECT_EQ(structure.infoProducer, "paraph");
}

TEST(PdfMetadataTest, SameInputGivesTheSameBytes) {
  PrintSettings settings;
  settings.title = "Titre";
  const std::string pdf = blankPdf();
  EXPECT_EQ(applyPdfMetadata(pdf, settings, "chromium"), applyPdfMetadata(pdf, settings, "chromium"));
}

TEST(PdfMetadataTest, SomethingThatIsNotAPdfFailsWithTheEngineName) {
  try {
    applyPdfMetadata("<html>not a pdf</html>", {}, "wkhtmltopdf");
    FAIL() << "accepted HTML as a PDF";
  } catch (const PrintError& error) {
    EXPECT_EQ(error.kind(), PrintError::Kind::Failed);
    EXPECT_NE(std::string(error.what()).find("wkhtmltopdf"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace paraph::print
