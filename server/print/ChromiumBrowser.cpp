#include "print/ChromiumBrowser.h"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <system_error>

#include "print/BrowserProcessRecord.h"
#include "print/ChromiumTab.h"
#include "print/DevToolsConnection.h"
#include "print/PrintEngine.h"

namespace paraph::print {
namespace {

constexpr std::size_t kStderrLinesKept = 12;
constexpr const char* kListeningPrefix = "DevTools listening on ";

std::vector<std::string> chromiumArguments(const std::string& profileDirectory) {
  return {
      "--headless",
      // Root in a container: the setuid/namespace sandbox cannot start. The document is
      // trusted less than that suggests, hence JavaScript off and every request blocked.
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-extensions",
      "--disable-default-apps",
      "--disable-breakpad",
      "--disable-crash-reporter",
      "--mute-audio",
      "--hide-scrollbars",
      // Not even a DNS lookup leaves the browser: every host name fails to resolve
      // (the document's own origin is answered by interception, before resolution).
      "--host-resolver-rules=MAP * ~NOTFOUND",
      "--user-data-dir=" + profileDirectory,
      "--remote-debugging-address=127.0.0.1",
      "--remote-debugging-port=0",
      "about:blank",
  };
}

}  // namespace

std::vector<std::string> ChromiumBrowser::arguments(const std::string& profileDirectory) {
  return chromiumArguments(profileDirectory);
}

ChromiumBrowser::ChromiumBrowser(const std::string& chromiumPath, Deadline startDeadline, const std::string& profileRoot)
    : profile_(BrowserProcessRecord::sweptProfileRoot(profileRoot), BrowserProcessRecord::kProfilePrefix),
      scratch_(BrowserProcessRecord::kScratchPrefix) {
  if (::access(chromiumPath.c_str(), X_OK) != 0) {
    throw PrintError(PrintError::Kind::EngineUnavailable, "Chromium not found or not executable at " + chromiumPath);
  }
  try {
    // A TMPDIR of its own: Chromium's org.chromium.Chromium.* folders go with the browser.
    process_ = std::make_unique<ChildProcess>(chromiumPath, chromiumArguments(profile_.path()),
                                              std::vector<std::string>{"HOME=" + profile_.path(), "TMPDIR=" + scratch_.path()},
                                              ChildProcess::Streams{false, false, true});
    BrowserProcessRecord::write(profile_.path(), process_->pid(), scratch_.path());  // pid = its process group
  } catch (const std::system_error& error) {
    throw PrintError(PrintError::Kind::EngineUnavailable, std::string("cannot start Chromium: ") + error.what());
  }
  stderrReader_ = std::thread([this] { readStderr(); });

  std::string url;
  {
    std::unique_lock lock(stderrMutex_);
    stderrChanged_.wait_until(lock, startDeadline, [&] { return !webSocketUrl_.empty() || stderrClosed_; });
    url = webSocketUrl_;
  }
  if (url.empty()) {
    stopReading_ = true;
    process_->killGroup(SIGKILL);
    stderrReader_.join();
    throw PrintError(PrintError::Kind::EngineUnavailable,
                     "Chromium (" + chromiumPath + ") did not open its DevTools endpoint; it said: " + stderrTail());
  }
  try {
    connection_ = std::make_shared<DevToolsConnection>(url);
  } catch (...) {
    stopReading_ = true;
    process_->killGroup(SIGKILL);
    stderrReader_.join();
    throw;
  }
}

ChromiumBrowser::~ChromiumBrowser() {
  // Kill first: the connection's reader then sees the socket close and ends by itself.
  process_->killGroup(SIGKILL);
  connection_.reset();
  stopReading_ = true;
  if (stderrReader_.joinable()) stderrReader_.join();
  process_.reset();  // reaps; then profile_ is removed
}

bool ChromiumBrowser::healthy() const { return !retired_ && connection_->alive(); }

bool ChromiumBrowser::answers(Deadline deadline) const {
  try {
    connection_->call("Browser.getVersion", nullptr, "", deadline);
    return true;
  } catch (const PrintError&) {
    return false;
  }
}

std::unique_ptr<ChromiumTab> ChromiumBrowser::openTab(Deadline deadline) {
  return std::make_unique<ChromiumTab>(connection_, deadline);
}

// Chromium keeps writing to stderr (dbus complaints, warnings) for as long as it runs, so the
// pipe is drained by this thread for the browser's whole life; only the DevTools line and
// the last few lines are kept.
void ChromiumBrowser::readStderr() {
  std::string pending;
  char buffer[4096];
  while (!stopReading_) {
    pollfd descriptor{process_->stderrFd(), POLLIN, 0};
    const int ready = ::poll(&descriptor, 1, 200);
    if (ready <= 0) continue;
    const ssize_t n = ::read(process_->stderrFd(), buffer, sizeof buffer);
    if (n <= 0) break;
    pending.append(buffer, static_cast<std::size_t>(n));
    std::size_t newline;
    while ((newline = pending.find('\n')) != std::string::npos) {
      std::string line = pending.substr(0, newline);
      pending.erase(0, newline + 1);
      std::lock_guard lock(stderrMutex_);
      if (webSocketUrl_.empty() && line.rfind(kListeningPrefix, 0) == 0) {
        webSocketUrl_ = line.substr(std::char_traits<char>::length(kListeningPrefix));
        stderrChanged_.notify_all();
      }
      stderrLines_.push_back(std::move(line));
      if (stderrLines_.size() > kStderrLinesKept) stderrLines_.pop_front();
    }
  }
  std::lock_guard lock(stderrMutex_);
  stderrClosed_ = true;
  stderrChanged_.notify_all();
}

std::string ChromiumBrowser::stderrTail() const {
  std::lock_guard lock(stderrMutex_);
  std::string tail;
  for (const auto& line : stderrLines_) tail += "\n  " + line;
  return tail.empty() ? "(nothing)" : tail;
}

}  // namespace paraph::print
