#include "print/ChromiumEngine.h"

#include <algorithm>
#include <exception>
#include <iostream>
#include <sstream>
#include <thread>

#include "print/ChromiumBrowser.h"
#include "print/ChromiumTab.h"
#include "print/PdfMetadata.h"

namespace paraph::print {
namespace {

// Starting a browser or a tab is the engine's own work, not the document's: these have
// their own limits so a short print.timeout_ms cannot make the pool unable to start.
constexpr std::chrono::seconds kBrowserStartLimit{30};
constexpr std::chrono::seconds kTabOpenLimit{15};

unsigned effectivePoolSize(unsigned configured) {
  if (configured > 0) return configured;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

ChromiumEngine::ChromiumEngine(const EngineConfig& config)
    : config_(config), poolSize_(effectivePoolSize(config.poolSize)) {
  // Warm the whole pool now: the first documents then cost what every other one does.
  std::vector<PooledTab> warm;
  for (unsigned i = 0; i < poolSize_; ++i) warm.push_back(borrow(deadlineIn(kTabOpenLimit)));
  for (auto& lease : warm) giveBack(std::move(lease), TabFate::Reuse);
}

ChromiumEngine::~ChromiumEngine() {
  std::vector<PooledTab> closing;
  std::shared_ptr<ChromiumBrowser> browser;
  {
    std::lock_guard lock(mutex_);
    closing.swap(idle_);
    browser.swap(browser_);
  }
}

std::shared_ptr<ChromiumBrowser> ChromiumEngine::runningBrowser(std::unique_lock<std::mutex>& lock) {
  (void)lock;  // must be held: starting under the lock makes concurrent borrowers wait for one start
  if (browser_ && browser_->healthy()) return browser_;
  // Let go of the old browser before starting the new one: unless documents still run on
  // it, it dies here, and its processes (a runaway renderer) stop competing with the start.
  browser_.reset();
  try {
    browser_ = std::make_shared<ChromiumBrowser>(config_.chromiumPath, deadlineIn(kBrowserStartLimit),
                                                 config_.profilesDir);
    ++launches_;
    lastLaunchFailed_ = false;
  } catch (...) {
    browser_.reset();
    lastLaunchFailed_ = true;
    throw;
  }
  return browser_;
}

ChromiumEngine::PooledTab ChromiumEngine::borrow(Deadline deadline) {
  std::vector<PooledTab> stale;  // declared before the lock: closed after it is released
  std::shared_ptr<ChromiumBrowser> browser;
  {
    std::unique_lock lock(mutex_);
    for (;;) {
      // Tabs of a crashed, hung or retired browser, or whose renderer crashed, are of no use any more.
      const auto unusable = std::stable_partition(idle_.begin(), idle_.end(), [&](const PooledTab& pooled) {
        return pooled.browser == browser_ && pooled.browser->healthy() && !pooled.tab->crashed();
      });
      std::move(unusable, idle_.end(), std::back_inserter(stale));
      idle_.erase(unusable, idle_.end());
      if (!idle_.empty()) {
        PooledTab lease = std::move(idle_.back());
        idle_.pop_back();
        ++borrowed_;
        return lease;
      }
      if (borrowed_ + idle_.size() < poolSize_) break;  // room to open a tab
      if (!tabReturned_.wait_until(lock, deadline, [&] { return !idle_.empty() || borrowed_ < poolSize_; })) {
        throw PrintError(PrintError::Kind::Timeout,
                         "the document waited longer than " + std::to_string(config_.timeout.count()) +
                             " ms (print.timeout_ms) for a free Chromium tab; all " + std::to_string(poolSize_) +
                             " were busy");
      }
    }
    ++borrowed_;
    try {
      browser = runningBrowser(lock);
    } catch (...) {
      --borrowed_;
      tabReturned_.notify_one();
      throw;
    }
  }
  try {
    return PooledTab{browser, browser->openTab(deadlineIn(kTabOpenLimit))};
  } catch (const PrintError& error) {
    if (error.kind() == PrintError::Kind::Timeout) browser->retire();
    std::lock_guard lock(mutex_);
    --borrowed_;
    tabReturned_.notify_one();
    throw;
  }
}

void ChromiumEngine::giveBack(PooledTab lease, TabFate fate) {
  std::vector<PooledTab> closing;  // destroyed after the lock is released
  {
    std::lock_guard lock(mutex_);
    --borrowed_;
    const bool current = lease.browser == browser_;
    if (fate == TabFate::Reuse && current && lease.browser->healthy()) {
      idle_.push_back(std::move(lease));
    } else {
      closing.push_back(std::move(lease));
    }
    // Restart-after-N: retire the browser; the next document starts a new one, and this one
    // dies with its last tab (documents still running on it finish first).
    if (browser_ && config_.restartAfter > 0 && browser_->documents() >= config_.restartAfter) {
      std::move(idle_.begin(), idle_.end(), std::back_inserter(closing));
      idle_.clear();
      browser_.reset();
    }
  }
  tabReturned_.notify_one();
}

std::string ChromiumEngine::printOnce(const std::string& html, PrintSteps* steps, bool& reachedTab) {
  const auto waitBegin = std::chrono::steady_clock::now();
  reachedTab = false;
  PooledTab lease = borrow(deadlineIn(config_.timeout));
  reachedTab = true;
  if (steps) steps->waitMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - waitBegin).count();
  lease.browser->countDocument();
  // The document's budget starts once it has a tab: a browser (re)start is the engine's
  // cost, and counting it would make the document after a timeout time out in turn.
  const Deadline deadline = deadlineIn(config_.timeout);
  try {
    std::string pdf = lease.tab->print(html, deadline, steps);
    giveBack(std::move(lease), TabFate::Reuse);
    return pdf;
  } catch (const PrintError& error) {
    if (error.kind() == PrintError::Kind::Timeout) {
      // The renderer may still be busy with the document, or the browser stuck: replace the
      // browser rather than wait to find out. Documents running in its other tabs finish;
      // it is killed, runaway renderer included, when the last of them comes back.
      lease.browser->retire();
      giveBack(std::move(lease), TabFate::Discard);
      throw PrintError(PrintError::Kind::Timeout, "Chromium: the document took longer than " +
                                                      std::to_string(config_.timeout.count()) +
                                                      " ms to print (print.timeout_ms); " + error.what());
    }
    const bool reusable = error.kind() == PrintError::Kind::Failed && !lease.tab->crashed();
    giveBack(std::move(lease), reusable ? TabFate::Reuse : TabFate::Discard);
    throw;
  } catch (const std::exception& error) {
    // An answer we did not understand: do not trust that tab again.
    giveBack(std::move(lease), TabFate::Discard);
    throw PrintError(PrintError::Kind::Failed, std::string("Chromium: unexpected answer while printing: ") + error.what());
  }
}

std::string ChromiumEngine::print(const std::string& html, const PrintSettings& settings) {
  PrintSteps steps;
  PrintSteps* traced = config_.trace ? &steps : nullptr;
  std::string pdf;
  std::string faults;  // what happened at each failed attempt, for the final error
  for (unsigned attempt = 1;; ++attempt) {
    bool reachedTab = false;
    try {
      pdf = printOnce(html, traced, reachedTab);
      break;
    } catch (const PrintError& error) {
      // Transient: the renderer or the browser died under the document (killed, out of
      // memory), or it hung past its deadline. A document that crashes Chromium itself
      // fails every attempt, so the retries are bounded.
      const bool transient = error.kind() == PrintError::Kind::EngineCrashed ||
                             (error.kind() == PrintError::Kind::Timeout && reachedTab);
      if (!transient) throw;
      faults += (faults.empty() ? "" : "; ") + std::string("attempt ") + std::to_string(attempt) + ": " + error.what();
      if (attempt > config_.retries) {
        throw PrintError(error.kind(), "Chromium failed " + std::to_string(attempt) + " attempts (print.retries = " +
                                           std::to_string(config_.retries) + "): " + faults);
      }
      std::this_thread::sleep_for(config_.retryBackoff * (1u << std::min(attempt - 1, 10u)));
    }
  }
  if (!traced) return applyPdfMetadata(pdf, settings, name());
  const auto begin = std::chrono::steady_clock::now();
  std::string finished = applyPdfMetadata(pdf, settings, name());
  steps.metadataMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
  std::ostringstream line;  // one write, so lines of concurrent prints do not interleave
  line.setf(std::ios::fixed);
  line.precision(1);
  line << "print.trace chromium: wait-for-tab " << steps.waitMs << " ms, load " << steps.loadMs << " ms, printToPDF "
       << steps.printMs << " ms, decode " << steps.decodeMs << " ms, metadata " << steps.metadataMs << " ms, "
       << html.size() << " B html, " << finished.size() << " B pdf\n";
  std::clog << line.str() << std::flush;
  return finished;
}

bool ChromiumEngine::ready() const {
  std::shared_ptr<ChromiumBrowser> browser;
  {
    std::lock_guard lock(mutex_);
    // A browser that crashed since is started again by the next document; one that cannot be
    // started at all is what makes the engine not ready.
    if (lastLaunchFailed_) return false;
    if (!browser_ || !browser_->healthy()) return true;
    browser = browser_;
  }
  // Outside the lock: a frozen browser must not hold up the printing threads too.
  return browser->answers(deadlineIn(config_.probeTimeout));
}

unsigned ChromiumEngine::restarts() const {
  std::lock_guard lock(mutex_);
  return launches_ > 0 ? launches_ - 1 : 0;
}

pid_t ChromiumEngine::browserPid() const {
  std::lock_guard lock(mutex_);
  return browser_ ? browser_->pid() : -1;
}

}  // namespace paraph::print
