#include "document/MailRoom.h"

#include <algorithm>
#include <string_view>

#include "l10n/XsltFunctions.h"
#include "pipeline/CatalogFunctions.h"
#include "print/PdfPageCount.h"
#include "print/PrintEngine.h"
#include "xml/TreeBuilding.h"

namespace paraph::document {
namespace {

constexpr const char* kCoverStylesheet = "https://paraph.inami.fgov.be/xslt/batch/cover.xsl";
constexpr const char* kCoverNamespace = "https://paraph.inami.fgov.be/ns/batch-cover/1";

int paddedToEven(int pages) { return pages + pages % 2; }

}  // namespace

MailRoom::MailRoom(const DocumentService& service) : service_(service) {
  l10n::registerXsltFunctions();
  pipeline::registerCatalogFunctions();
  xml::StylesheetCache cache;
  cover_ = cache.get(kCoverStylesheet);
}

std::optional<std::string> MailRoom::postalCodeOf(const AcceptedInput& accepted) {
  const auto& document = accepted.document;
  const auto& type = *document.type;
  if (type.mailRoomPostalCode.empty()) return std::nullopt;
  xmlDoc* tree = document.parsed.document.get();
  return type.mailRoomPostalCode.string(tree, xmlDocGetRootElement(tree), type.namespaces);
}

print::MailRoomFile MailRoom::assemble(const std::string& batchId, l10n::Lang lang, std::vector<MailRoomLetter> letters,
                                       const std::string& madeOn) const {
  print::PrintEngine* engine = service_.engine();
  if (engine == nullptr) throw print::PrintError(print::PrintError::Kind::EngineUnavailable, "no print engine");
  // Postal codes are four digits (the schema's BelgianPostalCode), so text order is numeric.
  std::stable_sort(letters.begin(), letters.end(), [](const MailRoomLetter& left, const MailRoomLetter& right) {
    return std::tie(left.postalCode, left.reference) < std::tie(right.postalCode, right.reference);
  });
  int pages = 2;  // the first page and the blank page behind it
  for (const auto& letter : letters) pages += paddedToEven(static_cast<int>(print::pdfPageCount(letter.pdf)));

  const auto [firstReference, lastReference] = std::minmax_element(
      letters.begin(), letters.end(),
      [](const MailRoomLetter& left, const MailRoomLetter& right) { return left.reference < right.reference; });

  xml::DocPtr model(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
  if (!model) throw std::bad_alloc();
  xmlNode* root = xmlNewDocNode(model.get(), nullptr, reinterpret_cast<const xmlChar*>("cover"), nullptr);
  if (root == nullptr) throw std::bad_alloc();
  xmlDocSetRootElement(model.get(), root);
  xmlSetNs(root, xmlNewNs(root, reinterpret_cast<const xmlChar*>(kCoverNamespace), reinterpret_cast<const xmlChar*>("b")));
  xml::setSafeAttribute(root, "batch", batchId);
  xml::setSafeAttribute(root, "count", std::to_string(letters.size()));
  xml::setSafeAttribute(root, "first-reference", letters.empty() ? "" : firstReference->reference);
  xml::setSafeAttribute(root, "last-reference", letters.empty() ? "" : lastReference->reference);
  xml::setSafeAttribute(root, "first-postal-code", letters.empty() ? "" : letters.front().postalCode);
  xml::setSafeAttribute(root, "last-postal-code", letters.empty() ? "" : letters.back().postalCode);
  xml::setSafeAttribute(root, "made-on", madeOn);
  xml::setSafeAttribute(root, "pages", std::to_string(pages));
  pipeline::TransformResources resources{&service_.pipeline().texts()};
  const auto result = xml::transform(cover_, model.get(), {{"lang", std::string(l10n::code(lang))}}, &resources);
  const std::string html = xml::serialize(cover_, result.get());

  print::PrintSettings settings;
  settings.title = batchId;
  settings.author = lang == l10n::Lang::fr ? "INAMI – RIZIV" : "RIZIV – INAMI";
  settings.language = std::string(l10n::bcp47(lang));
  settings.documentReference = batchId;
  const std::string cover = engine->print(html, settings);

  std::vector<std::string_view> pieces{cover};
  for (const auto& letter : letters) pieces.emplace_back(letter.pdf);
  return print::assembleMailRoomFile(pieces);
}

}  // namespace paraph::document
