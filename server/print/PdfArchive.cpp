#include "print/PdfArchive.h"

#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4
#endif

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEFStreamObjectHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/QUtil.hh>

#include <set>
#include <stdexcept>

#include "print/SignatureAppearance.h"

namespace paraph::print {
namespace {

// Where the mention goes on the last page: under the running footer, aligned with the
// page's left margin (styles/print.css: 25 mm), in the bottom margin where nothing is printed.
constexpr double kMentionLeft = 70.5;
constexpr double kMentionBottom = 14;
constexpr double kMentionFontSize = 7;

// Actions PDF/A-3 (ISO 19005-3, 6.6.1) forbids; URI, GoTo, GoToR, Named and the like stay.
const std::set<std::string> kForbiddenActions{"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData",
                                              "/JavaScript", "/Hide", "/SetOCGState", "/Rendition",
                                              "/Trans", "/GoTo3DView", "/SubmitForm"};

std::string xmlEscaped(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      default: escaped += c;
    }
  }
  return escaped;
}

// "D:20261202130327+00'00'" -> "2026-12-02T13:03:27+00:00" (XMP dates are ISO 8601).
std::string xmpDate(const std::string& pdfDate) {
  std::string date = pdfDate.starts_with("D:") ? pdfDate.substr(2) : pdfDate;
  if (date.size() < 14) return {};
  std::string iso = date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2) + "T" + date.substr(8, 2) +
                    ":" + date.substr(10, 2) + ":" + date.substr(12, 2);
  const std::string zone = date.substr(14);
  if (zone.empty() || zone[0] == 'Z') return iso + "Z";
  if ((zone[0] == '+' || zone[0] == '-') && zone.size() >= 6) return iso + zone.substr(0, 3) + ":" + zone.substr(4, 2);
  return iso + "Z";
}

std::string utf8Text(QPDFObjectHandle value) { return value.isString() ? value.getUTF8Value() : std::string(); }

// The XMP packet: PDF/A identification, PDF/UA identification (with the extension schema
// PDF/A requires for a schema it does not predefine), and the Info values in their XMP form.
std::string xmpPacket(QPDFObjectHandle info, const std::vector<std::string>& languages, bool tagged) {
  const std::string title = utf8Text(info.getKey("/Title"));
  const std::string author = utf8Text(info.getKey("/Author"));
  const std::string subject = utf8Text(info.getKey("/Subject"));
  const std::string keywords = utf8Text(info.getKey("/Keywords"));
  const std::string producer = utf8Text(info.getKey("/Producer"));
  const std::string creator = utf8Text(info.getKey("/Creator"));
  const std::string created = xmpDate(utf8Text(info.getKey("/CreationDate")));
  const std::string modified = xmpDate(utf8Text(info.getKey("/ModDate")));
  const std::string defaultLanguage = languages.empty() ? "x-default" : languages.front();
  std::string xmp =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\"\n"
      "  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
      "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
      "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "  xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
      "  xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
      "  xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n";
  xmp += "  <pdfaid:part>" + std::to_string(kPdfAPart) + "</pdfaid:part>\n";
  xmp += std::string("  <pdfaid:conformance>") + kPdfAConformance + "</pdfaid:conformance>\n";
  // PDF/UA is claimed only for a tagged file (Chromium's); wkhtmltopdf's PDFs have no tags.
  if (tagged) xmp += "  <pdfuaid:part>" + std::to_string(kPdfUAPart) + "</pdfuaid:part>\n";
  xmp += "  <dc:format>application/pdf</dc:format>\n";
  if (!title.empty()) {
    xmp += "  <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscaped(title) + "</rdf:li></rdf:Alt></dc:title>\n";
  }
  if (!author.empty()) xmp += "  <dc:creator><rdf:Seq><rdf:li>" + xmlEscaped(author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!subject.empty()) {
    xmp += "  <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscaped(subject) +
           "</rdf:li></rdf:Alt></dc:description>\n";
  }
  if (!languages.empty()) {
    xmp += "  <dc:language><rdf:Bag>";
    for (const auto& language : languages) xmp += "<rdf:li>" + xmlEscaped(language) + "</rdf:li>";
    xmp += "</rdf:Bag></dc:language>\n";
  }
  if (!keywords.empty()) xmp += "  <pdf:Keywords>" + xmlEscaped(keywords) + "</pdf:Keywords>\n";
  if (!producer.empty()) xmp += "  <pdf:Producer>" + xmlEscaped(producer) + "</pdf:Producer>\n";
  if (!creator.empty()) xmp += "  <xmp:CreatorTool>" + xmlEscaped(creator) + "</xmp:CreatorTool>\n";
  if (!created.empty()) xmp += "  <xmp:CreateDate>" + created + "</xmp:CreateDate>\n";
  if (!modified.empty()) {
    xmp += "  <xmp:ModifyDate>" + modified + "</xmp:ModifyDate>\n";
    xmp += "  <xmp:MetadataDate>" + modified + "</xmp:MetadataDate>\n";
  }
  if (tagged) {
    xmp +=
      "  <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
      "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
      "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
      "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
      "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
      "      <pdfaProperty:name>part</pdfaProperty:name>\n"
      "      <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
      "      <pdfaProperty:category>internal</pdfaProperty:category>\n"
      "      <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
      "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
      "  </rdf:li></rdf:Bag></pdfaExtension:schemas>\n";
  }
  xmp +=
      "</rdf:Description>\n"
      "</rdf:RDF>\n"
      "</x:xmpmeta>\n";
  // Room for an in-place metadata edit, as the XMP specification recommends.
  xmp += std::string(2048, ' ') + "\n<?xpacket end=\"w\"?>";
  return xmp;
}

void removeForbiddenAction(QPDFObjectHandle holder, const std::string& key) {
  QPDFObjectHandle action = holder.getKey(key);
  if (action.isDictionary() && kForbiddenActions.contains(action.getKey("/S").unparse())) holder.removeKey(key);
}

// No JavaScript, no launch or form-submission actions, no additional actions (PDF/A-3 6.6).
void removeForbiddenActions(QPDF& document) {
  QPDFObjectHandle catalog = document.getRoot();
  catalog.removeKey("/AA");
  removeForbiddenAction(catalog, "/OpenAction");
  QPDFObjectHandle names = catalog.getKey("/Names");
  if (names.isDictionary()) names.removeKey("/JavaScript");
  for (auto& page : QPDFPageDocumentHelper(document).getAllPages()) {
    QPDFObjectHandle pageObject = page.getObjectHandle();
    pageObject.removeKey("/AA");
    QPDFObjectHandle annotations = pageObject.getKey("/Annots");
    if (!annotations.isArray()) continue;
    for (int i = 0; i < annotations.getArrayNItems(); ++i) {
      QPDFObjectHandle annotation = annotations.getArrayItem(i);
      if (!annotation.isDictionary()) continue;
      annotation.removeKey("/AA");
      removeForbiddenAction(annotation, "/A");
      // Every annotation printed (PDF/A-3 6.3.2): the Print flag on, Hidden/NoView off.
      const long long flags = annotation.getKey("/F").isInteger() ? annotation.getKey("/F").getIntValue() : 0;
      annotation.replaceKey("/F", QPDFObjectHandle::newInteger((flags | 4) & ~(1LL | 2LL | 32LL)));
    }
    // PDF/UA-1 7.18.3: a page with annotations orders them by the structure.
    if (annotations.getArrayNItems() > 0) pageObject.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
  }
}

void addOutputIntent(QPDF& document, const std::string& iccProfile) {
  QPDFObjectHandle profile = document.makeIndirectObject(QPDFObjectHandle::newStream(&document, iccProfile));
  profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
  QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
  intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
  intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFA1"));
  intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString("sRGB IEC61966-2.1"));
  intent.replaceKey("/Info", QPDFObjectHandle::newString("sRGB IEC61966-2.1"));
  intent.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
  intent.replaceKey("/DestOutputProfile", profile);
  QPDFObjectHandle intents = QPDFObjectHandle::newArray();
  intents.appendItem(document.makeIndirectObject(intent));
  document.getRoot().replaceKey("/OutputIntents", intents);
}

// The source XML as an associated file of the document (PDF/A-3 6.8, ISO 32000-2 14.13).
void attachSource(QPDF& document, const PdfArchiveInput& input) {
  auto stream = QPDFEFStreamObjectHelper::createEFStream(document, input.sourceXml);  // sets /Size and MD5 /CheckSum
  stream.setSubtype("application/xml");
  if (!input.modificationDate.empty()) stream.setModDate(input.modificationDate);
  auto fileSpec = QPDFFileSpecObjectHelper::createFileSpec(document, input.sourceFileName, stream);
  fileSpec.setDescription("Source XML of this document (paraph input)");
  QPDFObjectHandle specObject = fileSpec.getObjectHandle();
  if (!specObject.isIndirect()) specObject = document.makeIndirectObject(specObject);
  specObject.replaceKey("/AFRelationship", QPDFObjectHandle::newName("/Source"));
  QPDFEmbeddedFileDocumentHelper(document).replaceEmbeddedFile(input.sourceFileName, QPDFFileSpecObjectHelper(specObject));
  QPDFObjectHandle associated = QPDFObjectHandle::newArray();
  associated.appendItem(specObject);
  document.getRoot().replaceKey("/AF", associated);
}

void addMetadata(QPDF& document, const std::vector<std::string>& languages) {
  QPDFObjectHandle catalog = document.getRoot();
  QPDFObjectHandle markInfo = catalog.getKey("/MarkInfo");
  const bool tagged = catalog.getKey("/StructTreeRoot").isDictionary() && markInfo.isDictionary() &&
                      markInfo.getKey("/Marked").isBool() && markInfo.getKey("/Marked").getBoolValue();
  QPDFObjectHandle metadata = document.makeIndirectObject(
      QPDFObjectHandle::newStream(&document, xmpPacket(document.getTrailer().getKey("/Info"), languages, tagged)));
  metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
  metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
  document.getRoot().replaceKey("/Metadata", metadata);
}

// Adds `element` as the last child of the structure tree's top element (Document).
void appendToStructureTree(QPDFObjectHandle structTreeRoot, QPDFObjectHandle element) {
  QPDFObjectHandle top = structTreeRoot.getKey("/K");
  if (top.isArray()) top = top.getArrayNItems() > 0 ? top.getArrayItem(top.getArrayNItems() - 1) : QPDFObjectHandle::newNull();
  QPDFObjectHandle parent = top.isDictionary() ? top : structTreeRoot;
  element.replaceKey("/P", parent);
  QPDFObjectHandle kids = parent.getKey("/K");
  if (!kids.isArray()) {
    QPDFObjectHandle array = QPDFObjectHandle::newArray();
    if (!kids.isNull()) array.appendItem(kids);
    kids = array;
    parent.replaceKey("/K", kids);
  }
  kids.appendItem(element);
}

// An unsigned signature field on the last page, its widget tagged as a /Form element with its
// mention as /TU (PDF/UA-1 7.18.4), reachable from the parent tree.
void addSignatureField(QPDF& document, const SignatureFieldRequest& request) {
  auto pages = QPDFPageDocumentHelper(document).getAllPages();
  if (pages.empty()) throw std::runtime_error("the PDF has no page");
  QPDFObjectHandle page = pages.back().getObjectHandle();
  std::string mention;
  for (const auto& line : request.mentionLines) mention += (mention.empty() ? "" : " / ") + line;

  QPDFObjectHandle widget = document.makeIndirectObject(QPDFObjectHandle::newDictionary());
  widget.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
  widget.replaceKey("/Subtype", QPDFObjectHandle::newName("/Widget"));
  widget.replaceKey("/FT", QPDFObjectHandle::newName("/Sig"));
  widget.replaceKey("/T", QPDFObjectHandle::newUnicodeString(request.fieldName));
  widget.replaceKey("/TU", QPDFObjectHandle::newUnicodeString(mention));
  widget.replaceKey("/F", QPDFObjectHandle::newInteger(4));  // Print
  widget.replaceKey("/P", page);
  const auto appearance = makeSignatureAppearance(document, page, request.mentionLines, kMentionFontSize);
  QPDFObjectHandle rectangle = QPDFObjectHandle::newArray();
  if (appearance) {
    for (double value : {kMentionLeft, kMentionBottom, kMentionLeft + appearance->width, kMentionBottom + appearance->height}) {
      rectangle.appendItem(QPDFObjectHandle::newReal(value, 2));
    }
  } else {
    for (int i = 0; i < 4; ++i) rectangle.appendItem(QPDFObjectHandle::newInteger(0));
  }
  widget.replaceKey("/Rect", rectangle);
  QPDFObjectHandle appearanceStream = appearance ? appearance->formXObject
                                                 : document.makeIndirectObject(QPDFObjectHandle::newStream(&document, ""));
  if (!appearance) {
    appearanceStream.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
    appearanceStream.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
    appearanceStream.getDict().replaceKey("/BBox", QPDFObjectHandle::parse("[0 0 0 0]"));
  }
  QPDFObjectHandle appearances = QPDFObjectHandle::newDictionary();
  appearances.replaceKey("/N", appearanceStream);
  widget.replaceKey("/AP", appearances);

  QPDFObjectHandle annotations = page.getKey("/Annots");
  if (!annotations.isArray()) {
    annotations = QPDFObjectHandle::newArray();
    page.replaceKey("/Annots", annotations);
  }
  annotations.appendItem(widget);
  page.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));

  QPDFObjectHandle form = QPDFObjectHandle::newDictionary();
  QPDFObjectHandle fields = QPDFObjectHandle::newArray();
  fields.appendItem(widget);
  form.replaceKey("/Fields", fields);
  form.replaceKey("/SigFlags", QPDFObjectHandle::newInteger(3));  // signatures exist, append only
  document.getRoot().replaceKey("/AcroForm", form);

  QPDFObjectHandle structTreeRoot = document.getRoot().getKey("/StructTreeRoot");
  if (!structTreeRoot.isDictionary()) return;  // an untagged PDF (wkhtmltopdf): nothing to tag
  QPDFObjectHandle element = document.makeIndirectObject(QPDFObjectHandle::newDictionary());
  element.replaceKey("/Type", QPDFObjectHandle::newName("/StructElem"));
  element.replaceKey("/S", QPDFObjectHandle::newName("/Form"));
  element.replaceKey("/Pg", page);
  element.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(mention));
  QPDFObjectHandle reference = QPDFObjectHandle::newDictionary();
  reference.replaceKey("/Type", QPDFObjectHandle::newName("/OBJR"));
  reference.replaceKey("/Obj", widget);
  reference.replaceKey("/Pg", page);
  element.replaceKey("/K", reference);
  appendToStructureTree(structTreeRoot, element);

  QPDFObjectHandle parentTree = structTreeRoot.getKey("/ParentTree");
  if (!parentTree.isDictionary()) {
    parentTree = document.makeIndirectObject(QPDFObjectHandle::parse("<< /Nums [] >>"));
    structTreeRoot.replaceKey("/ParentTree", parentTree);
  }
  QPDFNumberTreeObjectHelper tree(parentTree, document);
  long long key = structTreeRoot.getKey("/ParentTreeNextKey").isInteger() ? structTreeRoot.getKey("/ParentTreeNextKey").getIntValue() : 0;
  for (const auto& entry : tree) key = std::max(key, entry.first + 1);
  tree.insert(key, element);
  structTreeRoot.replaceKey("/ParentTreeNextKey", QPDFObjectHandle::newInteger(key + 1));
  widget.replaceKey("/StructParent", QPDFObjectHandle::newInteger(key));
}

}  // namespace

std::string makePdfA(const std::string& pdf, const PdfArchiveInput& input, const std::string& iccProfile,
                     const SignatureFieldRequest* field) {
  QPDF document;
  document.setSuppressWarnings(true);
  document.processMemoryFile("printed PDF", pdf.data(), pdf.size());
  if (document.isEncrypted()) throw std::runtime_error("an encrypted PDF cannot be made PDF/A");

  QPDFObjectHandle trailer = document.getTrailer();
  QPDFObjectHandle info = trailer.getKey("/Info");
  if (!info.isDictionary()) {
    info = document.makeIndirectObject(QPDFObjectHandle::newDictionary());
    trailer.replaceKey("/Info", info);
  }
  if (!input.title.empty()) info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(input.title));
  if (!input.modificationDate.empty()) {
    info.replaceKey("/ModDate", QPDFObjectHandle::newString(input.modificationDate));
    if (!info.getKey("/CreationDate").isString()) info.replaceKey("/CreationDate", QPDFObjectHandle::newString(input.modificationDate));
  }
  // Info entries PDF/A-3 has no XMP counterpart for are dropped rather than left inconsistent.
  info.removeKey("/Trapped");

  QPDFObjectHandle catalog = document.getRoot();
  if (!input.languages.empty() && !catalog.getKey("/Lang").isString()) {
    catalog.replaceKey("/Lang", QPDFObjectHandle::newString(input.languages.front()));
  }
  QPDFObjectHandle preferences = catalog.getKey("/ViewerPreferences");
  if (!preferences.isDictionary()) {
    preferences = QPDFObjectHandle::newDictionary();
    catalog.replaceKey("/ViewerPreferences", preferences);
  }
  preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));

  // Chromium tags bold and emphasis as /Strong and /Em, ISO 32000-2 types that PDF 1.7 (the
  // base of PDF/A-3 and PDF/UA-1) does not define: role-mapped to the standard /Span.
  QPDFObjectHandle structTreeRoot = catalog.getKey("/StructTreeRoot");
  if (structTreeRoot.isDictionary()) {
    QPDFObjectHandle roleMap = structTreeRoot.getKey("/RoleMap");
    if (!roleMap.isDictionary()) {
      roleMap = QPDFObjectHandle::newDictionary();
      structTreeRoot.replaceKey("/RoleMap", roleMap);
    }
    for (const char* type : {"/Strong", "/Em"}) {
      if (!roleMap.hasKey(type)) roleMap.replaceKey(type, QPDFObjectHandle::newName("/Span"));
    }
  }
  removeForbiddenActions(document);
  addOutputIntent(document, iccProfile);
  if (!input.sourceXml.empty()) attachSource(document, input);
  if (field != nullptr) addSignatureField(document, *field);
  addMetadata(document, input.languages);

  QPDFWriter writer(document);
  writer.setOutputMemory();
  writer.setMinimumPDFVersion("1.7");  // PDF/A-3 is based on ISO 32000-1 (PDF 1.7)
  // A classic cross-reference table, so the signature's incremental update can append one.
  writer.setObjectStreamMode(qpdf_o_disable);
  writer.setDeterministicID(true);
  writer.write();
  const auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace paraph::print
