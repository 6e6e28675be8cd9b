#pragma once

#include <string>
#include <vector>

namespace paraph::store {

// The schema, as an append-only list of migrations. PRAGMA user_version records how many
// have run; each runs in its own transaction with the version bump. Never edit a released
// migration: add one.
const std::vector<std::vector<std::string>>& migrations();

}  // namespace paraph::store
