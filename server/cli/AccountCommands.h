// paraph user … and paraph token …: the workspace's accounts and the machines' API tokens,
// kept in the store of a data folder.
#pragma once

#include "cli/Arguments.h"
#include "config/Settings.h"

namespace paraph::cli {

// Each returns the exit code: 0 done, 1 refused (no such user, name taken, password too
// short), 2 usage error (thrown as UsageError).
int userCommand(const std::string& action, const Arguments& arguments, const config::Settings& settings);
int tokenCommand(const std::string& action, const Arguments& arguments, const config::Settings& settings);

extern const char* const kUserHelp;
extern const char* const kTokenHelp;

}  // namespace paraph::cli
