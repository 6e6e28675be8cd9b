#include "http/ServerProcess.h"

#include "support/Command.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/ApiClient.h"
#include "xml/Sha256.h"
#include "support/Fixtures.h"

namespace paraph::testing {
namespace {

using namespace std::chrono_literals;

// Startup compiles stylesheets and starts Chromium: seconds, not minutes. The bound only
// keeps a broken server from hanging the test run.
constexpr auto kStartupBound = 90s;

// The process groups of a process's children (the print engine starts each browser in its own group).
std::vector<pid_t> childGroupsOf(pid_t parent) {
  std::vector<pid_t> groups;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    // pid (comm) state ppid pgrp …; comm may hold spaces, so read after the last ')'.
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    char state = 0;
    pid_t ppid = 0;
    pid_t pgrp = 0;
    fields >> state >> ppid >> pgrp;
    if (ppid == parent) groups.push_back(pgrp);
  }
  return groups;
}

}  // namespace

ServerProcess::ServerProcess(std::filesystem::path folder, std::string extraSettings)
    : folder_(std::move(folder)), extra_(std::move(extraSettings)) {
  std::filesystem::create_directories(folder_);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop();
}

void ServerProcess::writeConfiguration() const {
  std::ofstream config(folder_ / "server.properties", std::ios::trunc);
  config << "server.bind_address = 127.0.0.1\n"
         << "queue.workers = 2\n"
         << "print.pool_size = 2\n"
         << "auth.token.submitter = " << xml::sha256Hex(kSubmitterToken) << ":submitter\n"
         << "auth.token.translator = " << xml::sha256Hex(kTranslatorToken) << ":translator\n"
         << "auth.token.reviewer = " << xml::sha256Hex(kReviewerToken) << ":reviewer\n"
         << "auth.token.publisher = " << xml::sha256Hex(kPublisherToken) << ":publisher\n"
         << "auth.token.admin = " << xml::sha256Hex(kAdminToken) << ":admin,submitter\n"
         << extra_ << '\n';
}

void ServerProcess::addUser(const std::string& name, const std::string& roles, const std::string& password) const {
  const auto passwordFile = folder_ / ("password-" + name);
  std::filesystem::create_directories(folder_);
  std::ofstream(passwordFile, std::ios::trunc) << password << '\n';
  const auto result = runParaph("user add " + name + " --role " + roles + " --password-file " + passwordFile.string() +
                                " --data " + dataDir().string());
  std::filesystem::remove(passwordFile);
  if (result.exitCode != 0) throw std::runtime_error("paraph user add " + name + ": " + result.output);
}

void ServerProcess::start() {
  if (pid_ > 0) throw std::logic_error("the server is already running");
  writeConfiguration();
  const auto logPath = folder_ / "server.log";
  const std::string config = (folder_ / "server.properties").string();
  const std::string data = dataDir().string();
  const std::string home = kHome.string();
  const auto logSizeBefore = std::filesystem::exists(logPath) ? std::filesystem::file_size(logPath) : 0;
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    const int fd = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    ::execl(PARAPH_BINARY, PARAPH_BINARY, "serve", "--config", config.c_str(), "--port", "0", "--data", data.c_str(),
            "--home", home.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // The "listening" line this process writes names the port it was given.
  const std::regex listening("\"event\":\"listening\".*\"port\":([0-9]+).*\"pid\":" + std::to_string(pid_));
  const auto deadline = std::chrono::steady_clock::now() + kStartupBound;
  while (port_ == 0 || !ApiClient(port_).isReady()) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("paraph serve exited at start:\n" + log());
    }
    if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("paraph serve did not start:\n" + log());
    if (port_ == 0) {
      const std::string text = log().substr(logSizeBefore);
      std::smatch match;
      if (std::regex_search(text, match, listening)) port_ = static_cast<std::uint16_t>(std::stoi(match[1]));
    }
    std::this_thread::sleep_for(50ms);
  }
}

int ServerProcess::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  port_ = 0;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void ServerProcess::crash() {
  if (pid_ <= 0) return;
  const auto groups = childGroupsOf(pid_);
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  // What a crash of the whole machine or container would take down with the server.
  for (pid_t group : groups) ::killpg(group, SIGKILL);
  pid_ = -1;
  port_ = 0;
}

void ServerProcess::killNineLeavingChildren() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  port_ = 0;
}

std::string ServerProcess::log() const { return readFile(folder_ / "server.log"); }

}  // namespace paraph::testing
