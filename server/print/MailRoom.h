// The mail room's print file: many letters' PDFs in one, for a duplex printer. Each piece
// (the cover, then every letter in the order given) starts on an odd page: a piece with an
// odd number of pages is followed by a blank page of its last page's size. The pieces' own
// pages are copied as they are (qpdf), never printed again. The result is for printing: the
// stored letters keep their own tagged, archive-grade PDFs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace paraph::print {

struct MailRoomFile {
  std::string pdf;
  // The first page (1-based) of each piece in the file, in the order given.
  std::vector<int> firstPages;
  int pageCount = 0;
};

// Throws PrintError (Kind::Failed) naming the piece that is not a readable PDF.
MailRoomFile assembleMailRoomFile(const std::vector<std::string_view>& pieces);

}  // namespace paraph::print
