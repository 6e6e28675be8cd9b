#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "l10n/Lang.h"
#include "pipeline/ConventionBudget.h"
#include "pipeline/DocumentTypeRegistry.h"
#include "pipeline/LabourCourts.h"
#include "pipeline/RuleSet.h"
#include "pipeline/SchemaValidator.h"
#include "pipeline/TextCatalog.h"
#include "xml/SafeParser.h"
#include "xml/StylesheetCache.h"

namespace paraph::pipeline {

// Where paraph's own files are: catalog/, xslt/, styles/ below one folder.
struct Home {
  std::filesystem::path root;

  // --home, else $PARAPH_HOME, else the source tree the binary was built from.
  static Home locate(const std::string& explicitRoot = {});
  std::filesystem::path catalog() const { return root / "catalog"; }
  std::filesystem::path xslt() const { return root / "xslt"; }
  std::filesystem::path styles() const { return root / "styles"; }
};

// The value of one of the type's unique keys in a document, and where it stands.
struct UniqueValue {
  const UniqueKey* key = nullptr;
  std::string value;
  xml::Diagnostic place;  // file, line, column, path of the value; message empty
  std::string typeName;   // the document type, keying the message unique.<type>.<key>

  // The diagnostic to report when `otherDocument` already uses the value.
  xml::Diagnostic conflictWith(const std::string& otherDocument) const;
};

// A submission that passed every check, enriched and ready to transform.
struct ValidatedDocument {
  xml::ParsedDocument parsed;
  const DocumentType* type = nullptr;
  std::string id;
  std::string reference;
  std::string embargo;  // local date-time in Europe/Brussels before which it is not public; empty: none
  l10n::Lang sourceLanguage = l10n::Lang::fr;
  std::vector<UniqueValue> uniqueValues;
};

struct RenderedHtml {
  std::string html;
  std::string title;
};

// One language's result tree, before serialisation: the side-by-side edition is built from
// the French and Dutch trees of the same job, so each language is transformed once.
struct RenderedTree {
  xml::DocPtr tree;
  std::string title;
};

// Thrown when a rendered output lacks a mark its type requires (e.g. a legal mention).
class OutputCheckError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The document path up to HTML. Built once (it compiles schemas and stylesheets and loads
// the catalog); thread-safe afterwards, so the server's workers share one.
class Pipeline {
 public:
  explicit Pipeline(const Home& home, xml::ParseLimits limits = {});
  ~Pipeline();

  const Home& home() const { return home_; }
  const DocumentTypeRegistry& types() const { return types_; }
  const TextCatalog& texts() const { return texts_; }
  const LabourCourts& courts() const { return courts_; }

  // Parse safely, identify the type, validate (schema, then rules), enrich.
  // Throws xml::InvalidInput with every problem found.
  ValidatedDocument validate(std::string_view bytes, const std::string& sourceName) const;

  // The same in two steps, for a caller that parsed the input itself: check() identifies
  // the type and validates without changing the tree (so a caller may mend it and check
  // again: a draft's missing translations), then validated() takes the tree and enriches it.
  const DocumentType& check(const xml::ParsedDocument& parsed) const;
  ValidatedDocument validated(xml::ParsedDocument parsed, const DocumentType& type) const;

  // One language's result tree (one XSLT transform). Throws xml::TransformError or
  // OutputCheckError.
  RenderedTree renderTree(const ValidatedDocument& document, l10n::Lang lang) const;
  RenderedHtml serialize(const ValidatedDocument& document, const RenderedTree& rendered) const;
  // renderTree then serialize.
  RenderedHtml renderHtml(const ValidatedDocument& document, l10n::Lang lang) const;

  // The side-by-side edition: French and Dutch in two columns, aligned segment by segment
  // (data-segment marks in each language version), made from the two language trees.
  RenderedHtml renderSideBySide(const ValidatedDocument& document, const RenderedTree& french,
                                const RenderedTree& dutch) const;

  // XSLT transforms run since start (the language editions and the side-by-side one): what
  // /metrics shows, so that doing work twice is visible.
  std::uint64_t transformCount() const { return transforms_.load(); }

 private:
  struct TypeChecks {
    std::unique_ptr<SchemaValidator> schema;
    std::unique_ptr<RuleSet> rules;
  };

  void enrich(ValidatedDocument& document) const;
  void checkRequiredMarks(const DocumentType& type, xmlDoc* html) const;
  xml::DocPtr transformCounted(const xml::StylesheetPtr& stylesheet, xmlDoc* input,
                               const std::map<std::string, std::string>& parameters) const;

  Home home_;
  xml::ParseLimits limits_;
  DocumentTypeRegistry types_;
  TextCatalog texts_;
  LabourCourts courts_;
  ConventionBudget conventionBudget_;
  std::map<std::string, const Enrichment*> enrichments_;
  std::map<std::string, TypeChecks> checks_;
  mutable xml::StylesheetCache stylesheets_;
  mutable std::atomic<std::uint64_t> transforms_{0};
};

}  // namespace paraph::pipeline
