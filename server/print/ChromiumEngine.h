// The default engine: a warm Chromium driven over the DevTools protocol.
//
// Pool: up to poolSize tabs (0 = number of cores), each borrowed by one print() at a time;
// callers beyond that wait for a free tab, at most print.timeout_ms. The document then has
// print.timeout_ms to load and print; starting a browser (at most 30 s) counts for neither.
// Restarts (Gotenberg-style), counted by restarts():
//  - after restartAfter documents on one browser, against memory growth: the next document
//    starts a new browser; documents still running on the old one finish there, and the old
//    one is killed when its last tab comes back;
//  - when the browser crashed or was killed (the DevTools socket closed): the document that
//    was running is retried on a new browser;
//  - after a document timed out (its renderer may still be busy with it, or the browser is
//    stuck): the browser is retired like above, so the caller gets the Timeout at the
//    deadline and the runaway renderer dies with the old browser.
// Transient faults are retried print.retries times, waiting print.retry_backoff_ms before
// the first retry and twice as long before each next one: a renderer crash (the tab is
// discarded, the next attempt gets a fresh one), a browser crash, and a hang past
// print.timeout_ms (the browser is retired, the next attempt starts a new one). Waiting for
// a free tab past print.timeout_ms is not retried (the pool is busy, not faulty), nor is a
// document Chromium refuses. The final error says what happened at each attempt.
// Output: CSS @page size and margin boxes (page numbers), tagged PDF, outline from the
// headings, backgrounds; then applyPdfMetadata (Info dictionary, /Lang).
#pragma once

#include <sys/types.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "print/Deadline.h"
#include "print/PrintEngine.h"

namespace paraph::print {

class ChromiumBrowser;
class ChromiumTab;
struct PrintSteps;

class ChromiumEngine final : public PrintEngine {
 public:
  // Starts the browser and opens the pool's tabs; throws PrintError(EngineUnavailable).
  explicit ChromiumEngine(const EngineConfig& config);
  // Kills the browser; every print() must have returned.
  ~ChromiumEngine() override;
  ChromiumEngine(const ChromiumEngine&) = delete;
  ChromiumEngine& operator=(const ChromiumEngine&) = delete;

  std::string name() const override { return "chromium"; }
  std::string print(const std::string& html, const PrintSettings& settings) override;
  // False when the last attempt to start a browser failed, or when the running browser does
  // not answer a protocol ping within print.probe_timeout_ms (frozen, SIGSTOP). A browser
  // that crashed is started again by the next document, so a crash alone does not make the
  // engine unready.
  bool ready() const override;
  unsigned restarts() const override;

  // The running browser's process id, or -1 (tests kill it; the benchmark measures its tree).
  pid_t browserPid() const;
  unsigned poolSize() const { return poolSize_; }

 private:
  // Members in this order so the tab goes before the browser it lives in.
  struct PooledTab {
    std::shared_ptr<ChromiumBrowser> browser;
    std::unique_ptr<ChromiumTab> tab;
  };
  enum class TabFate { Reuse, Discard };

  PooledTab borrow(Deadline deadline);
  void giveBack(PooledTab lease, TabFate fate);
  std::shared_ptr<ChromiumBrowser> runningBrowser(std::unique_lock<std::mutex>& lock);
  // reachedTab is set once the document had a tab: a timeout before is the pool's.
  std::string printOnce(const std::string& html, PrintSteps* steps, bool& reachedTab);

  const EngineConfig config_;
  const unsigned poolSize_;
  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable tabReturned_;
  std::shared_ptr<ChromiumBrowser> browser_;  // the current one; null after a retirement
  std::vector<PooledTab> idle_;
  unsigned borrowed_ = 0;
  unsigned launches_ = 0;
  bool lastLaunchFailed_ = false;
};

}  // namespace paraph::print
