// The real `paraph serve`, started by a test on a free loopback port with its own data folder.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace paraph::testing {

// Plain token values of the test configuration (only their hashes are in the file).
inline constexpr const char* kSubmitterToken = "test-submitter-token";
inline constexpr const char* kTranslatorToken = "test-translator-token";
inline constexpr const char* kReviewerToken = "test-reviewer-token";
inline constexpr const char* kPublisherToken = "test-publisher-token";
inline constexpr const char* kAdminToken = "test-admin-token";
// The password the tests give the workspace accounts they add (ServerProcess::addUser).
inline constexpr const char* kReviewerPassword = "test reviewer password";

class ServerProcess {
 public:
  // folder receives server.properties, server.log and data/. extraSettings are appended to
  // the configuration (later keys win).
  ServerProcess(std::filesystem::path folder, std::string extraSettings = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Adds a workspace account with `paraph user add` (while the server is stopped: SQLite's
  // data folder lock). roles: "reviewer" or "submitter,translator".
  void addUser(const std::string& name, const std::string& roles, const std::string& password) const;

  // Starts the server and waits until it listens and /healthz says ready.
  void start();
  // SIGTERM, then waits for the exit; returns the exit code (-1 if killed by a signal).
  int stop();
  // kill -9, as a crash would; the print engine's browser processes are then cleaned up.
  void crash();
  // kill -9 of the server alone, as the OOM killer or an operator would: whatever the
  // server started is left to fend for itself.
  void killNineLeavingChildren();
  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }

  std::uint16_t port() const { return port_; }
  std::filesystem::path dataDir() const { return folder_ / "data"; }
  std::string log() const;
  // Replaces the extra settings for the next start().
  void setExtraSettings(std::string extraSettings) { extra_ = std::move(extraSettings); }

 private:
  void writeConfiguration() const;
  void killBrowserGroups();

  std::filesystem::path folder_;
  std::string extra_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace paraph::testing
