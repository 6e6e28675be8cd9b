#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "l10n/Lang.h"
#include "pipeline/Enrichment.h"
#include "xml/XmlPtr.h"

namespace paraph::pipeline {

// The labour courts (tribunaux du travail / arbeidsrechtbanken) with their registry
// addresses in both languages, from catalog/data/courts.xml. A decision letter must name
// the court competent for the recipient's address (legal mention 2): this picks it, as the
// enrichment "labour-court" (arguments: postal-code and language XPaths, missing message).
class LabourCourts : public Enrichment {
 public:
  explicit LabourCourts(const std::filesystem::path& courtsFile);

  struct Court {
    std::string id;
    xmlNode* element = nullptr;  // inside the catalog document owned by this object
  };

  // The court serving a Belgian postal code. In Brussels-Capital a francophone and a
  // Dutch-speaking court serve the same codes: `language` chooses.
  std::optional<Court> forPostalCode(const std::string& postalCode, l10n::Lang language) const;

  // Appends the court, in the enrichment namespace and without its postal ranges, to `parent`.
  void appendCourt(const Court& court, xmlNode* parent, xmlNs* enrichmentNamespace) const;

  void apply(const EnrichmentContext& context) const override;

 private:
  struct Range {
    int from = 0;
    int to = 0;
    std::optional<l10n::Lang> language;
    Court court;
  };
  xml::DocPtr document_;
  std::vector<Range> ranges_;
};

}  // namespace paraph::pipeline
