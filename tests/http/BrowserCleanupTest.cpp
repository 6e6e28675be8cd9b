// kill -9 of a server whose Chromium is warm: by the next start on the same data folder no
// process of the old browser is left (browser, zygotes, GPU, renderers, utility, crashpad
// were re-parented to PID 1 and stayed, ~850 MB a crash), nor its profile folder, and
// Chromium's own org.chromium.Chromium.* folders no longer land in the temporary folder.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "http/ApiClient.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"
#include "support/Fixtures.h"

using namespace paraph::testing;
namespace fs = std::filesystem;

namespace {

struct ProcessInfo {
  pid_t parent = 0;
  char state = 0;
  std::string commandLine;  // NUL-separated, as in /proc
};

std::map<pid_t, ProcessInfo> processes() {
  std::map<pid_t, ProcessInfo> table;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line) || line.rfind(')') == std::string::npos) continue;
    ProcessInfo info;
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    fields >> info.state >> info.parent;
    info.commandLine = readFile(entry.path() / "cmdline");
    table[static_cast<pid_t>(std::stol(name))] = info;
  }
  return table;
}

// The server's browser: its descendants, and whatever names their profile folder (crashpad
// detaches itself from the tree).
struct Browser {
  std::map<pid_t, std::string> processes;  // pid → command line, to tell a reused pid
  std::set<std::string> profiles;
};

Browser browserOf(pid_t server) {
  const auto table = processes();
  Browser browser;
  std::set<pid_t> tree{server};
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& [pid, info] : table) {
      if (tree.contains(info.parent) && tree.insert(pid).second) grew = true;
    }
  }
  const std::string flag = "--user-data-dir=";
  for (pid_t pid : tree) {
    if (pid == server) continue;
    const std::string& line = table.at(pid).commandLine;
    browser.processes[pid] = line;
    const auto at = line.find(flag);
    // Chromium's helpers rewrite their command line with spaces between the arguments.
    if (at != std::string::npos) {
      const auto start = at + flag.size();
      browser.profiles.insert(line.substr(start, line.find_first_of(std::string(" \0", 2), start) - start));
    }
  }
  for (const auto& [pid, info] : table) {
    for (const auto& profile : browser.profiles) {
      if (info.commandLine.find(profile) != std::string::npos) browser.processes[pid] = info.commandLine;
    }
  }
  return browser;
}

std::vector<std::string> survivorsOf(const Browser& browser) {
  const auto table = processes();
  std::vector<std::string> survivors;
  for (const auto& [pid, line] : browser.processes) {
    const auto found = table.find(pid);
    if (found == table.end() || found->second.state == 'Z' || found->second.commandLine != line) continue;
    std::string shown = line.substr(0, 160);
    std::replace(shown.begin(), shown.end(), '\0', ' ');
    survivors.push_back(std::to_string(pid) + ": " + shown);
  }
  return survivors;
}

std::set<std::string> entriesOf(const fs::path& folder) {
  std::set<std::string> found;
  for (const auto& entry : fs::directory_iterator(folder)) found.insert(entry.path().filename().string());
  return found;
}

}  // namespace

TEST(BrowserCleanup, AfterKillNineTheNextStartLeavesNoChromiumProcessOrProfileOfTheOldServer) {
  const auto folder = testFolder("browser-cleanup");
  // The server's own temporary folder, where Chromium used to drop its folders; short, as
  // Chromium puts a Unix socket (at most 107 bytes of path) in a folder it makes there.
  char temporaryPattern[] = "/tmp/paraph-bc-XXXXXX";
  ASSERT_NE(::mkdtemp(temporaryPattern), nullptr);
  const fs::path temporary = temporaryPattern;
  const char* previousTemporary = std::getenv("TMPDIR");
  const std::string restoredTemporary = previousTemporary != nullptr ? previousTemporary : "";
  ::setenv("TMPDIR", temporary.c_str(), 1);

  ServerProcess server(folder);
  server.start();
  {
    ApiClient client(server.port(), kSubmitterToken);
    const auto answer = client.post("/api/v1/documents", withDocumentId(firstLetter(), "WARM-1"));
    ASSERT_EQ(answer.status, 202) << answer.body;
    const auto job = client.waitForJob(answer.json()->getValue<std::int64_t>("job"));
    ASSERT_EQ(job->getValue<std::string>("state"), "done");
  }
  const Browser old = browserOf(server.pid());
  const auto oldTemporaryEntries = entriesOf(temporary);
  ASSERT_GE(old.processes.size(), 2u) << "a warm Chromium has helpers";
  ASSERT_EQ(old.profiles.size(), 1u);

  server.killNineLeavingChildren();
  server.start();
  std::this_thread::sleep_for(std::chrono::seconds(5));

  const auto survivors = survivorsOf(old);
  std::string listed;
  for (const auto& survivor : survivors) listed += "\n  " + survivor;
  EXPECT_TRUE(survivors.empty()) << survivors.size() << " of " << old.processes.size()
                                 << " Chromium processes of the killed server survive:" << listed;
  for (const auto& profile : old.profiles) EXPECT_FALSE(fs::exists(profile)) << "leftover profile " << profile;
  // What the old browser made in the server's TMPDIR (old code: Chromium's
  // org.chromium.Chromium.* folders, and the profile itself) is gone too.
  for (const auto& name : entriesOf(temporary)) {
    EXPECT_FALSE(oldTemporaryEntries.contains(name)) << "left in the server's TMPDIR: " << name;
  }

  EXPECT_EQ(server.stop(), 0);
  const auto afterStop = entriesOf(temporary);
  EXPECT_TRUE(afterStop.empty()) << "left in the server's TMPDIR after a clean stop: " << *afterStop.begin();
  if (restoredTemporary.empty()) ::unsetenv("TMPDIR");
  else ::setenv("TMPDIR", restoredTemporary.c_str(), 1);
  // Whatever the outcome, leave nothing running for the next tests.
  for (const auto& survivor : survivorsOf(old)) ::kill(static_cast<pid_t>(std::stol(survivor)), SIGKILL);
  fs::remove_all(folder);
  fs::remove_all(temporary);
}
