#pragma once

#include <vector>

#include "l10n/Lang.h"
#include "pipeline/DocumentType.h"
#include "xml/Diagnostic.h"
#include "xml/SafeParser.h"

namespace paraph::pipeline {

// What an enrichment works on: the validated document, its type and the registry entry
// that asked for it (catalog/doctypes.xml <enrich with="…" …/>), and the <e:enrichment>
// element it appends its results to. Problems go to `diagnostics`, placed in the input.
struct EnrichmentContext {
  const xml::ParsedDocument& parsed;
  const DocumentType& type;
  const EnrichmentSpec& spec;
  l10n::Lang sourceLanguage;
  xmlNode* target;
  xmlNs* enrichmentNamespace;
  std::vector<xml::Diagnostic>& diagnostics;

  // A diagnostic placed at `node` (or at the root when null).
  // message is the English fallback; key and arguments its catalog message (Diagnostic::key).
  void report(const xmlNode* node, std::string message, std::string rule, std::string key = {},
              std::vector<std::pair<std::string, std::string>> arguments = {}) const;
  // Appends <e:NAME>text</e:NAME> (text may be empty) to `parent`.
  xmlNode* append(xmlNode* parent, const char* name, const std::string& text = {}) const;
};

// Computes or looks up what staff never type: the labour court for an address, a
// convention's budget. Runs after validation, before the transform.
class Enrichment {
 public:
  virtual ~Enrichment() = default;
  virtual void apply(const EnrichmentContext& context) const = 0;
};

}  // namespace paraph::pipeline
