#include "print/BrowserProcessRecord.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

namespace paraph::print {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A folder with no record yet may be a browser this process is starting this instant.
constexpr auto kUnrecordedGrace = 2s;
// How long the killed processes get to disappear before their folder is removed.
constexpr auto kExitWait = 3s;

struct ProcessState {
  char state = 0;
  pid_t group = 0;
  unsigned long long startTime = 0;  // clock ticks after boot, field 22 of /proc/<pid>/stat
};

std::optional<ProcessState> stateOf(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return std::nullopt;
  const auto commEnd = line.rfind(')');
  if (commEnd == std::string::npos) return std::nullopt;
  // Fields after "(comm)": state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt
  // cmajflt utime stime cutime cstime priority nice num_threads itrealvalue starttime.
  std::istringstream fields(line.substr(commEnd + 2));
  ProcessState state;
  pid_t parent = 0;
  fields >> state.state >> parent >> state.group;
  std::string skipped;
  for (int field = 6; field < 22 && fields >> skipped; ++field) {
  }
  fields >> state.startTime;
  if (!fields) return std::nullopt;
  return state;
}

std::string commandLineOf(pid_t pid) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

std::vector<pid_t> allProcesses() {
  std::vector<pid_t> pids;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator("/proc", error)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    pids.push_back(static_cast<pid_t>(std::stol(name)));
  }
  return pids;
}

bool running(pid_t pid) {
  const auto state = stateOf(pid);
  return state && state->state != 'Z';
}

struct Record {
  pid_t owner = 0;
  unsigned long long ownerStartTime = 0;
  pid_t browserGroup = 0;
  fs::path scratch;
};

// "<owner pid> <owner start time> <browser group>\n<scratch folder>\n"
std::optional<Record> readRecord(const fs::path& folder) {
  std::ifstream file(folder / BrowserProcessRecord::kFileName);
  Record record;
  if (!(file >> record.owner >> record.ownerStartTime >> record.browserGroup)) return std::nullopt;
  std::string scratch;
  file >> std::ws;
  std::getline(file, scratch);
  record.scratch = scratch;
  return record;
}

// Only a folder paraph made as a scratch folder is ever removed on a record's word.
void removeScratch(const fs::path& scratch) {
  if (scratch.empty() || scratch.filename().string().rfind(BrowserProcessRecord::kScratchPrefix, 0) != 0) return;
  std::error_code ignored;
  if (fs::is_directory(fs::symlink_status(scratch, ignored))) fs::remove_all(scratch, ignored);
}

bool ownerAlive(const Record& record) {
  if (record.owner == ::getpid()) return false;  // a pid reused by this very process
  const auto state = stateOf(record.owner);
  return state && state->state != 'Z' && state->startTime == record.ownerStartTime;
}

// Kills the browser of an abandoned folder: its process group (once a process of the group
// is seen to name the folder, so that a reused group id is left alone) and any process naming
// the folder, then waits briefly for them to go.
void endBrowserOf(const fs::path& folder, std::optional<pid_t> recordedGroup) {
  const std::string path = folder.string();
  std::vector<pid_t> killed;
  std::set<pid_t> groups;
  for (pid_t pid : allProcesses()) {
    if (pid == ::getpid()) continue;
    if (commandLineOf(pid).find(path) == std::string::npos) continue;
    const auto state = stateOf(pid);
    if (!state) continue;
    ::kill(pid, SIGKILL);
    killed.push_back(pid);
    if (recordedGroup && state->group == *recordedGroup && *recordedGroup > 1) groups.insert(*recordedGroup);
  }
  for (pid_t group : groups) {
    for (pid_t pid : allProcesses()) {
      const auto state = stateOf(pid);
      if (state && state->group == group && pid != ::getpid()) killed.push_back(pid);
    }
    ::killpg(group, SIGKILL);
  }
  const auto deadline = std::chrono::steady_clock::now() + kExitWait;
  for (pid_t pid : killed) {
    while (running(pid) && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
  }
}

}  // namespace

std::string BrowserProcessRecord::sweptProfileRoot(const std::string& configured) {
  std::string root = configured;
  if (root.empty()) {
    const char* temporary = std::getenv("TMPDIR");
    root = temporary != nullptr && *temporary != '\0' ? temporary : "/tmp";
  } else {
    std::error_code ignored;
    fs::create_directories(root, ignored);
    fs::permissions(root, fs::perms::owner_all, ignored);  // profiles hold the documents printed
  }
  sweepAbandoned(root, !configured.empty());
  return root;
}

unsigned BrowserProcessRecord::sweepAbandoned(const std::string& root, bool exclusive) {
  unsigned swept = 0;
  std::error_code error;
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(root, error)) {
    if (entry.path().filename().string().rfind(kProfilePrefix, 0) == 0) folders.push_back(entry.path());
  }
  for (const auto& folder : folders) {
    std::error_code ignored;
    if (!fs::is_directory(fs::symlink_status(folder, ignored))) continue;
    if (::access(folder.c_str(), R_OK | W_OK | X_OK) != 0) continue;  // another user's
    const auto record = readRecord(folder);
    if (record && ownerAlive(*record)) continue;
    if (!record && !exclusive) continue;  // perhaps a browser another program is starting
    if (!record) {
      // This server holds the data folder's lock, so none is starting here; unless it is
      // this process's own, a moment ago (a grace far shorter than any start).
      const auto modified = fs::last_write_time(folder, ignored);
      if (ignored || fs::file_time_type::clock::now() - modified < kUnrecordedGrace) continue;
    }
    endBrowserOf(folder, record ? std::optional<pid_t>(record->browserGroup) : std::nullopt);
    if (record) removeScratch(record->scratch);
    fs::remove_all(folder, ignored);
    ++swept;
  }
  return swept;
}

void BrowserProcessRecord::write(const std::string& profileDirectory, pid_t browserGroup,
                                 const std::string& scratchDirectory) {
  const auto self = stateOf(::getpid());
  const fs::path finalPath = fs::path(profileDirectory) / kFileName;
  const fs::path partPath = fs::path(profileDirectory) / (std::string(kFileName) + ".part");
  {
    std::ofstream file(partPath, std::ios::trunc);
    file << ::getpid() << ' ' << (self ? self->startTime : 0) << ' ' << browserGroup << '\n' << scratchDirectory << '\n';
  }
  std::error_code ignored;
  fs::rename(partPath, finalPath, ignored);  // whole or absent, even if the server dies now
}

}  // namespace paraph::print
