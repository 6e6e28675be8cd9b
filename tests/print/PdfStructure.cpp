#include "print/PdfStructure.h"

#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4
#endif
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

namespace paraph::print::testing {
namespace {

std::string textOf(QPDFObjectHandle dictionary, const std::string& key) {
  QPDFObjectHandle value = dictionary.isDictionary() ? dictionary.getKey(key) : QPDFObjectHandle::newNull();
  return value.isString() ? value.getUTF8Value() : "";
}

}  // namespace

PdfStructure PdfStructure::of(const std::string& pdfBytes) {
  QPDF document;
  document.setSuppressWarnings(true);
  document.processMemoryFile("test", pdfBytes.data(), pdfBytes.size());
  QPDFObjectHandle catalog = document.getRoot();
  PdfStructure structure;
  structure.language = textOf(catalog, "/Lang");
  structure.hasStructureTree = catalog.getKey("/StructTreeRoot").isDictionary();
  QPDFObjectHandle markInfo = catalog.getKey("/MarkInfo");
  structure.marked = markInfo.isDictionary() && markInfo.getKey("/Marked").isBool() && markInfo.getKey("/Marked").getBoolValue();
  QPDFObjectHandle outlines = catalog.getKey("/Outlines");
  structure.hasOutline = outlines.isDictionary() && outlines.getKey("/First").isDictionary();
  QPDFObjectHandle info = document.getTrailer().getKey("/Info");
  structure.infoAuthor = textOf(info, "/Author");
  structure.infoKeywords = textOf(info, "/Keywords");
  structure.infoProducer = textOf(info, "/Producer");
  return structure;
}

}  // namespace paraph::print::testing
