#include "http/JobRunner.h"

#include <Poco/JSON/Object.h>
#include <malloc.h>

#include <future>
#include <sstream>

#include "http/VersionReview.h"
#include "l10n/Lang.h"

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
  template <typename Duration>
  void record(const std::string& stage, const std::string& key, Duration elapsed) {
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

JobRunner::JobRunner(const document::DocumentService& service, print::PrintEngine& engine, store::Store& store,
                     Metrics& metrics, JsonLog& log, std::chrono::milliseconds jobTimeout)
    : service_(service), engine_(engine), store_(store), metrics_(metrics), log_(log), jobTimeout_(jobTimeout) {}

void JobRunner::run(const store::JobRecord& job, const std::atomic<bool>& abandon) {
  // A large document's trees, HTML and PDFs (hundreds of MB) are freed when the job ends,
  // but glibc keeps freed heap pages in its arenas: without a trim, the server's memory stays
  // at the peak of its largest job for ever. The trim costs a walk of the free lists, small
  // against a job; it runs however the job ends.
  struct ReturnMemoryAfterJob {
    ~ReturnMemoryAfterJob() { ::malloc_trim(0); }
  } returnMemory;
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
    const auto accepted = clock.time("validate", "validate", [&] { return service_.accept(input, "input.xml"); });
    between("review");
    const auto reviewed = clock.time("review", "review", [&] {
      std::string previousInput;
      if (const auto previous = store_.version(job.documentId, 0)) previousInput = readVersionFile(store_, *previous, "input.xml");
      return service_.review(input, previousInput);
    });
    clock.setType(accepted.document.type->name);
    const auto rendered = service_.render(
        accepted, {},
        [&](const std::string& stageName, const std::string& key, std::chrono::nanoseconds elapsed) {
          clock.record(stageName, key, elapsed);
        },
        between);
    between("store");
    store::NewVersion made;
    made.reference = accepted.document.reference;
    made.sourceLanguage = std::string(l10n::code(accepted.document.sourceLanguage));
    made.pipelineVersion = PARAPH_VERSION;
    made.engine = engine_.name();
    made.initialState = !accepted.draft() && reviewed.status.complete() ? store::ReviewState::inReview
                                                                         : store::ReviewState::draft;
    made.inputSize = static_cast<std::int64_t>(input.size());
    clock.time("store", "store", [&] {
      for (const auto& file : rendered.files) {
        made.outputs.push_back({file.name, file.mediaType, static_cast<std::int64_t>(file.bytes.size()),
                                store_.files().put(file.bytes)});
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
  } catch (const store::StorageUnavailable& error) {
    // Not the document's fault: the job waits in the queue until the store can write again.
    fields.set("error", error.what());
    try {
      store_.putBack(job.id);
    } catch (const std::exception&) {
      // Cannot even record that: the worker pool puts unheld running jobs back later.
    }
    log_.warning("job_waits_for_storage", fields);
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
