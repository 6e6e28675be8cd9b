#include "print/MailRoom.h"

// qpdf 11 warns unless told which PointerHolder API the code uses: 4 = none (std::shared_ptr).
#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4
#endif

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <memory>

#include "print/PrintEngine.h"

namespace paraph::print {
namespace {

// A page with nothing on it, as large as `model` (the letter's own paper size).
QPDFObjectHandle blankPageLike(QPDF& target, QPDFPageObjectHelper model) {
  QPDFObjectHandle page = QPDFObjectHandle::newDictionary();
  page.replaceKey("/Type", QPDFObjectHandle::newName("/Page"));
  page.replaceKey("/MediaBox", model.getMediaBox().shallowCopy());
  page.replaceKey("/Resources", QPDFObjectHandle::newDictionary());
  page.replaceKey("/Contents", target.newStream(""));
  return target.makeIndirectObject(page);
}

}  // namespace

MailRoomFile assembleMailRoomFile(const std::vector<std::string_view>& pieces) {
  MailRoomFile result;
  QPDF target;
  target.emptyPDF();
  QPDFPageDocumentHelper targetPages(target);
  // Every source must outlive the write: qpdf copies foreign streams' data when writing.
  std::vector<std::unique_ptr<QPDF>> sources;
  sources.reserve(pieces.size());
  int pageCount = 0;
  for (std::size_t index = 0; index < pieces.size(); ++index) {
    auto source = std::make_unique<QPDF>();
    std::vector<QPDFPageObjectHelper> pages;
    try {
      source->processMemoryFile(("piece " + std::to_string(index + 1)).c_str(), pieces[index].data(),
                                pieces[index].size());
      pages = QPDFPageDocumentHelper(*source).getAllPages();
    } catch (const std::exception& error) {
      throw PrintError(PrintError::Kind::Failed,
                       "mail-room file: piece " + std::to_string(index + 1) + " is not a readable PDF: " + error.what());
    }
    if (pages.empty()) {
      throw PrintError(PrintError::Kind::Failed, "mail-room file: piece " + std::to_string(index + 1) + " has no page");
    }
    result.firstPages.push_back(pageCount + 1);
    for (auto& page : pages) {
      targetPages.addPage(QPDFPageObjectHelper(target.copyForeignObject(page.getObjectHandle())), false);
    }
    pageCount += static_cast<int>(pages.size());
    if (pages.size() % 2 == 1) {
      targetPages.addPage(QPDFPageObjectHelper(blankPageLike(target, pages.back())), false);
      ++pageCount;
    }
    sources.push_back(std::move(source));
  }
  QPDFWriter writer(target);
  writer.setOutputMemory();
  writer.setObjectStreamMode(qpdf_o_generate);
  writer.write();
  auto buffer = std::unique_ptr<Buffer>(writer.getBuffer());
  result.pdf.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  result.pageCount = pageCount;
  return result;
}

}  // namespace paraph::print
