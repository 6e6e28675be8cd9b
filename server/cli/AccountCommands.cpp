#include "cli/AccountCommands.h"

#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "store/Credentials.h"
#include "store/SqliteStore.h"
#include "xml/Sha256.h"

namespace paraph::cli {

const char* const kUserHelp = R"(Usage: paraph user add NAME --role R[,R...] [--password-file FILE] [--language fr|nl]
       paraph user passwd NAME [--password-file FILE]
       paraph user disable NAME
       paraph user list
       (each also takes --data DIR, --config FILE)

Staff accounts of the workspace (docs/workspace.md), kept in the data folder's store. Roles:
submitter, translator, reviewer, publisher, admin. The password comes from the first line of
FILE, else it is asked twice on the terminal, else read from the first line of standard
input; it is kept only as an Argon2id hash. 'disable' ends the account's sessions; a new
password does too. 'list' prints NAME<TAB>ROLES<TAB>active|disabled<TAB>LANGUAGE.
With SQLite, the server must be stopped (it holds the data folder's lock).
)";

const char* const kTokenHelp = R"(Usage: paraph token issue NAME --role R[,R...]
       paraph token revoke NAME
       paraph token list
       (each also takes --data DIR, --config FILE)

API tokens for machines (the website, scripts), kept in the store as SHA-256 hashes.
'issue' prints the new token once, on standard output: keep it, it cannot be shown again.
Tokens from the configuration file (auth.token.NAME) keep working beside these.
'list' prints NAME<TAB>ROLES<TAB>valid|revoked <when>.
)";

namespace {

std::set<std::string> rolesFrom(const Arguments& arguments) {
  if (!arguments.has("role")) throw UsageError("--role R[,R...] is required");
  const auto roles = store::splitRoles(arguments.option("role"));
  if (roles.empty()) throw UsageError("--role needs at least one role");
  for (const auto& role : roles) {
    if (!config::knownRoles().contains(role)) {
      throw UsageError("unknown role '" + role + "' (roles: submitter, translator, reviewer, publisher, admin)");
    }
  }
  return roles;
}

std::string oneName(const Arguments& arguments, const std::string& command) {
  if (arguments.positional.size() != 1) throw UsageError(command + " needs one NAME");
  const std::string& name = arguments.positional.front();
  // A name is shown in logs, pages and version manifests: printable, no spaces, bounded.
  if (name.empty() || name.size() > 64 || name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@-") != std::string::npos) {
    throw UsageError("NAME: 1 to 64 letters, digits, '.', '_', '@' or '-', not '" + name + "'");
  }
  return name;
}

std::string firstLine(std::istream& stream) {
  std::string line;
  std::getline(stream, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Terminal echo off for as long as it lives (restored even when reading throws).
class HiddenInput {
 public:
  HiddenInput() {
    if (::tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~HiddenInput() {
    if (active_) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  HiddenInput(const HiddenInput&) = delete;
  HiddenInput& operator=(const HiddenInput&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

// The new password, from --password-file, the terminal (twice) or standard input. Never
// printed, never logged.
std::string newPassword(const Arguments& arguments, const config::Settings& settings) {
  std::string password;
  if (arguments.has("password-file")) {
    std::ifstream file(arguments.option("password-file"));
    if (!file) throw UsageError("cannot read " + arguments.option("password-file"));
    password = firstLine(file);
  } else if (::isatty(STDIN_FILENO) != 0) {
    HiddenInput hidden;
    std::cerr << "Password: " << std::flush;
    password = firstLine(std::cin);
    std::cerr << "\nAgain: " << std::flush;
    const std::string again = firstLine(std::cin);
    std::cerr << '\n';
    if (again != password) throw UsageError("the two passwords differ");
  } else {
    password = firstLine(std::cin);
  }
  if (password.size() < settings.auth.minPasswordLength) {
    throw UsageError("the password must have at least " + std::to_string(settings.auth.minPasswordLength) +
                     " characters (auth.min_password_length)");
  }
  return password;
}

store::SqliteStore openStore(const config::Settings& settings) {
  return store::SqliteStore(settings.store.dataDir, settings.store.busyTimeout);
}

}  // namespace

int userCommand(const std::string& action, const Arguments& arguments, const config::Settings& settings) {
  if (action == "list") {
    if (!arguments.positional.empty()) throw UsageError("user list takes no NAME");
    auto store = openStore(settings);
    for (const auto& user : store.users()) {
      std::cout << user.name << '\t' << store::joinRoles(user.roles) << '\t' << (user.disabled ? "disabled" : "active")
                << '\t' << (user.language.empty() ? "-" : user.language) << '\n';
    }
    return 0;
  }
  const std::string name = oneName(arguments, "user " + action);
  if (action == "add") {
    store::UserRecord user;
    user.name = name;
    user.roles = rolesFrom(arguments);
    user.language = arguments.option("language");
    if (!user.language.empty() && user.language != "fr" && user.language != "nl") {
      throw UsageError("--language must be fr or nl, not '" + user.language + "'");
    }
    const std::string password = newPassword(arguments, settings);
    auto store = openStore(settings);
    user.passwordHash = store::hashPassword(password);
    if (!store.addUser(user)) {
      std::cerr << "paraph: there is already a user '" << name << "'\n";
      return 1;
    }
    std::cout << "user " << name << " added (" << store::joinRoles(user.roles) << ")\n";
    return 0;
  }
  if (action == "passwd") {
    const std::string password = newPassword(arguments, settings);
    auto store = openStore(settings);
    if (!store.setPassword(name, store::hashPassword(password))) {
      std::cerr << "paraph: no user '" << name << "'\n";
      return 1;
    }
    std::cout << "password of " << name << " changed; its sessions are ended\n";
    return 0;
  }
  if (action == "disable") {
    auto store = openStore(settings);
    if (!store.disableUser(name)) {
      std::cerr << "paraph: no user '" << name << "'\n";
      return 1;
    }
    std::cout << "user " << name << " disabled; its sessions are ended\n";
    return 0;
  }
  throw UsageError("unknown user command '" + action + "' (add, passwd, disable, list)");
}

int tokenCommand(const std::string& action, const Arguments& arguments, const config::Settings& settings) {
  if (action == "list") {
    if (!arguments.positional.empty()) throw UsageError("token list takes no NAME");
    auto store = openStore(settings);
    for (const auto& token : store.tokens()) {
      std::cout << token.name << '\t' << store::joinRoles(token.roles) << '\t'
                << (token.revokedAt.empty() ? "valid" : "revoked " + token.revokedAt) << '\n';
    }
    return 0;
  }
  const std::string name = oneName(arguments, "token " + action);
  if (action == "issue") {
    store::TokenRecord record;
    record.name = name;
    record.roles = rolesFrom(arguments);
    for (const auto& configured : settings.tokens) {
      if (configured.name == name) {
        std::cerr << "paraph: the configuration already has a token '" << name << "' (auth.token." << name << ")\n";
        return 1;
      }
    }
    const std::string token = "paraph_" + store::randomHex(32);
    record.sha256 = xml::sha256Hex(token);
    auto store = openStore(settings);
    if (!store.addToken(record)) {
      std::cerr << "paraph: a valid token '" << name << "' exists; revoke it first\n";
      return 1;
    }
    std::cout << token << '\n';
    return 0;
  }
  if (action == "revoke") {
    auto store = openStore(settings);
    if (!store.revokeToken(name)) {
      std::cerr << "paraph: no valid token '" << name << "'\n";
      return 1;
    }
    std::cout << "token " << name << " revoked\n";
    return 0;
  }
  throw UsageError("unknown token command '" + action + "' (issue, revoke, list)");
}

}  // namespace paraph::cli
