#include "publication/AtomFeed.h"

#include <cstdint>
#include <new>
#include <stdexcept>
#include <string_view>

#include "publication/Embargo.h"
#include "xml/Escape.h"
#include "xml/TreeBuilding.h"
#include "xml/XmlPtr.h"

namespace paraph::publication {
namespace {

using l10n::Lang;
using xml::newElement;
using xml::xmlChars;

constexpr const char* kAtomNamespace = "http://www.w3.org/2005/Atom";
// paraph's one extension element, <paraph:version>: the version number an entry shows.
constexpr const char* kFeedNamespace = "https://paraph.inami.fgov.be/ns/feed/1";
// The scheme of the entries' categories: paraph's document type names (catalog/doctypes.xml).
constexpr const char* kDocumentTypeScheme = "https://paraph.inami.fgov.be/ns/document-type";
// tag: URIs (RFC 4151) need a domain the institution owns and a date it owned it on; they
// never change, whatever host, port or scheme serves the feed.
constexpr std::string_view kTagPrefix = "tag:inami.fgov.be,2026:paraph/";
constexpr const char* kEpoch = "1970-01-01T00:00:00Z";

// The feed's own words. They are not in catalog/l10n because publication does not depend on
// the pipeline's TextCatalog, and no stylesheet needs them.
struct FeedWords {
  const char* xmlLang;  // "mul": the bilingual feed is in several languages (ISO 639-2)
  const char* title;
  const char* subtitle;
  const char* authorName;
  const char* authorUri;
};

constexpr FeedWords kFrench{"fr-BE", "INAMI – Documents publiés",
                            "Les circulaires, conventions, communiqués de presse et autres documents publiés "
                            "par l'INAMI, en français.",
                            "INAMI – Institut national d'assurance maladie-invalidité", "https://www.inami.fgov.be"};
constexpr FeedWords kDutch{"nl-BE", "RIZIV – Gepubliceerde documenten",
                           "De omzendbrieven, overeenkomsten, persberichten en andere documenten die het RIZIV "
                           "publiceert, in het Nederlands.",
                           "RIZIV – Rijksinstituut voor ziekte- en invaliditeitsverzekering",
                           "https://www.riziv.fgov.be"};
constexpr FeedWords kBilingual{"mul", "INAMI – Documents publiés / RIZIV – Gepubliceerde documenten",
                               "Les documents publiés par l'INAMI, en français et en néerlandais. / De documenten die "
                               "het RIZIV publiceert, in het Nederlands en in het Frans.",
                               "INAMI – RIZIV", "https://www.inami.fgov.be"};

const FeedWords& wordsFor(const std::optional<Lang>& lang) {
  if (!lang) return kBilingual;
  return *lang == Lang::fr ? kFrench : kDutch;
}

// hreflang of the feed's link to the website: none for the bilingual feed.
std::string hreflangOf(const std::optional<Lang>& lang) { return lang ? std::string(l10n::bcp47(*lang)) : ""; }

char hexDigit(unsigned value) { return "0123456789ABCDEF"[value & 0xF]; }

// A server-relative path as an IRI path: characters that IRIs never allow (spaces,
// controls, quotes, angle brackets…) are percent-encoded, the rest (slashes, %-escapes,
// a query, non-ASCII letters) kept as the handler built them.
std::string iriPath(const std::string& path) {
  static constexpr std::string_view kNeverInIri = "\"<>\\^`{|}";
  std::string encoded;
  for (const char character : path) {
    const auto byte = static_cast<unsigned char>(character);
    const bool forbidden = byte <= 0x20 || byte == 0x7F || kNeverInIri.find(character) != std::string_view::npos;
    encoded += forbidden ? std::string{'%', hexDigit(byte >> 4U), hexDigit(byte)} : std::string(1, character);
  }
  return encoded;
}

std::string checkedBaseUrl(std::string baseUrl) {
  while (!baseUrl.empty() && baseUrl.back() == '/') baseUrl.pop_back();
  const bool http = baseUrl.starts_with("http://") && baseUrl.size() > 7;
  const bool https = baseUrl.starts_with("https://") && baseUrl.size() > 8;
  const std::string_view host = std::string_view(baseUrl).substr(http ? 7 : 8);
  if ((!http && !https) || host.find_first_of("/?#\"<> ") != std::string_view::npos) {
    throw std::invalid_argument("feed base URL '" + baseUrl + "' is not scheme://host[:port] (http or https)");
  }
  return baseUrl;
}

// Builds the tree: owns the document and the two namespaces every element uses.
class FeedBuilder {
 public:
  explicit FeedBuilder(std::string baseUrl) : baseUrl_(std::move(baseUrl)), document_(xmlNewDoc(BAD_CAST "1.0")) {
    if (!document_) throw std::bad_alloc();
    root_ = xmlNewDocNode(document_.get(), nullptr, BAD_CAST "feed", nullptr);
    if (root_ == nullptr) throw std::bad_alloc();
    xmlDocSetRootElement(document_.get(), root_);
    atom_ = xmlNewNs(root_, BAD_CAST kAtomNamespace, nullptr);
    paraph_ = xmlNewNs(root_, BAD_CAST kFeedNamespace, BAD_CAST "paraph");
    if (atom_ == nullptr || paraph_ == nullptr) throw std::bad_alloc();
    xmlSetNs(root_, atom_);
  }

  xmlNode* root() const { return root_; }
  xmlNs* paraphNamespace() const { return paraph_; }

  xmlNode* element(xmlNode* parent, const char* name) { return newElement(parent, atom_, name); }

  // <name>text</name>: the text node holds the characters as they are; the serialiser
  // escapes them.
  xmlNode* textElement(xmlNode* parent, const char* name, const std::string& text, xmlNs* ns = nullptr) {
    xmlNode* node = newElement(parent, ns != nullptr ? ns : atom_, name);
    xmlNode* content = xmlNewDocText(document_.get(), xmlChars(xml::xmlSafeText(text)));
    if (content == nullptr) throw std::bad_alloc();
    xmlAddChild(node, content);
    return node;
  }

  // A plain-text construct (title, subtitle, summary), optionally with its own xml:lang.
  void plainText(xmlNode* parent, const char* name, const std::string& text, const char* xmlLang = nullptr) {
    xmlNode* node = textElement(parent, name, text);
    setAttribute(node, "type", "text");
    if (xmlLang != nullptr) xmlNodeSetLang(node, BAD_CAST xmlLang);
  }

  void setAttribute(xmlNode* node, const char* name, const std::string& value) {
    // xmlNewProp keeps the value as text (no entity parsing); the serialiser escapes it.
    if (xmlNewProp(node, BAD_CAST name, xmlChars(xml::xmlSafeText(value))) == nullptr) throw std::bad_alloc();
  }

  void link(xmlNode* parent, const char* rel, const char* type, const std::string& href,
            const std::string& hreflang = {}) {
    xmlNode* node = element(parent, "link");
    setAttribute(node, "rel", rel);
    setAttribute(node, "type", type);
    if (!hreflang.empty()) setAttribute(node, "hreflang", hreflang);
    setAttribute(node, "href", href);
  }

  // An absolute IRI for a server-relative path.
  std::string absolute(const std::string& path, const std::string& field) const {
    if (!path.starts_with('/')) {
      throw std::invalid_argument(field + " '" + path + "' is not a server-relative path starting with '/'");
    }
    return baseUrl_ + iriPath(path);
  }

  // Indented: a person reading the feed, or a diff of two, sees one element a line.
  std::string serialize() const { return xml::serializedDocument(document_.get(), true); }

 private:
  std::string baseUrl_;
  xml::DocPtr document_;
  xmlNode* root_ = nullptr;
  xmlNs* atom_ = nullptr;
  xmlNs* paraph_ = nullptr;
};

// An RFC 3339 date as Atom's date construct wants it, or an error naming the field.
std::string atomDate(const std::string& text, const std::string& field) {
  try {
    return toRfc3339Utc(fromRfc3339Utc(text));
  } catch (const std::invalid_argument& error) {
    throw std::invalid_argument(field + ": " + error.what());
  }
}

std::string pageUrl(const FeedBuilder& builder, const FeedPage& page, std::int64_t number) {
  const std::string url = builder.absolute(page.feedPath, "feed path");
  return number <= 1 ? url : url + "?page=" + std::to_string(number);
}

void addEntry(FeedBuilder& builder, const FeedEntry& entry) {
  const std::string name =
      "entry " + entry.documentType + "/" + entry.documentId + "/" + std::string(l10n::code(entry.lang));
  if (entry.documentId.empty() || entry.documentType.empty()) {
    throw std::invalid_argument(name + ": the document id and type are required");
  }
  if (entry.htmlPath.empty()) {
    throw std::invalid_argument(name + ": htmlPath is required (an entry without content needs an alternate link)");
  }
  const std::string hreflang(l10n::bcp47(entry.lang));
  xmlNode* node = builder.element(builder.root(), "entry");
  xmlNodeSetLang(node, xmlChars(hreflang));
  builder.textElement(node, "id", entryId(entry.documentType, entry.documentId, entry.lang));
  builder.plainText(node, "title", entry.title.empty() ? entry.documentId : entry.title, hreflang.c_str());
  if (!entry.summary.empty()) builder.plainText(node, "summary", entry.summary, hreflang.c_str());
  builder.textElement(node, "published", atomDate(entry.published, name + " published"));
  builder.textElement(node, "updated", atomDate(entry.updated, name + " updated"));

  xmlNode* category = builder.element(node, "category");
  builder.setAttribute(category, "term", entry.documentType);
  builder.setAttribute(category, "scheme", kDocumentTypeScheme);
  if (!entry.typeLabel.empty()) builder.setAttribute(category, "label", entry.typeLabel);

  // Several alternates are allowed as long as no two share both type and hreflang.
  builder.link(node, "alternate", "text/html", builder.absolute(entry.htmlPath, name + " htmlPath"), hreflang);
  if (!entry.pdfPath.empty()) {
    builder.link(node, "alternate", "application/pdf", builder.absolute(entry.pdfPath, name + " pdfPath"), hreflang);
  }
  if (!entry.otherLanguageEntryPath.empty()) {
    builder.link(node, "alternate", "text/html",
                 builder.absolute(entry.otherLanguageEntryPath, name + " otherLanguageEntryPath"),
                 std::string(l10n::bcp47(l10n::other(entry.lang))));
  }
  if (entry.version > 0) {
    builder.textElement(node, "version", std::to_string(entry.version), builder.paraphNamespace());
  }
}

}  // namespace

std::string feedId(const std::optional<Lang>& lang) {
  std::string id = std::string(kTagPrefix) + "feed";
  if (lang) id += "/" + std::string(l10n::code(*lang));
  return id;
}

std::string entryId(const std::string& documentType, const std::string& documentId, Lang lang) {
  // Everything but RFC 3986's unreserved characters is percent-encoded, so an odd document id
  // still makes a valid, stable id.
  return std::string(kTagPrefix) + xml::percentEncoded(documentType) + "/" + xml::percentEncoded(documentId) + "/" +
         std::string(l10n::code(lang));
}

std::string renderAtom(const FeedPage& page) {
  if (page.page < 1) throw std::invalid_argument("feed page " + std::to_string(page.page) + " is not 1 or more");
  FeedBuilder builder(checkedBaseUrl(page.baseUrl));
  const FeedWords& words = wordsFor(page.lang);
  xmlNode* feed = builder.root();
  xmlNodeSetLang(feed, BAD_CAST words.xmlLang);

  builder.textElement(feed, "id", feedId(page.lang));
  builder.plainText(feed, "title", words.title);
  builder.plainText(feed, "subtitle", words.subtitle);
  std::string updated = page.updated;
  if (updated.empty()) updated = page.entries.empty() ? kEpoch : page.entries.front().updated;
  builder.textElement(feed, "updated", atomDate(updated, "feed updated"));

  xmlNode* author = builder.element(feed, "author");
  builder.textElement(author, "name", words.authorName);
  builder.textElement(author, "uri", words.authorUri);
  xmlNode* generator = builder.textElement(feed, "generator", "paraph");
  builder.setAttribute(generator, "version", PARAPH_VERSION);

  // RFC 5005 §3: a paged feed links each page to the first, previous and next ones; the
  // first page has no previous, the last no next. "self" names this very page.
  constexpr const char* kAtomType = "application/atom+xml";
  builder.link(feed, "self", kAtomType, pageUrl(builder, page, page.page));
  builder.link(feed, "first", kAtomType, pageUrl(builder, page, 1));
  if (page.page > 1) builder.link(feed, "previous", kAtomType, pageUrl(builder, page, page.page - 1));
  if (page.hasNext) builder.link(feed, "next", kAtomType, pageUrl(builder, page, std::int64_t{page.page} + 1));
  builder.link(feed, "alternate", "text/html", builder.absolute("/", "site root"), hreflangOf(page.lang));
  // WebSub §4: the hub subscribers ask to be told of this feed's changes.
  if (!page.hubPath.empty()) {
    xmlNode* hub = builder.element(feed, "link");
    builder.setAttribute(hub, "rel", "hub");
    builder.setAttribute(hub, "href", builder.absolute(page.hubPath, "hubPath"));
  }

  for (const FeedEntry& entry : page.entries) addEntry(builder, entry);
  return builder.serialize();
}

}  // namespace paraph::publication
