#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "l10n/Money.h"
#include "pipeline/Enrichment.h"

namespace paraph::pipeline {

// The enrichment "convention-budget": a convention's cost calculation, computed so that
// staff never type a total and the French and Dutch versions cannot disagree.
//   staff line  = annual cost per FTE × FTE, rounded to the cent half away from zero
//   budget      = Σ staff lines + Σ operating costs (exact)
//   rate        = budget ÷ (capacity × activity days), rounded to the cent half away from zero
// The annual cost per FTE is in the input (annual-cost) or looked up by @scale in
// catalog/data/salary-scales.xml. Results go to <e:budget> (docs/convention.md).
class ConventionBudget : public Enrichment {
 public:
  explicit ConventionBudget(const std::filesystem::path& salaryScalesFile);

  void apply(const EnrichmentContext& context) const override;

  const std::map<std::string, l10n::Money>& scales() const { return scales_; }

 private:
  std::map<std::string, l10n::Money> scales_;
};

}  // namespace paraph::pipeline
