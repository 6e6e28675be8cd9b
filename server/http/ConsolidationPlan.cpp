#include "http/ConsolidationPlan.h"

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "pipeline/Consolidation.h"
#include "store/CanonicalInput.h"
#include "store/Sha256.h"
#include "xml/XPath.h"

namespace paraph::http {

std::string canonicalSha256Of(std::string_view input, const xml::ParseLimits& limits) {
  const auto parsed = xml::parseUntrusted(input, "input.xml", limits);
  return store::sha256Hex(store::canonicalForm(parsed.document.get()));
}

std::optional<ConsolidationPlan> planConsolidation(ServerContext& context, const AcceptedInput& amendment,
                                                   std::string_view amendmentInput,
                                                   const std::string& amendmentCanonicalSha256) {
  const auto& document = amendment.document;
  if (document.type->name != "amendment" || amendment.draft()) return std::nullopt;
  // The same amendment again: already applied, nothing new to consolidate.
  if (const auto stored = context.store.version(document.id, 0);
      stored && stored->canonicalSha256 == amendmentCanonicalSha256) {
    return std::nullopt;
  }
  xmlDoc* parsed = document.parsed.document.get();
  const std::string conventionId = xml::XPathExpression("/a:amendment/a:convention/@id")
                                       .string(parsed, xmlDocGetRootElement(parsed), document.type->namespaces);
  // Applied to a version still on its way, the amendment would silently drop that version's
  // changes: the convention must be settled first.
  if (const auto pending = context.store.pendingJob(conventionId)) {
    throw HttpError(409, "convention '" + conventionId + "' has a job in progress (" + jobUrl(*pending) +
                             "); submit amendment '" + document.id + "' once it is done, so that it applies to its result");
  }
  const auto convention = context.store.version(conventionId, 0);
  if (!convention) {
    throw HttpError(409, "amendment '" + document.id + "' amends convention '" + conventionId +
                             "', which is not in paraph; submit the convention first, then the amendment");
  }
  const auto& limits = context.settings.parse;
  const std::string conventionName = "convention " + conventionId + " v" + std::to_string(convention->number);
  ConsolidationPlan plan;
  plan.conventionId = conventionId;
  plan.fromVersion = convention->number;
  try {
    auto consolidated = pipeline::consolidate(readVersionFile(context.store, *convention, "input.xml"), conventionName,
                                              amendmentInput, "input.xml", limits);
    plan.input = std::move(consolidated.input);
    plan.changedArticles = std::move(consolidated.changedArticles);
  } catch (const xml::InvalidInput& invalid) {
    throw HttpError(400, "the amendment does not fit version " + std::to_string(convention->number) +
                             " of convention '" + conventionId + "'; nothing was stored",
                    diagnosticsJson(invalid.diagnostics()));
  }
  try {
    acceptInput(context.pipeline, plan.input, conventionName + " consolidated", limits);
  } catch (const xml::InvalidInput& invalid) {
    throw HttpError(400, "with this amendment, convention '" + conventionId + "' would be invalid; nothing was stored",
                    diagnosticsJson(invalid.diagnostics()));
  }
  plan.canonicalSha256 = canonicalSha256Of(plan.input, limits);
  return plan;
}

}  // namespace paraph::http
