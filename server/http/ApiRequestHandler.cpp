#include "http/ApiRequestHandler.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <fstream>
#include <sstream>

#include "http/ApiSupport.h"
#include "http/ConsolidationPlan.h"
#include "http/HttpError.h"
#include "http/VersionReview.h"
#include "store/Sha256.h"
#include "xml/SafeParser.h"

namespace paraph::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

const std::set<std::string> kReaders{"submitter", "translator", "reviewer", "publisher", "admin"};
const std::set<std::string> kSubmitters{"submitter", "admin"};
const std::set<std::string> kAdmins{"admin"};
// POST …/versions/{n}/{step}: the review and publication steps (ReviewActions).
const std::set<std::string> kVersionSteps{"submit-for-review", "approve", "reject", "publish", "withdraw"};
const std::set<std::string> kVersionFiles{"input.xml", "fr.html", "nl.html", "fr-nl.html",
                                           "fr.pdf",    "nl.pdf",  "fr-nl.pdf"};

// A body larger than the limit is read and thrown away up to this much, so that the client
// gets its 413 instead of a reset connection; beyond it the connection is closed.
constexpr std::size_t kMaxDrainBytes = 64 * 1024 * 1024;
constexpr int kMaxPerPage = 200;

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

void ApiRequestHandler::handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) {
  const auto start = std::chrono::steady_clock::now();
  const std::string given = request.get("X-Request-Id", "");
  requestId_ = acceptableRequestId(given)
                   ? given
                   : context_.requestIdPrefix + "-" + std::to_string(context_.requestCounter.fetch_add(1) + 1);
  response.set("X-Request-Id", requestId_);
  Object fields = orderedObject();
  try {
    route(request, response);
  } catch (const HttpError& error) {
    if (!response.sent()) sendError(response, error.status(), error.what(), error.errors());
    fields.set("error", std::string(error.what()));
  } catch (const std::exception& error) {
    if (!response.sent()) sendError(response, 500, "internal error (request " + requestId_ + ")", nullptr);
    fields.set("error", std::string(error.what()));
  }
  if (status_ == 0) status_ = static_cast<int>(response.getStatus());
  context_.metrics.countResponse(status_);
  fields.set("request_id", requestId_);
  fields.set("method", request.getMethod());
  fields.set("path", request.getURI());
  fields.set("status", status_);
  fields.set("ms", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  if (principal_) fields.set("principal", principal_->name);
  if (status_ >= 500) {
    context_.log.error("request", fields);
  } else {
    context_.log.info("request", fields);
  }
}

const Principal& ApiRequestHandler::requireRole(HTTPServerRequest& request, const std::set<std::string>& roles) {
  principal_ = context_.authenticator.authenticate(request.get("Authorization", ""));
  if (!principal_) {
    throw HttpError(401, "a valid bearer token is required (Authorization: Bearer <token>)");
  }
  if (!principal_->hasAnyRole(roles)) {
    std::string wanted;
    for (const auto& role : roles) wanted += (wanted.empty() ? "" : ", ") + role;
    throw HttpError(403, "token '" + principal_->name + "' lacks a role for this request (one of: " + wanted + ")");
  }
  return *principal_;
}

void ApiRequestHandler::route(HTTPServerRequest& request, HTTPServerResponse& response) {
  const Poco::URI uri(request.getURI());
  const auto segments = segmentsOf(uri.getPath());
  const std::string& method = request.getMethod();
  const auto size = segments.size();
  auto only = [&](const std::string& allowed) {
    if (method != allowed) {
      response.set("Allow", allowed);
      throw HttpError(405, method + " is not allowed here; use " + allowed);
    }
  };
  if (size == 1 && segments[0] == "healthz") {
    only("GET");
    return health(response);
  }
  // Public: what the website pulls (published versions only), no token.
  // HEAD too: a reader may check a feed or a file without its body (Poco sends none).
  auto readOnly = [&] {
    if (method != "GET" && method != "HEAD") {
      response.set("Allow", "GET, HEAD");
      throw HttpError(405, method + " is not allowed here; use GET");
    }
  };
  if (size == 4 && segments[0] == "pub") {
    readOnly();
    return publicFile(segments, request, response);
  }
  if ((size == 1 && segments[0] == "feed.atom") || (size == 2 && segments[0] == "feed")) {
    readOnly();
    return feed(size == 1 ? segments[0] : segments[1], request, response);
  }
  if (size >= 2 && segments[0] == "review") {
    browserPage_ = true;
    requireRole(request, kReaders);
    return reviewPage(segments, request, response);
  }
  const bool api = size >= 2 && segments[0] == "api" && segments[1] == "v1";
  if (size == 1 && segments[0] == "metrics") {
    requireRole(request, kAdmins);
    only("GET");
    return metrics(response);
  }
  if (!api) {
    requireRole(request, kReaders);
    throw HttpError(404, "no such resource: " + uri.getPath());
  }
  if (size == 3 && segments[2] == "documents" && method == "POST") {
    requireRole(request, kSubmitters);
    return submit(request, response);
  }
  if (size == 5 && segments[2] == "jobs" && segments[4] == "retry") {
    requireRole(request, kSubmitters);
    only("POST");
    return retryJob(segments[3], response);
  }
  requireRole(request, kReaders);
  if (size == 3 && segments[2] == "openapi.json") {
    only("GET");
    if (context_.openApi.empty()) throw HttpError(404, "docs/openapi.json is missing from this installation");
    response.setStatus(HTTPResponse::HTTP_OK);
    response.setContentType("application/json");
    response.setContentLength64(static_cast<Poco::Int64>(context_.openApi.size()));
    response.send() << context_.openApi;
    return;
  }
  if (size == 3 && segments[2] == "documents") {
    only("GET");
    return listDocuments(request, response);
  }
  if (size == 4 && segments[2] == "jobs") {
    only("GET");
    return showJob(segments[3], response);
  }
  if (size >= 4 && segments[2] == "documents") {
    const std::string& id = segments[3];  // Poco::URI::getPath has decoded it
    const bool version = size >= 6 && segments[4] == "versions";
    if (size == 7 && version && segments[6] == "translation.xlf") {
      if (method == "POST") return importTranslation(id, segments[5], request, response);
      only("GET");
      return exportTranslation(id, segments[5], request, response);
    }
    if (size == 7 && version && kVersionSteps.contains(segments[6])) {
      only("POST");
      return versionStep(id, segments[5], segments[6], request, response);
    }
    if (size == 9 && version && segments[6] == "findings" && segments[8] == "acknowledge") {
      only("POST");
      return acknowledgeFinding(id, segments[5], segments[7], response);
    }
    if (size == 9 && version && segments[6] == "segments" && segments[8] == "comments") {
      only("POST");
      return commentOnSegment(id, segments[5], segments[7], request, response);
    }
    only("GET");
    if (size == 4) return showDocument(id, response);
    if (size == 6 && version) return showVersion(id, segments[5], response);
    if (size == 7 && version && segments[6] == "review") return showReview(id, segments[5], response);
    if (size == 7 && version) return sendVersionFile(id, segments[5], segments[6], request, response);
  }
  throw HttpError(404, "no such resource: " + uri.getPath());
}

void ApiRequestHandler::health(HTTPServerResponse& response) {
  Object body = orderedObject();
  const bool engineReady = context_.engine == nullptr || context_.engine->ready();
  body.set("status", "ok");
  body.set("ready", engineReady);
  body.set("engine", context_.engine != nullptr ? context_.engine->name() : "none");
  body.set("workers", context_.workers != nullptr ? context_.workers->size() : 0);
  body.set("version", PARAPH_VERSION);
  sendJson(response, 200, body);
}

void ApiRequestHandler::metrics(HTTPServerResponse& response) {
  Metrics::Snapshot snapshot;
  snapshot.jobs = context_.store.jobCounts();
  snapshot.queueDepth = snapshot.jobs[store::JobState::queued];
  snapshot.engine = context_.engine != nullptr ? context_.engine->name() : "none";
  snapshot.engineRestarts = context_.engine != nullptr ? context_.engine->restarts() : 0;
  snapshot.ready = context_.engine == nullptr || context_.engine->ready();
  const std::string text = context_.metrics.render(snapshot);
  response.setStatus(HTTPResponse::HTTP_OK);
  response.setContentType("text/plain; version=0.0.4; charset=utf-8");
  response.set("Cache-Control", "no-store");
  response.setContentLength64(static_cast<Poco::Int64>(text.size()));
  response.send() << text;
}

std::string ApiRequestHandler::readBody(HTTPServerRequest& request, std::size_t limit) {
  // TRANSPORT HOOK (keep when merging): neither Content-Length nor Transfer-Encoding means no
  // body (RFC 9112 §6.3); Poco's stream would otherwise wait for the client to close.
  if (!request.hasContentLength() && !request.getChunkedTransferEncoding()) return {};
  auto& stream = request.stream();
  auto tooLarge = [&](std::size_t alreadyRead) {
    // Drain what the client is still sending (bounded), so it can read the answer.
    std::size_t drained = alreadyRead;
    char sink[16384];
    while (drained < kMaxDrainBytes && stream.read(sink, sizeof sink).gcount() > 0) {
      drained += static_cast<std::size_t>(stream.gcount());
    }
    return HttpError(413, "the body is larger than the limit of " + std::to_string(limit) +
                              " bytes (settings server.max_request_bytes and parse.max_document_bytes)");
  };
  if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(limit)) {
    throw tooLarge(0);
  }
  std::string body;
  char buffer[16384];
  while (stream.read(buffer, sizeof buffer).gcount() > 0) {
    body.append(buffer, static_cast<std::size_t>(stream.gcount()));
    if (body.size() > limit) throw tooLarge(body.size());
  }
  return body;
}

void ApiRequestHandler::submit(HTTPServerRequest& request, HTTPServerResponse& response) {
  const std::string mediaType = mediaTypeOf(request.getContentType());
  if (mediaType != "application/xml" && mediaType != "text/xml") {
    throw HttpError(415, "send the document as Content-Type: application/xml, not '" + request.getContentType() + "'");
  }
  const auto& settings = context_.settings;
  const std::size_t limit = std::min(settings.server.maxRequestBytes, settings.parse.maxDocumentBytes);
  enqueue(readBody(request, limit), response);
}

void ApiRequestHandler::enqueue(const std::string& body, HTTPServerResponse& response, const std::string& extraName,
                                const Object::Ptr& extra) {
  const auto& settings = context_.settings;
  AcceptedInput accepted;
  try {
    accepted = acceptInput(context_.pipeline, body, "input.xml", settings.parse);
  } catch (const xml::InvalidInput& invalid) {
    throw HttpError(400, "the document is invalid; nothing was stored", diagnosticsJson(invalid.diagnostics()));
  }
  const pipeline::ValidatedDocument& document = accepted.document;
  // Cheap early refusals, so that neither a taken unique value nor a full queue writes the
  // input file; the store checks both again atomically.
  for (const auto& unique : document.uniqueValues) {
    const auto holder = context_.store.uniqueHolder(document.type->name, {unique.key->key, unique.value});
    if (holder && *holder != document.id) {
      throw HttpError(400, "the document is invalid; nothing was stored", diagnosticsJson({unique.conflictWith(*holder)}));
    }
  }
  const std::string canonicalSha256 = canonicalSha256Of(body, settings.parse);
  // An amendment also makes the convention's next version: planned (and refused) before
  // anything is stored.
  const auto consolidation = planConsolidation(context_, accepted, body, canonicalSha256);
  const auto jobsNeeded = consolidation ? 2 : 1;
  if (context_.store.queueDepth() + jobsNeeded > static_cast<std::int64_t>(settings.queue.capacity)) {
    response.set("Retry-After", std::to_string(settings.queue.retryAfterSeconds));
    throw HttpError(503, "the queue is full (queue.capacity = " + std::to_string(settings.queue.capacity) +
                             "); try again later");
  }
  store::Submission submission;
  submission.documentId = document.id;
  submission.documentType = document.type->name;
  submission.canonicalSha256 = canonicalSha256;
  submission.inputSha256 = context_.store.files().put(body);
  submission.submittedBy = principal_->name;
  submission.requestId = requestId_;
  for (const auto& unique : document.uniqueValues) submission.uniqueClaims.push_back({unique.key->key, unique.value});
  const auto outcome = context_.store.submit(submission, settings.queue.capacity);

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
  if (consolidation && (outcome.kind == store::SubmitOutcome::Kind::queued ||
                        outcome.kind == store::SubmitOutcome::Kind::alreadyQueued)) {
    answer.set("consolidated", submitConsolidation(*consolidation));
  }
  switch (outcome.kind) {
    case store::SubmitOutcome::Kind::uniqueConflict: {
      const auto& unique = document.uniqueValues.at(outcome.conflictingClaim);
      throw HttpError(400, "the document is invalid; nothing was stored",
                      diagnosticsJson({unique.conflictWith(outcome.conflictingDocument)}));
    }
    case store::SubmitOutcome::Kind::queueFull:
      response.set("Retry-After", std::to_string(settings.queue.retryAfterSeconds));
      throw HttpError(503, "the queue is full (queue.capacity = " + std::to_string(settings.queue.capacity) +
                               "); try again later");
    case store::SubmitOutcome::Kind::existingVersion:
      answer.set("state", "done");
      answer.set("version", outcome.version);
      answer.set("version_url", versionUrl(document.id, outcome.version));
      answer.set("note", "this input is already version " + std::to_string(outcome.version) + "; no new version");
      response.set("Location", jobUrl(outcome.job));
      return sendJson(response, 200, answer);
    case store::SubmitOutcome::Kind::alreadyQueued:
      answer.set("state", "queued");
      answer.set("note", "the same input is already waiting in this job");
      break;
    case store::SubmitOutcome::Kind::queued:
      answer.set("state", "queued");
      if (context_.workers != nullptr) context_.workers->wake();
      break;
  }
  response.set("Location", jobUrl(outcome.job));
  sendJson(response, 202, answer);
}

Object::Ptr ApiRequestHandler::submitConsolidation(const ConsolidationPlan& plan) {
  store::Submission submission;
  submission.documentId = plan.conventionId;
  submission.documentType = "convention";
  submission.canonicalSha256 = plan.canonicalSha256;
  submission.inputSha256 = context_.store.files().put(plan.input);
  submission.submittedBy = principal_->name;
  submission.requestId = requestId_;
  const auto outcome = context_.store.submit(submission, context_.settings.queue.capacity);
  Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("document", plan.conventionId);
  json->set("from_version", plan.fromVersion);
  Array::Ptr changed = new Array;
  for (const auto& article : plan.changedArticles) changed->add(article);
  json->set("changed_articles", changed);
  if (outcome.kind == store::SubmitOutcome::Kind::queueFull) {
    // The queue filled between the check and now: the amendment is queued, its consolidation
    // is not; submitting the amendment again retries it.
    json->set("error", "the queue is full; submit the amendment again to consolidate the convention");
    return json;
  }
  json->set("job", outcome.job);
  json->set("status_url", jobUrl(outcome.job));
  if (outcome.kind == store::SubmitOutcome::Kind::existingVersion) {
    json->set("version_url", versionUrl(plan.conventionId, outcome.version));
  }
  if (context_.workers != nullptr) context_.workers->wake();
  return json;
}

void ApiRequestHandler::listDocuments(HTTPServerRequest& request, HTTPServerResponse& response) {
  std::string type;
  int page = 1;
  int perPage = 50;
  for (const auto& [name, value] : Poco::URI(request.getURI()).getQueryParameters()) {
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
  const auto result = context_.store.documents(type, page, perPage);
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
  sendJson(response, 200, body);
}

void ApiRequestHandler::showDocument(const std::string& id, HTTPServerResponse& response) {
  const auto document = context_.store.document(id);
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
  sendJson(response, 200, body);
}

void ApiRequestHandler::showVersion(const std::string& id, const std::string& number, HTTPServerResponse& response) {
  const int wanted = versionNumberOf(number);
  const auto version = context_.store.version(id, wanted);
  if (!version) throw HttpError(404, "no version " + number + " of document '" + id + "'");
  Object body = orderedObject();
  Array::Ptr outputs = new Array;
  for (const auto& file : version->files) {
    if (file.name == "input.xml") {
      body.set("input", fileJson(id, version->number, file));
    } else {
      outputs->add(fileJson(id, version->number, file));
    }
  }
  body.set("document", version->documentId);
  body.set("version", version->number);
  body.set("state", store::toString(version->state));
  body.set("type", version->documentType);
  body.set("reference", version->reference);
  body.set("source_language", version->sourceLanguage);
  body.set("canonical_sha256", version->canonicalSha256);
  body.set("outputs", outputs);
  body.set("pipeline_version", version->pipelineVersion);
  body.set("engine", version->engine);
  body.set("submitted_by", version->submittedBy);
  body.set("submitted_at", version->submittedAt);
  body.set("created_at", version->createdAt);
  body.set("job", version->job);
  body.set("review_url", versionUrl(id, version->number) + "/review");
  body.set("review_page", reviewPageUrl(id, version->number));
  // The files never change, but the state does.
  response.set("Cache-Control", "no-cache");
  sendJson(response, 200, body);
}

void ApiRequestHandler::sendVersionFile(const std::string& id, const std::string& number, const std::string& name,
                                        HTTPServerRequest& request, HTTPServerResponse& response) {
  if (!kVersionFiles.contains(name)) {
    throw HttpError(404, "no file '" + name + "' in a version (files: input.xml, fr.html, nl.html, fr-nl.html, fr.pdf, nl.pdf, fr-nl.pdf, translation.xlf)");
  }
  const int wanted = versionNumberOf(number);
  const auto version = context_.store.version(id, wanted);
  if (!version) throw HttpError(404, "no version " + number + " of document '" + id + "'");
  const auto file = std::find_if(version->files.begin(), version->files.end(),
                                 [&](const store::FileRecord& candidate) { return candidate.name == name; });
  if (file == version->files.end()) throw HttpError(404, "version " + number + " has no " + name);
  const std::string etag = "\"" + file->sha256 + "\"";
  response.set("ETag", etag);
  // A numbered version's file never changes: cache it for good. "latest" must be revalidated.
  response.set("Cache-Control", number == "latest" ? "no-cache" : "public, max-age=31536000, immutable");
  const std::string ifNoneMatch = request.get("If-None-Match", "");
  if (ifNoneMatch == "*" || ifNoneMatch.find(etag) != std::string::npos) return sendNotModified(response);
  sendStoredFile(response, *file, id + "-v" + std::to_string(version->number) + "." + name);
}

void ApiRequestHandler::sendNotModified(HTTPServerResponse& response) {
  response.setStatus(HTTPResponse::HTTP_NOT_MODIFIED);
  status_ = 304;
  response.setContentLength(0);
  response.send();
}

void ApiRequestHandler::sendStoredFile(HTTPServerResponse& response, const store::FileRecord& file,
                                       const std::string& fileName) {
  std::ifstream stream(context_.store.files().pathOf(file.sha256), std::ios::binary);
  if (!stream) throw std::runtime_error("stored file " + file.sha256 + " is missing");
  response.setStatus(HTTPResponse::HTTP_OK);
  status_ = 200;
  response.setContentType(file.mediaType);
  response.setContentLength64(file.size);
  response.set("Content-Disposition", "inline; filename=\"" + fileName + "\"");
  Poco::StreamCopier::copyStream(stream, response.send());
}

void ApiRequestHandler::showJob(const std::string& id, HTTPServerResponse& response) {
  const int number = positiveNumber(id, "the job", 404);
  const auto job = context_.store.job(number);
  if (!job) throw HttpError(404, "no job " + id);
  sendJson(response, 200, *jobJson(*job));
}

void ApiRequestHandler::retryJob(const std::string& id, HTTPServerResponse& response) {
  const int number = positiveNumber(id, "the job", 404);
  switch (context_.store.retry(number)) {
    case store::Store::RetryOutcome::notFound: throw HttpError(404, "no job " + id);
    case store::Store::RetryOutcome::notFailed:
      throw HttpError(409, "job " + id + " has not failed; only a failed job can be retried");
    case store::Store::RetryOutcome::retried: break;
  }
  if (context_.workers != nullptr) context_.workers->wake();
  response.set("Location", jobUrl(number));
  sendJson(response, 202, *jobJson(*context_.store.job(number)));
}

void ApiRequestHandler::sendJson(HTTPServerResponse& response, int status, const Object& body) {
  std::ostringstream text;
  body.stringify(text);
  const std::string bytes = text.str() + "\n";
  response.setStatusAndReason(static_cast<HTTPResponse::HTTPStatus>(status));
  status_ = status;
  response.setContentType("application/json; charset=utf-8");
  if (!response.has("Cache-Control")) response.set("Cache-Control", "no-store");
  response.setContentLength64(static_cast<Poco::Int64>(bytes.size()));
  response.send() << bytes;
}

void ApiRequestHandler::sendError(HTTPServerResponse& response, int status, const std::string& message,
                                  const Array::Ptr& errors) {
  Object body = orderedObject();
  body.set("error", message);
  body.set("request_id", requestId_);
  if (errors) body.set("errors", errors);
  if (status == 413) response.setKeepAlive(false);
  if (browserPage_) {
    // A person at a browser: a page to read, and a password prompt for the token.
    if (status == 401) response.set("WWW-Authenticate", "Basic realm=\"paraph review\", charset=\"UTF-8\"");
    return sendBytes(response, status, "text/html; charset=utf-8", errorPage(status, message, requestId_));
  }
  if (status == 401) response.set("WWW-Authenticate", "Bearer realm=\"paraph\"");
  sendJson(response, status, body);
}

}  // namespace paraph::http
