#include "document/Batch.h"

#include <Poco/MemoryStream.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipException.h>
#include <Poco/Zip/ZipStream.h>
#include <libxml/tree.h>

#include <algorithm>
#include <exception>
#include <limits>

#include "xml/ResourceCatalog.h"
#include "xml/Sha256.h"
#include "xml/XPath.h"

namespace paraph::document {
namespace {

constexpr const char* kEnvelopeNamespace = "https://paraph.inami.fgov.be/ns/batch/1";
constexpr const char* kEnvelopeSchema = "https://paraph.inami.fgov.be/schemas/batch.xsd";

[[noreturn]] void refuse(const std::string& sourceName, int line, int column, const std::string& message) {
  throw xml::InvalidInput({xml::Diagnostic{sourceName, line, column, "", message, "batch", {}, {}}});
}

std::filesystem::path envelopeSchemaFile() {
  const auto path = xml::ResourceCatalog::resolve(kEnvelopeSchema);
  if (!path) throw std::runtime_error(std::string("the XML catalog does not resolve ") + kEnvelopeSchema);
  return *path;
}

bool isZip(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

bool endsWithXml(const std::string& name) {
  if (name.size() < 4) return false;
  std::string tail = name.substr(name.size() - 4);
  std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == ".xml";
}

// One element of the envelope as a document of its own: copied into a new tree, so the
// namespaces it uses are declared on it even when the envelope declared them, and written
// without an XML declaration, so its line 1 is the envelope's line of its start tag.
std::string standaloneBytes(xmlNode* element) {
  xml::DocPtr single(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
  if (!single) throw std::bad_alloc();
  xmlNode* copy = xmlDocCopyNode(element, single.get(), 1);
  if (copy == nullptr) throw std::bad_alloc();
  xmlDocSetRootElement(single.get(), copy);
  xmlReconciliateNs(single.get(), copy);
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(), &xmlBufferFree);
  if (!buffer) throw std::bad_alloc();
  if (xmlNodeDump(buffer.get(), single.get(), copy, 0, 0) < 0) throw std::runtime_error("cannot write a batch record");
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                     static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

}  // namespace

std::vector<xml::Diagnostic> BatchRecord::placed(std::vector<xml::Diagnostic> diagnostics) const {
  for (auto& diagnostic : diagnostics) {
    diagnostic.file = sourceName;
    if (diagnostic.line <= 0) continue;
    if (diagnostic.line == 1) diagnostic.column += firstColumn - 1;
    diagnostic.line += firstLine - 1;
  }
  return diagnostics;
}

BatchReader::BatchReader(const pipeline::Home&, xml::ParseLimits documentLimits, BatchLimits limits)
    : documentLimits_(documentLimits), limits_(limits), envelopeSchema_(envelopeSchemaFile()) {}

Batch BatchReader::read(std::string_view bytes, const std::string& sourceName) const {
  if (bytes.size() > limits_.maxBatchBytes) {
    refuse(sourceName, 0, 0,
           "the batch is " + std::to_string(bytes.size()) + " bytes; the limit is " + std::to_string(limits_.maxBatchBytes) +
               " bytes (setting batch.max_bytes)");
  }
  Batch batch = isZip(bytes) ? readZip(bytes, sourceName) : readEnvelope(bytes, sourceName);
  if (batch.records.empty()) refuse(sourceName, 0, 0, "the batch holds no document");
  if (batch.id.empty()) batch.id = "batch-" + xml::sha256Hex(bytes).substr(0, 16);
  return batch;
}

Batch BatchReader::readEnvelope(std::string_view bytes, const std::string& sourceName) const {
  xml::ParseLimits envelopeLimits = documentLimits_;
  envelopeLimits.maxDocumentBytes = limits_.maxBatchBytes;
  envelopeLimits.maxDepth = documentLimits_.maxDepth + 1;  // the documents sit one level down
  const xml::ParsedDocument parsed = xml::parseUntrusted(bytes, sourceName, envelopeLimits);
  xmlNode* root = xmlDocGetRootElement(parsed.document.get());
  if (root == nullptr || root->ns == nullptr ||
      std::string_view(reinterpret_cast<const char*>(root->ns->href)) != kEnvelopeNamespace ||
      std::string_view(reinterpret_cast<const char*>(root->name)) != "batch") {
    refuse(sourceName, root ? static_cast<int>(xmlGetLineNo(root)) : 0, root ? parsed.columnOf(root) : 0,
           std::string("a batch is a ZIP of XML files or a <batch xmlns=\"") + kEnvelopeNamespace +
               "\"> envelope (docs/batch.md)");
  }
  if (auto problems = envelopeSchema_.validate(parsed); !problems.empty()) throw xml::InvalidInput(std::move(problems));

  Batch batch;
  batch.id = xml::attribute(root, "id");
  for (xmlNode* element : xml::childElements(root)) {
    if (batch.records.size() == limits_.maxRecords) {
      refuse(sourceName, static_cast<int>(xmlGetLineNo(element)), parsed.columnOf(element),
             "the batch holds more than " + std::to_string(limits_.maxRecords) + " documents (setting batch.max_records)");
    }
    BatchRecord record;
    record.position = static_cast<int>(batch.records.size()) + 1;
    record.place = sourceName + ", document " + std::to_string(record.position);
    record.sourceName = sourceName;
    record.firstLine = static_cast<int>(xmlGetLineNo(element));
    record.firstColumn = parsed.columnOf(element);
    record.declaredId = xml::attribute(element, "id");
    record.declaredRoot = reinterpret_cast<const char*>(element->name);
    record.bytes = standaloneBytes(element);
    batch.records.push_back(std::move(record));
  }
  return batch;
}

Batch BatchReader::readZip(std::string_view bytes, const std::string& sourceName) const {
  Poco::MemoryInputStream in(bytes.data(), bytes.size());
  std::unique_ptr<Poco::Zip::ZipArchive> archive;
  try {
    archive = std::make_unique<Poco::Zip::ZipArchive>(in);
  } catch (const Poco::Exception& error) {
    refuse(sourceName, 0, 0, "the ZIP file cannot be read: " + error.displayText());
  }
  Batch batch;
  std::size_t uncompressed = 0;
  // Entries in the order of their names (ZipArchive keeps them sorted): the batch's order.
  for (auto entry = archive->headerBegin(); entry != archive->headerEnd(); ++entry) {
    const auto& header = entry->second;
    if (header.isDirectory()) continue;
    const std::string name = header.getFileName();
    if (batch.records.size() == limits_.maxRecords) {
      refuse(sourceName, 0, 0, "the batch holds more than " + std::to_string(limits_.maxRecords) +
                                   " documents (setting batch.max_records)");
    }
    BatchRecord record;
    record.position = static_cast<int>(batch.records.size()) + 1;
    record.place = sourceName + ": " + name;
    record.sourceName = name;
    if (!endsWithXml(name)) {
      record.unreadable = "not an XML file: only the ZIP's .xml entries are documents";
      batch.records.push_back(std::move(record));
      continue;
    }
    try {
      in.clear();
      Poco::Zip::ZipInputStream entryStream(in, header, true);
      // Counted while inflating, whatever the header claims: a small ZIP must not grow into
      // gigabytes of documents.
      const std::size_t budget = std::min(limits_.maxUncompressedBytes - uncompressed, documentLimits_.maxDocumentBytes);
      char chunk[64 * 1024];
      while (entryStream) {
        entryStream.read(chunk, sizeof chunk);
        record.bytes.append(chunk, static_cast<std::size_t>(entryStream.gcount()));
        if (record.bytes.size() > budget) break;
      }
      if (record.bytes.size() > budget) {
        if (uncompressed + record.bytes.size() > limits_.maxUncompressedBytes) {
          refuse(sourceName, 0, 0, "the ZIP's documents together exceed " + std::to_string(limits_.maxUncompressedBytes) +
                                       " bytes (setting batch.max_uncompressed_bytes)");
        }
        // One document over parse.max_document_bytes: the document service reports it.
      }
      uncompressed += record.bytes.size();
    } catch (const Poco::Exception& error) {
      refuse(sourceName, 0, 0, "the ZIP entry " + name + " cannot be read: " + error.displayText());
    }
    batch.records.push_back(std::move(record));
  }
  return batch;
}

}  // namespace paraph::document
