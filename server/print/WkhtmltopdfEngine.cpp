#include "print/WkhtmltopdfEngine.h"

#include <unistd.h>

#include <system_error>

#include "print/ChildProcess.h"
#include "print/ClosedLoopbackPort.h"
#include "print/PdfMetadata.h"
#include "print/TempDirectory.h"

namespace paraph::print {
namespace {

bool isCompletePdf(const std::string& bytes) {
  return bytes.rfind("%PDF-", 0) == 0 && bytes.find("%%EOF", bytes.size() > 1024 ? bytes.size() - 1024 : 0) != std::string::npos;
}

std::string lastLines(const std::string& text, std::size_t maxChars = 600) {
  return text.size() <= maxChars ? text : "…" + text.substr(text.size() - maxChars);
}

}  // namespace

WkhtmltopdfEngine::WkhtmltopdfEngine(const EngineConfig& config) : config_(config) {
  if (::access(config_.wkhtmltopdfPath.c_str(), X_OK) != 0) {
    throw PrintError(PrintError::Kind::EngineUnavailable, "wkhtmltopdf not found or not executable at " + config_.wkhtmltopdfPath);
  }
  try {
    deadProxy_ = std::make_unique<ClosedLoopbackPort>();
  } catch (const std::system_error& error) {
    throw PrintError(PrintError::Kind::EngineUnavailable, std::string("wkhtmltopdf: ") + error.what());
  }
}

WkhtmltopdfEngine::~WkhtmltopdfEngine() = default;

bool WkhtmltopdfEngine::ready() const { return ::access(config_.wkhtmltopdfPath.c_str(), X_OK) == 0; }

std::vector<std::string> WkhtmltopdfEngine::argumentsFor(const PrintSettings& settings) const {
  std::vector<std::string> arguments{
      "--quiet",
      "--proxy", "http://127.0.0.1:" + std::to_string(deadProxy_->port()),
      "--disable-local-file-access",
  };
  if (!config_.stylesDir.empty()) {
    arguments.insert(arguments.end(), {"--allow", config_.stylesDir});
  }
  arguments.insert(arguments.end(), {
      "--disable-javascript",
      "--load-error-handling", "ignore",
      "--load-media-error-handling", "ignore",
      "--page-size", "A4",
      // The project's print stylesheet asks for these through @page, which Qt ignores.
      "--margin-top", "25mm", "--margin-bottom", "25mm",
      "--margin-left", "20mm", "--margin-right", "20mm",
      "--encoding", "utf-8",
  });
  if (!settings.title.empty()) arguments.insert(arguments.end(), {"--title", settings.title});
  arguments.insert(arguments.end(), {"-", "-"});
  return arguments;
}

std::string WkhtmltopdfEngine::print(const std::string& html, const PrintSettings& settings) {
  const Deadline deadline = deadlineIn(config_.timeout);
  // Qt wants a runtime folder and a home; each document gets its own, removed afterwards.
  const TempDirectory runtime("paraph-wkhtmltopdf-");
  ChildProcess::Outcome outcome;
  try {
    ChildProcess process(config_.wkhtmltopdfPath, argumentsFor(settings),
                         {"QT_QPA_PLATFORM=offscreen", "XDG_RUNTIME_DIR=" + runtime.path(), "HOME=" + runtime.path()},
                         ChildProcess::Streams{true, true, true});
    outcome = process.communicate(html, deadline);
  } catch (const std::system_error& error) {
    throw PrintError(PrintError::Kind::EngineUnavailable, std::string("cannot start wkhtmltopdf: ") + error.what());
  }
  if (outcome.timedOut) {
    throw PrintError(PrintError::Kind::Timeout, "wkhtmltopdf: the document took longer than " +
                                                    std::to_string(config_.timeout.count()) +
                                                    " ms to print (print.timeout_ms); the process was killed");
  }
  if (!outcome.exited) {
    throw PrintError(PrintError::Kind::EngineCrashed,
                     "wkhtmltopdf was killed by signal " + std::to_string(outcome.signal) + ": " + lastLines(outcome.err));
  }
  const bool onlyBlockedResources = outcome.exitCode == 1 && outcome.err.find("network error") != std::string::npos;
  if ((outcome.exitCode != 0 && !onlyBlockedResources) || !isCompletePdf(outcome.out)) {
    throw PrintError(PrintError::Kind::Failed, "wkhtmltopdf failed (exit code " + std::to_string(outcome.exitCode) +
                                                   "): " + lastLines(outcome.err));
  }
  return applyPdfMetadata(outcome.out, settings, name());
}

}  // namespace paraph::print
