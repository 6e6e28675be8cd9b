// One running Chromium: its process group, a fresh profile directory, and the DevTools
// connection its tabs share. Destroying it kills the whole process tree and removes the
// profile. The engine keeps one current browser and replaces it (see ChromiumEngine).
#pragma once

#include <sys/types.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "print/ChildProcess.h"
#include "print/Deadline.h"
#include "print/TempDirectory.h"

namespace paraph::print {

class ChromiumTab;
class DevToolsConnection;

class ChromiumBrowser {
 public:
  // Starts chromiumPath headless and connects; throws PrintError(EngineUnavailable) with
  // the last lines Chromium wrote when it does not come up before startDeadline. The profile
  // is made under profileRoot (empty: $TMPDIR), after sweeping what crashed owners left
  // there (see BrowserProcessRecord).
  ChromiumBrowser(const std::string& chromiumPath, Deadline startDeadline, const std::string& profileRoot = {});
  ~ChromiumBrowser();
  ChromiumBrowser(const ChromiumBrowser&) = delete;
  ChromiumBrowser& operator=(const ChromiumBrowser&) = delete;

  std::unique_ptr<ChromiumTab> openTab(Deadline deadline);

  // The command line paraph starts Chromium with (the benchmark gives it to its peers).
  static std::vector<std::string> arguments(const std::string& profileDirectory);

  // True when the browser answers a protocol ping (Browser.getVersion) before the deadline:
  // a frozen browser (SIGSTOP, a stuck browser process) keeps its socket open but does not.
  bool answers(Deadline deadline) const;
  // False once the connection closed (crash, kill) or retire() was called.
  bool healthy() const;
  // No new documents: the engine replaces this browser (after a timeout, or when it stopped
  // answering). Documents already running on it finish.
  void retire() { retired_ = true; }
  pid_t pid() const { return process_->pid(); }
  // Documents started on this browser (for restart-after-N).
  void countDocument() { ++documents_; }
  unsigned documents() const { return documents_; }

 private:
  void readStderr();
  std::string stderrTail() const;

  TempDirectory profile_;  // declared first: removed after the processes are gone
  TempDirectory scratch_;  // the browser's TMPDIR
  std::unique_ptr<ChildProcess> process_;
  std::thread stderrReader_;
  std::atomic<bool> stopReading_{false};
  mutable std::mutex stderrMutex_;
  std::condition_variable stderrChanged_;
  std::deque<std::string> stderrLines_;  // the last few, for error messages
  std::string webSocketUrl_;
  bool stderrClosed_ = false;
  std::shared_ptr<DevToolsConnection> connection_;
  std::atomic<bool> retired_{false};
  std::atomic<unsigned> documents_{0};
};

}  // namespace paraph::print
