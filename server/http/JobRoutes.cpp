// Jobs: a submission's progress, and retrying a failed one.
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/Routes.h"

namespace paraph::http {
namespace {

using Poco::JSON::Object;

Object::Ptr jobJson(const store::JobRecord& job) {
  Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("job", job.id);
  json->set("state", store::toString(job.state));
  json->set("document", job.documentId);
  json->set("type", job.documentType);
  json->set("version", job.state == store::JobState::done ? Poco::Dynamic::Var(job.version) : Poco::Dynamic::Var());
  json->set("error", job.state == store::JobState::failed ? Poco::Dynamic::Var(job.error) : Poco::Dynamic::Var());
  json->set("attempts", job.attempts);
  json->set("submitted_by", job.submittedBy);
  json->set("submitted_at", job.submittedAt);
  json->set("started_at", job.startedAt.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(job.startedAt));
  json->set("finished_at", job.finishedAt.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(job.finishedAt));
  Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));  // keep the stages in order
  json->set("timings", parser.parse(job.timingsJson.empty() ? "{}" : job.timingsJson));
  json->set("status_url", jobUrl(job.id));
  if (job.state == store::JobState::done) json->set("version_url", versionUrl(job.documentId, job.version));
  if (job.state == store::JobState::failed) json->set("retry_url", jobUrl(job.id) + "/retry");
  return json;
}

}  // namespace

void showJob(Exchange& exchange) {
  const std::string& id = exchange.parameter("job");
  auto& context = exchange.context;
  const int number = positiveNumber(id, "the job", 404);
  const auto job = context.store.job(number);
  if (!job) throw HttpError(404, "no job " + id);
  sendJson(exchange, 200, *jobJson(*job));
}

void retryJob(Exchange& exchange) {
  const std::string& id = exchange.parameter("job");
  auto& context = exchange.context;
  const int number = positiveNumber(id, "the job", 404);
  switch (context.store.retry(number)) {
    case store::Store::RetryOutcome::notFound: throw HttpError(404, "no job " + id);
    case store::Store::RetryOutcome::notFailed:
      throw HttpError(409, "job " + id + " has not failed; only a failed job can be retried");
    case store::Store::RetryOutcome::retried: break;
  }
  if (context.workers != nullptr) context.workers->wake();
  exchange.response.set("Location", jobUrl(number));
  sendJson(exchange, 202, *jobJson(*context.store.job(number)));
}

}  // namespace paraph::http
