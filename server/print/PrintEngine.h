// paraph::print turns a document's HTML into PDF. Every caller (the command line, the
// server's workers, the benchmark) uses only this interface; the engines behind it are
// chosen by configuration (print.engine).
#pragma once

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace paraph::print {

struct PrintSettings {
  std::string title;
  std::string author;              // "INAMI – RIZIV" for French, "RIZIV – INAMI" for Dutch
  std::string subject;
  std::vector<std::string> keywords;
  std::string language;            // BCP 47, e.g. "fr-BE"
  std::string documentReference;   // e.g. the file reference; shown in the running footer
};

class PrintError : public std::runtime_error {
 public:
  enum class Kind { Timeout, EngineUnavailable, EngineCrashed, Failed };
  PrintError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

class PrintEngine {
 public:
  virtual ~PrintEngine() = default;
  // "chromium" or "wkhtmltopdf".
  virtual std::string name() const = 0;
  // Returns the PDF bytes, or throws PrintError saying what went wrong. Thread-safe: the
  // server's workers call it concurrently.
  virtual std::string print(const std::string& html, const PrintSettings& settings) = 0;
  // True when the engine can take a document now (for the readiness probe).
  virtual bool ready() const = 0;
  // How many times the engine restarted its browser since it was created.
  virtual unsigned restarts() const { return 0; }
};

struct EngineConfig {
  std::string engine = "chromium";          // print.engine
  std::string chromiumPath = "/usr/bin/chromium";
  std::string wkhtmltopdfPath = "/usr/bin/wkhtmltopdf";
  unsigned poolSize = 0;                     // print.pool_size; 0 = number of cores
  unsigned restartAfter = 500;               // print.restart_after documents
  std::chrono::milliseconds timeout{30000};  // print.timeout_ms per document
  std::string stylesDir;                     // the only local folder an engine may read
  // Where browser profiles are made and swept at start: <store.data_dir>/browser-profiles
  // for `paraph serve`; empty (the command line) = $TMPDIR. Not a setting of its own.
  std::string profilesDir;
  std::chrono::milliseconds probeTimeout{2000};  // print.probe_timeout_ms: ready()'s ping
  // print.retries: further attempts after a transient engine fault (a renderer or browser
  // crash, a hang past print.timeout_ms), each on a fresh tab or browser.
  unsigned retries = 2;
  // print.retry_backoff_ms: the wait before the first retry, doubled before each next one.
  std::chrono::milliseconds retryBackoff{500};
  bool trace = false;                        // print.trace: one line per PDF on stderr, time per step
};

// Creates the configured engine; throws PrintError(EngineUnavailable) when it cannot start.
std::unique_ptr<PrintEngine> makeEngine(const EngineConfig& config);

}  // namespace paraph::print
