// Documents: submitting one (with an amendment's consolidation), listing and showing them.
#include <Poco/URI.h>

#include <algorithm>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/Routes.h"
#include "http/VersionReview.h"

namespace paraph::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr int kMaxPerPage = 200;

}  // namespace

void submitDocument(Exchange& exchange) {
  auto& request = exchange.request;
  const std::string mediaType = mediaTypeOf(request.getContentType());
  if (mediaType != "application/xml" && mediaType != "text/xml") {
    throw HttpError(415, "send the document as Content-Type: application/xml, not '" + request.getContentType() + "'");
  }
  const auto& settings = exchange.context.settings;
  const std::size_t limit = std::min(settings.server.maxRequestBytes, settings.parse.maxDocumentBytes);
  enqueueInput(exchange, readBody(exchange, limit));
}

void enqueueInput(Exchange& exchange, const std::string& body, const std::string& extraName, const Object::Ptr& extra,
                  const SubmissionAnswer& answered) {
  auto& context = exchange.context;
  auto& response = exchange.response;
  const auto& settings = context.settings;
  document::AcceptedInput accepted;
  try {
    accepted = context.service.accept(body, "input.xml");
  } catch (const xml::InvalidInput& invalid) {
    throw HttpError(400, "the document is invalid; nothing was stored", diagnosticsJson(exchange, invalid.diagnostics()));
  }
  const pipeline::ValidatedDocument& document = accepted.document;
  // Cheap early refusals, so that neither a taken unique value nor a full queue writes the
  // input file; the store checks both again atomically.
  for (const auto& unique : document.uniqueValues) {
    const auto holder = context.store.uniqueHolder(document.type->name, {unique.key->key, unique.value});
    if (holder && *holder != document.id) {
      throw HttpError(400, "the document is invalid; nothing was stored", diagnosticsJson(exchange, {unique.conflictWith(*holder)}));
    }
  }
  auto queueFull = [&] {
    response.set("Retry-After", std::to_string(settings.queue.retryAfterSeconds));
    return HttpError(503, "the queue is full (queue.capacity = " + std::to_string(settings.queue.capacity) +
                              "); try again later");
  };
  auto submissionOf = [&](const std::string& id, const std::string& type, const std::string& canonicalSha256,
                          const std::string& input) {
    store::Submission submission;
    submission.documentId = id;
    submission.documentType = type;
    submission.canonicalSha256 = canonicalSha256;
    submission.inputSha256 = context.store.files().put(input);
    submission.submittedBy = exchange.who().name;
    submission.requestId = exchange.requestId;
    return submission;
  };
  // An amendment also makes the convention's next version: planned (and refused) before
  // anything is stored, then recorded with the amendment in one transaction that holds only
  // if the convention did not change meanwhile.
  auto conventionId = context.service.consolidationTarget(accepted);
  // The same amendment again: already applied, nothing new to consolidate.
  if (const auto stored = context.store.version(document.id, 0);
      conventionId && stored && stored->canonicalSha256 == accepted.canonicalSha256) {
    conventionId.reset();
  }
  const unsigned jobsNeeded = conventionId ? 2 : 1;
  if (context.store.queueDepth() + jobsNeeded > static_cast<std::int64_t>(settings.queue.capacity)) throw queueFull();
  auto pendingConvention = [&](std::int64_t job) {
    return HttpError(409, "convention '" + *conventionId + "' has a job in progress (" + jobUrl(job) + "); submit amendment '" +
                              document.id + "' once it is done, so that it applies to its result");
  };
  store::Submission submission = submissionOf(document.id, document.type->name, accepted.canonicalSha256, body);
  for (const auto& unique : document.uniqueValues) submission.uniqueClaims.push_back({unique.key->key, unique.value});
  store::SubmitOutcome outcome;
  std::optional<document::ConsolidationPlan> plan;
  std::optional<store::SubmitOutcome> consolidated;
  if (!conventionId) {
    outcome = context.store.submit(submission, settings.queue.capacity);
  } else {
    // Planned from the convention's latest version; planned again if another version lands
    // between the plan and the record (bounded: a convention that changes that fast is busy).
    for (int attempt = 1;; ++attempt) {
      if (const auto pending = context.store.pendingJob(*conventionId)) throw pendingConvention(*pending);
      const auto convention = context.store.version(*conventionId, 0);
      std::optional<std::string> conventionInput;
      if (convention) conventionInput = readVersionFile(context.store, *convention, "input.xml");
      try {
        plan = context.service.planConsolidation(accepted, body, conventionInput, convention ? convention->number : 0);
      } catch (const document::ConsolidationRefused& refused) {
        throw HttpError(refused.conflict ? 409 : 400, refused.what(),
                        refused.diagnostics.empty() ? nullptr : diagnosticsJson(exchange, refused.diagnostics));
      }
      const auto recorded = context.store.submitConsolidated(
          submission, submissionOf(plan->conventionId, "convention", plan->canonicalSha256, plan->input),
          plan->fromVersion, settings.queue.capacity);
      if (recorded.kind == store::ConsolidatedSubmitOutcome::Kind::conventionPending) {
        throw pendingConvention(recorded.pendingJob);
      }
      if (recorded.kind == store::ConsolidatedSubmitOutcome::Kind::conventionChanged) {
        if (attempt < 3) continue;
        throw HttpError(409, "convention '" + *conventionId + "' changed while amendment '" + document.id +
                                 "' was being applied; submit the amendment again");
      }
      outcome = recorded.amendment;
      consolidated = recorded.convention;
      break;
    }
  }

  Object answer = orderedObject();
  answer.set("job", outcome.job);
  answer.set("document", document.id);
  answer.set("status_url", jobUrl(outcome.job));
  if (accepted.draft()) {
    // Accepted as a draft: it renders with markers and goes to the translation service.
    Array::Ptr missing = new Array;
    for (const auto& segment : accepted.markedSegments) missing->add(segment);
    answer.set("draft", true);
    answer.set("missing_translations", missing);
  }
  if (extra) answer.set(extraName, extra);
  if (consolidated) {
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("document", plan->conventionId);
    json->set("from_version", plan->fromVersion);
    Array::Ptr changed = new Array;
    for (const auto& article : plan->changedArticles) changed->add(article);
    json->set("changed_articles", changed);
    json->set("job", consolidated->job);
    json->set("status_url", jobUrl(consolidated->job));
    if (consolidated->kind == store::SubmitOutcome::Kind::existingVersion) {
      json->set("version_url", versionUrl(plan->conventionId, consolidated->version));
    }
    answer.set("consolidated", json);
  }
  switch (outcome.kind) {
    case store::SubmitOutcome::Kind::uniqueConflict: {
      const auto& unique = document.uniqueValues.at(outcome.conflictingClaim);
      throw HttpError(400, "the document is invalid; nothing was stored",
                      diagnosticsJson(exchange, {unique.conflictWith(outcome.conflictingDocument)}));
    }
    case store::SubmitOutcome::Kind::queueFull:
      throw queueFull();
    case store::SubmitOutcome::Kind::existingVersion:
      answer.set("state", "done");
      answer.set("version", outcome.version);
      answer.set("version_url", versionUrl(document.id, outcome.version));
      answer.set("note", "this input is already version " + std::to_string(outcome.version) + "; no new version");
      if (answered) return answered(200, answer);
      response.set("Location", jobUrl(outcome.job));
      return sendJson(exchange, 200, answer);
    case store::SubmitOutcome::Kind::alreadyQueued:
      answer.set("state", "queued");
      answer.set("note", "the same input is already waiting in this job");
      break;
    case store::SubmitOutcome::Kind::queued:
      answer.set("state", "queued");
      if (context.workers != nullptr) context.workers->wake();
      break;
  }
  if (answered) return answered(202, answer);
  response.set("Location", jobUrl(outcome.job));
  sendJson(exchange, 202, answer);
}

void listDocuments(Exchange& exchange) {
  auto& context = exchange.context;
  std::string type;
  int page = 1;
  int perPage = 50;
  for (const auto& [name, value] : Poco::URI(exchange.request.getURI()).getQueryParameters()) {
    if (name == "type") {
      type = value;
    } else if (name == "page") {
      page = positiveNumber(value, "page", 400);
    } else if (name == "per_page") {
      perPage = std::min(positiveNumber(value, "per_page", 400), kMaxPerPage);
    } else {
      throw HttpError(400, "unknown query parameter '" + name + "' (known: type, page, per_page)");
    }
  }
  const auto result = context.store.documents(type, page, perPage);
  Array::Ptr documents = new Array;
  for (const auto& document : result.documents) {
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", document.id);
    json->set("type", document.type);
    json->set("reference", document.reference);
    json->set("latest_version", document.latestVersion);
    json->set("updated_at", document.updatedAt);
    json->set("url", documentUrl(document.id));
    documents->add(json);
  }
  Object body = orderedObject();
  body.set("documents", documents);
  body.set("page", page);
  body.set("per_page", perPage);
  body.set("total", result.total);
  sendJson(exchange, 200, body);
}

void showDocument(Exchange& exchange) {
  const std::string& id = exchange.parameter("id");
  auto& context = exchange.context;
  const auto document = context.store.document(id);
  if (!document) throw HttpError(404, "no document '" + id + "'");
  Array::Ptr versions = new Array;
  for (const auto& version : document->versions) {
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("number", version.number);
    json->set("state", store::toString(version.state));
    json->set("created_at", version.createdAt);
    json->set("submitted_by", version.submittedBy);
    json->set("url", versionUrl(id, version.number));
    versions->add(json);
  }
  Object body = orderedObject();
  body.set("id", document->id);
  body.set("type", document->type);
  body.set("reference", document->reference);
  body.set("created_at", document->createdAt);
  body.set("updated_at", document->updatedAt);
  body.set("latest_version", document->latestVersion);
  body.set("versions", versions);
  sendJson(exchange, 200, body);
}

}  // namespace paraph::http
