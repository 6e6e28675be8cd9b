// The mail room's print file of a batch (docs/batch.md): for one language, every posted
// letter of the batch in ascending postal-code order, each starting on an odd page, after a
// first page that names the batch, the count and the range of references. The letters'
// stored PDFs are reused as they are; only the first page is printed.
#pragma once

#include <string>
#include <vector>

#include "document/DocumentService.h"
#include "l10n/Lang.h"
#include "print/MailRoom.h"
#include "xml/StylesheetCache.h"

namespace paraph::document {

struct MailRoomLetter {
  std::string postalCode;
  std::string reference;
  std::string pdf;  // the letter's own PDF in the file's language
};

class MailRoom {
 public:
  // Needs the service's print engine (for the first page).
  explicit MailRoom(const DocumentService& service);

  // The postal code a posted type's document goes to; nullopt for a type that is not posted
  // (catalog/doctypes.xml, <mail-room>).
  static std::optional<std::string> postalCodeOf(const AcceptedInput& accepted);

  // letters in any order; madeOn is an ISO date. Throws print::PrintError.
  print::MailRoomFile assemble(const std::string& batchId, l10n::Lang lang, std::vector<MailRoomLetter> letters,
                               const std::string& madeOn) const;

 private:
  const DocumentService& service_;
  xml::StylesheetPtr cover_;
};

}  // namespace paraph::document
