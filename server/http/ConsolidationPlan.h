#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/ServerContext.h"
#include "http/VersionReview.h"

namespace paraph::http {

// What submitting an amendment (avenant) also does: the next version of the convention it
// amends, consolidated from the convention's latest version (docs/amendment.md).
struct ConsolidationPlan {
  std::string conventionId;
  int fromVersion = 0;  // the convention version the amendment was applied to
  std::string input;    // the consolidated convention input
  std::string canonicalSha256;
  std::vector<std::string> changedArticles;
};

// nullopt when the submission is not an amendment, is a draft (consolidated once its
// translation is complete), or is the amendment's latest version again. Throws HttpError
// before anything is stored: 409 when the convention is not in paraph or has a job in
// progress (the amendment must apply to its result), 400 naming the
// amendment's line and column when it does not fit the convention or the result would be
// invalid.
std::optional<ConsolidationPlan> planConsolidation(ServerContext& context, const AcceptedInput& amendment,
                                                   std::string_view amendmentInput,
                                                   const std::string& amendmentCanonicalSha256);

// SHA-256 of the Canonical XML form of an input: what decides whether it is a new version.
std::string canonicalSha256Of(std::string_view input, const xml::ParseLimits& limits);

}  // namespace paraph::http
