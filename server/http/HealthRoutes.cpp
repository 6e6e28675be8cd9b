// Liveness and readiness, Prometheus metrics, and the API's own description.
#include <Poco/Net/HTTPResponse.h>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/Routes.h"

namespace paraph::http {

void health(Exchange& exchange) {
  auto& context = exchange.context;
  const bool engineReady = context.engine == nullptr || context.engine->ready();
  const bool storeWritable = context.store.writable();
  Poco::JSON::Object body = orderedObject();
  body.set("status", "ok");
  // Not ready while a job could not be printed or its outcome not stored: a load balancer
  // sends submissions elsewhere, and readiness returns by itself with the engine or the disk.
  body.set("ready", engineReady && storeWritable);
  body.set("store", storeWritable ? "writable" : "cannot write (disk full or failing)");
  body.set("engine", context.engine != nullptr ? context.engine->name() : "none");
  body.set("workers", context.workers != nullptr ? context.workers->size() : 0);
  body.set("version", PARAPH_VERSION);
  sendJson(exchange, 200, body);
}

void metrics(Exchange& exchange) {
  auto& context = exchange.context;
  Metrics::Snapshot snapshot;
  snapshot.jobs = context.store.jobCounts();
  snapshot.queueDepth = snapshot.jobs[store::JobState::queued];
  snapshot.engine = context.engine != nullptr ? context.engine->name() : "none";
  snapshot.engineRestarts = context.engine != nullptr ? context.engine->restarts() : 0;
  snapshot.ready = (context.engine == nullptr || context.engine->ready()) && context.store.writable();
  snapshot.xsltTransforms = context.pipeline.transformCount();
  sendBytes(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", context.metrics.render(snapshot));
}

void openApi(Exchange& exchange) {
  const auto& text = exchange.context.openApi;
  if (text.empty()) throw HttpError(404, "docs/openapi.json is missing from this installation");
  exchange.response.set("Cache-Control", "no-cache");
  sendBytes(exchange, 200, "application/json", text);
}

}  // namespace paraph::http
