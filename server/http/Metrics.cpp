#include "http/Metrics.h"

#include <sstream>

namespace paraph::http {
namespace {

// Label values come from the catalog and configuration, but escape them anyway.
std::string labelValue(const std::string& value) {
  std::string escaped;
  for (char c : value) {
    if (c == '\\' || c == '"') escaped += '\\';
    if (c == '\n') {
      escaped += "\\n";
      continue;
    }
    escaped += c;
  }
  return escaped;
}

}  // namespace

void Metrics::countResponse(int status) {
  std::lock_guard lock(mutex_);
  ++responses_[status];
}

void Metrics::observeStage(const std::string& stage, const std::string& documentType, const std::string& engine,
                           double seconds) {
  std::lock_guard lock(mutex_);
  stages_[{stage, documentType, engine}].observe(seconds);
}

std::string Metrics::render(const Snapshot& snapshot) const {
  std::ostringstream text;
  text << "# HELP paraph_jobs Jobs in the store by state.\n# TYPE paraph_jobs gauge\n";
  for (const auto& [state, count] : snapshot.jobs) {
    text << "paraph_jobs{state=\"" << store::toString(state) << "\"} " << count << '\n';
  }
  text << "# HELP paraph_queue_depth Jobs waiting for a worker.\n# TYPE paraph_queue_depth gauge\n"
       << "paraph_queue_depth " << snapshot.queueDepth << '\n';
  text << "# HELP paraph_ready 1 when the server can take and run jobs (print engine included).\n"
       << "# TYPE paraph_ready gauge\nparaph_ready " << (snapshot.ready ? 1 : 0) << '\n';
  text << "# HELP paraph_engine_restarts_total Print engine restarts since the server started.\n"
       << "# TYPE paraph_engine_restarts_total counter\n"
       << "paraph_engine_restarts_total{engine=\"" << labelValue(snapshot.engine) << "\"} " << snapshot.engineRestarts
       << '\n';
  text << "# HELP paraph_xslt_transforms_total XSLT transforms run since the server started (three per job: French, "
          "Dutch, and the side-by-side edition made from those two).\n"
       << "# TYPE paraph_xslt_transforms_total counter\nparaph_xslt_transforms_total " << snapshot.xsltTransforms
       << '\n';
  std::lock_guard lock(mutex_);
  text << "# HELP paraph_stage_duration_seconds Time spent in each stage of a job.\n"
       << "# TYPE paraph_stage_duration_seconds histogram\n";
  for (const auto& [key, histogram] : stages_) {
    const auto& [stage, type, engine] = key;
    text << histogram.render("paraph_stage_duration_seconds", "stage=\"" + labelValue(stage) + "\",type=\"" +
                                                                  labelValue(type) + "\",engine=\"" +
                                                                  labelValue(engine) + "\"");
  }
  text << "# HELP paraph_http_responses_total HTTP responses by status code.\n"
       << "# TYPE paraph_http_responses_total counter\n";
  for (const auto& [status, count] : responses_) {
    text << "paraph_http_responses_total{status=\"" << status << "\"} " << count << '\n';
  }
  return text.str();
}

}  // namespace paraph::http
