#include "http/JobRunner.h"

#include <Poco/JSON/Object.h>

#include <future>
#include <sstream>

#include "http/VersionReview.h"
#include "l10n/Lang.h"
#include "print/PrintSettingsFor.h"

namespace paraph::http {
namespace {

using Clock = std::chrono::steady_clock;
using l10n::Lang;

// Thrown between stages; turned into a failed job (timeout) or a job put back (shutdown).
struct JobTimedOut : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct JobAbandoned {};

std::string printErrorKind(print::PrintError::Kind kind) {
  switch (kind) {
    case print::PrintError::Kind::Timeout: return "timeout";
    case print::PrintError::Kind::EngineUnavailable: return "engine unavailable";
    case print::PrintError::Kind::EngineCrashed: return "engine crashed";
    case print::PrintError::Kind::Failed: return "print failed";
  }
  return "print failed";
}

std::string mediaTypeOf(const pipeline::DocumentType& type, const std::string& format, const std::string& fallback) {
  const auto* output = type.output(format);
  return output != nullptr && !output->mediaType.empty() ? output->mediaType : fallback;
}

// Times the stages of one job and reports each to the metrics.
class StageClock {
 public:
  StageClock(Metrics& metrics, std::string engine) : metrics_(metrics), engine_(std::move(engine)) {}

  template <typename Work>
  auto time(const std::string& stage, const std::string& key, Work&& work) {
    const auto start = Clock::now();
    auto result = work();
    record(stage, key, Clock::now() - start);
    return result;
  }
  void record(const std::string& stage, const std::string& key, Clock::duration elapsed) {
    const double seconds = std::chrono::duration<double>(elapsed).count();
    timings_.set(key + "_ms", static_cast<double>(std::chrono::round<std::chrono::microseconds>(elapsed).count()) / 1000.0);
    if (!type_.empty()) metrics_.observeStage(stage, type_, engine_, seconds);
  }
  void setType(const std::string& type) { type_ = type; }
  std::string json() const {
    std::ostringstream text;
    timings_.stringify(text);
    return text.str();
  }

 private:
  Metrics& metrics_;
  std::string engine_;
  std::string type_;
  Poco::JSON::Object timings_{Poco::JSON_PRESERVE_KEY_ORDER};
};

}  // namespace

JobRunner::JobRunner(const pipeline::Pipeline& pipeline, const review::QaChecker& qa, print::PrintEngine& engine,
                     store::Store& store, Metrics& metrics, JsonLog& log, std::chrono::milliseconds jobTimeout,
                     xml::ParseLimits limits)
    : pipeline_(pipeline),
      qa_(qa),
      engine_(engine),
      store_(store),
      metrics_(metrics),
      log_(log),
      jobTimeout_(jobTimeout),
      limits_(limits) {}

void JobRunner::run(const store::JobRecord& job, const std::atomic<bool>& abandon) {
  const auto start = Clock::now();
  StageClock clock(metrics_, engine_.name());
  clock.setType(job.documentType);
  std::string stage = "validate";
  auto between = [&](const std::string& next) {
    if (abandon) throw JobAbandoned{};
    if (Clock::now() - start > jobTimeout_) {
      throw JobTimedOut("timeout: the job took longer than queue.job_timeout_ms (" +
                        std::to_string(jobTimeout_.count()) + " ms) before stage " + next);
    }
    stage = next;
  };
  Poco::JSON::Object fields(Poco::JSON_PRESERVE_KEY_ORDER);
  fields.set("job", job.id);
  fields.set("document", job.documentId);
  fields.set("request_id", job.requestId);
  fields.set("attempt", job.attempts);
  try {
    const std::string input = store_.files().read(job.inputSha256);
    const auto accepted = clock.time("validate", "validate", [&] {
      return acceptInput(pipeline_, input, "input.xml", limits_);
    });
    const auto& document = accepted.document;
    between("review");
    const auto reviewed = clock.time("review", "review", [&] {
      std::string previousInput;
      if (const auto previous = store_.version(job.documentId, 0)) previousInput = readVersionFile(store_, *previous, "input.xml");
      return reviewInput(input, previousInput, qa_, limits_);
    });
    // The three editions: each language, and the side-by-side one for review and archive.
    struct Edition {
      std::string name;  // fr, nl, fr-nl
      pipeline::RenderedHtml html;
      print::PrintSettings print;
      std::string pdf;
      Clock::duration printTime{};
    };
    std::vector<Edition> editions;
    for (Lang lang : l10n::kAllLangs) {
      between("render_" + std::string(l10n::code(lang)));
      auto html = clock.time("render", stage, [&] { return pipeline_.renderHtml(document, lang); });
      auto settings = print::printSettingsFor(document, html, lang);
      editions.push_back({std::string(l10n::code(lang)), std::move(html), std::move(settings), {}, {}});
    }
    between("render_fr_nl");
    {
      auto html = clock.time("render", stage, [&] { return pipeline_.renderSideBySide(document); });
      auto settings = print::printSettingsForSideBySide(document, html);
      editions.push_back({"fr-nl", std::move(html), std::move(settings), {}, {}});
    }
    between("print");
    // The editions print concurrently: the engine is thread-safe and keeps a pool of tabs.
    auto printOne = [&](Edition& edition) {
      const auto printStart = Clock::now();
      edition.pdf = engine_.print(edition.html.html, edition.print);
      edition.printTime = Clock::now() - printStart;
    };
    std::vector<std::future<void>> printing;
    for (std::size_t index = 1; index < editions.size(); ++index) {
      printing.push_back(std::async(std::launch::async, printOne, std::ref(editions[index])));
    }
    printOne(editions.front());
    for (auto& printed : printing) printed.get();
    for (const auto& edition : editions) clock.record("print", "print_" + edition.name, edition.printTime);
    between("store");
    store::NewVersion made;
    made.reference = document.reference;
    made.sourceLanguage = std::string(l10n::code(document.sourceLanguage));
    made.pipelineVersion = PARAPH_VERSION;
    made.engine = engine_.name();
    made.initialState = !accepted.draft() && reviewed.status.complete() ? store::ReviewState::inReview
                                                                         : store::ReviewState::draft;
    clock.time("store", "store", [&] {
      const std::string htmlType = mediaTypeOf(*document.type, "html", "text/html; charset=utf-8");
      const std::string pdfType = mediaTypeOf(*document.type, "pdf", "application/pdf");
      for (const auto& edition : editions) {
        const auto& bytes = edition.html.html;
        made.outputs.push_back({edition.name + ".html", htmlType, static_cast<std::int64_t>(bytes.size()), store_.files().put(bytes)});
      }
      for (const auto& edition : editions) {
        made.outputs.push_back({edition.name + ".pdf", pdfType, static_cast<std::int64_t>(edition.pdf.size()), store_.files().put(edition.pdf)});
      }
      return 0;
    });
    fields.set("state", store::toString(made.initialState));
    fields.set("findings", reviewed.findings.size());
    clock.record("total", "total", Clock::now() - start);
    made.timingsJson = clock.json();
    const int version = store_.complete(job.id, made);
    fields.set("version", version);
    fields.set("ms", std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    log_.info("job_done", fields);
    return;
  } catch (const JobAbandoned&) {
    store_.putBack(job.id);
    log_.warning("job_put_back", fields);
    return;
  } catch (const print::PrintError& error) {
    fields.set("error", printErrorKind(error.kind()) + ": " + error.what());
  } catch (const xml::InvalidInput& invalid) {
    // Valid when submitted; invalid now means the catalog or schema changed since.
    std::string message = "invalid:";
    for (const auto& diagnostic : invalid.diagnostics()) message += " " + diagnostic.toLine();
    fields.set("error", message);
  } catch (const std::exception& error) {
    fields.set("error", stage + ": " + error.what());
  }
  clock.record("total", "total", Clock::now() - start);
  const std::string reason = fields.getValue<std::string>("error");
  try {
    store_.fail(job.id, reason, clock.json());
  } catch (const std::exception& error) {
    fields.set("store_error", error.what());
  }
  log_.error("job_failed", fields);
}

}  // namespace paraph::http
