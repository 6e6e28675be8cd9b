// The review side of API v1: a version's translation status, QA findings, comments and
// history; its state changes; and the XLIFF exchange with the translation service
// (docs/translation.md, docs/openapi.json).
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include <stdexcept>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/Integrations.h"
#include "http/ReviewActions.h"
#include "http/Routes.h"
#include "http/VersionReview.h"
#include "review/SegmentExtractor.h"
#include "review/XliffImporter.h"
#include "xml/SafeParser.h"

namespace paraph::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// A comment is short text; a larger body is a mistake, not a comment.
constexpr std::size_t kMaxStepBodyBytes = 64 * 1024;

Poco::Dynamic::Var orNull(const std::string& text) {
  return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

Array::Ptr idsJson(const std::vector<std::string>& ids) {
  Array::Ptr array = new Array;
  for (const auto& id : ids) array->add(id);
  return array;
}

std::string readComment(Exchange& exchange) {
  const std::string body = readBody(exchange, kMaxStepBodyBytes);
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) return {};
  const auto object = jsonObjectBody(exchange, body, "{\"comment\": \"…\"}");
  for (const auto& [name, value] : *object) {
    if (name != "comment") throw HttpError(400, "field '" + name + "': unknown (known: comment)");
    if (!value.isString()) throw HttpError(400, "field 'comment': must be a string");
  }
  return object->optValue<std::string>("comment", "");
}

}  // namespace

void showReview(Exchange& exchange) {
  const std::string& id = exchange.parameter("id");
  const std::string& number = exchange.parameter("n");
  auto& context = exchange.context;
  const ReviewActions actions(context);
  const auto reviewed = actions.review(id, versionNumberOf(number));
  const int version = reviewed.version.number;
  const std::string base = versionUrl(id, version);

  Object::Ptr translation = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  translation->set("source_language", reviewed.version.sourceLanguage);
  translation->set("segments", reviewed.segments.segments.size());
  translation->set("complete", reviewed.status.complete());
  translation->set("missing", idsJson(reviewed.status.missingTarget));
  translation->set("outdated", idsJson(reviewed.status.outdatedTarget));
  translation->set("changed_since_last_version", idsJson(reviewed.status.changedSource));
  translation->set("xliff_url", base + "/translation.xlf");

  Array::Ptr findings = new Array;
  for (const auto& reviewedFinding : reviewed.findings) {
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", reviewedFinding.id);
    json->set("segment", reviewedFinding.finding.segmentId);
    json->set("check", reviewedFinding.finding.check);
    json->set("severity", std::string(review::nameOf(reviewedFinding.finding.severity)));
    json->set("message", reviewedFinding.finding.message);
    if (reviewedFinding.acknowledgement) {
      json->set("acknowledged_by", reviewedFinding.acknowledgement->by);
      json->set("acknowledged_at", reviewedFinding.acknowledgement->at);
    } else if (reviewedFinding.finding.severity == review::Severity::warning) {
      json->set("acknowledge_url", base + "/findings/" + encodeSegment(reviewedFinding.id) + "/acknowledge");
    }
    findings->add(json);
  }
  Array::Ptr comments = new Array;
  for (const auto& comment : context.store.comments(id, version)) {
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", comment.id);
    json->set("segment", orNull(comment.segmentId));
    json->set("author", comment.author);
    json->set("at", comment.at);
    json->set("text", comment.text);
    comments->add(json);
  }
  Array::Ptr history = new Array;
  for (const auto& transition : context.store.history(id, version)) {
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("from", transition.from ? Poco::Dynamic::Var(store::toString(*transition.from)) : Poco::Dynamic::Var());
    json->set("to", store::toString(transition.to));
    json->set("actor", transition.actor);
    json->set("at", transition.at);
    json->set("comment", orNull(transition.comment));
    history->add(json);
  }

  Object body = orderedObject();
  body.set("document", id);
  body.set("version", version);
  body.set("state", store::toString(reviewed.version.state));
  body.set("translation", translation);
  body.set("errors", reviewed.errorCount());
  body.set("unacknowledged_warnings", reviewed.unacknowledgedWarnings());
  const auto blocker = reviewed.approvalBlocker();
  body.set("approval_blocked_by", blocker ? Poco::Dynamic::Var(*blocker) : Poco::Dynamic::Var());
  body.set("findings", findings);
  body.set("comments", comments);
  body.set("history", history);
  body.set("review_page", reviewPageUrl(id, version));
  exchange.response.set("Cache-Control", "no-cache");
  sendJson(exchange, 200, body);
}

namespace {

// POST …/versions/{n}/{step}: the review and publication steps (ReviewActions).
void versionStep(Exchange& exchange, const std::string& step) {
  const std::string& id = exchange.parameter("id");
  const std::string& number = exchange.parameter("n");
  auto& context = exchange.context;
  const int wanted = positiveNumber(number, "the version", 404);  // a step names its version
  const std::string comment = readComment(exchange);
  ReviewActions actions(context);
  if (step == "submit-for-review") {
    actions.submitForReview(id, wanted, exchange.who(), comment);
  } else if (step == "approve") {
    actions.approve(id, wanted, exchange.who(), comment);
  } else if (step == "reject") {
    actions.reject(id, wanted, exchange.who(), comment);
  } else if (step == "publish") {
    if (!comment.empty()) throw HttpError(400, "field 'comment': publish takes none");
    actions.publish(id, wanted, exchange.who());
  } else {
    actions.withdraw(id, wanted, exchange.who(), comment);
  }
  // Its events' deliveries are due now (WebSub subscribers expect news within a second).
  if (context.integrations != nullptr) context.integrations->wake();
  const auto version = context.store.version(id, wanted);
  Object body = orderedObject();
  body.set("document", id);
  body.set("version", wanted);
  body.set("state", store::toString(version->state));
  body.set("review_url", versionUrl(id, wanted) + "/review");
  if (version->state == store::ReviewState::published) {
    const auto& type = version->documentType;
    Object::Ptr links = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    if (const auto* documentType = context.pipeline.types().byName(type)) {
      for (const auto& file : documentType->outputFileNames()) links->set(file, publicPath(type, id, file));
    }
    body.set("public", links);
  }
  sendJson(exchange, 200, body);
}

}  // namespace

void submitForReview(Exchange& exchange) { versionStep(exchange, "submit-for-review"); }
void approveVersion(Exchange& exchange) { versionStep(exchange, "approve"); }
void rejectVersion(Exchange& exchange) { versionStep(exchange, "reject"); }
void publishVersion(Exchange& exchange) { versionStep(exchange, "publish"); }
void withdrawVersion(Exchange& exchange) { versionStep(exchange, "withdraw"); }

void acknowledgeFinding(Exchange& exchange) {
  const std::string& id = exchange.parameter("id");
  const std::string& number = exchange.parameter("n");
  const std::string& findingId = exchange.parameter("finding");
  auto& context = exchange.context;
  const int wanted = positiveNumber(number, "the version", 404);
  const bool first = ReviewActions(context).acknowledge(id, wanted, findingId, exchange.who());
  Object body = orderedObject();
  body.set("document", id);
  body.set("version", wanted);
  body.set("finding", findingId);
  body.set("acknowledged", true);
  if (!first) body.set("note", "already acknowledged; the first acknowledgement is kept");
  sendJson(exchange, first ? 201 : 200, body);
}

void commentOnSegment(Exchange& exchange) {
  const std::string& id = exchange.parameter("id");
  const std::string& number = exchange.parameter("n");
  const std::string& segmentId = exchange.parameter("segment");
  auto& context = exchange.context;
  const int wanted = positiveNumber(number, "the version", 404);
  const std::string text = readComment(exchange);
  const auto commentId = ReviewActions(context).comment(id, wanted, segmentId, exchange.who(), text);
  Object body = orderedObject();
  body.set("id", commentId);
  body.set("document", id);
  body.set("version", wanted);
  body.set("segment", segmentId);
  body.set("author", exchange.who().name);
  body.set("text", text);
  sendJson(exchange, 201, body);
}

void exportTranslation(Exchange& exchange) {
  const std::string& id = exchange.parameter("id");
  const std::string& number = exchange.parameter("n");
  auto& context = exchange.context;
  std::optional<l10n::Lang> target;
  bool all = false;
  for (const auto& [name, value] : Poco::URI(exchange.request.getURI()).getQueryParameters()) {
    if (name == "target") {
      if (value != "fr" && value != "nl") throw HttpError(400, "query parameter 'target': fr or nl, not '" + value + "'");
      target = value == "fr" ? l10n::Lang::fr : l10n::Lang::nl;
    } else if (name == "all") {
      if (value != "true" && value != "false") throw HttpError(400, "query parameter 'all': true or false");
      all = value == "true";
    } else {
      throw HttpError(400, "unknown query parameter '" + name + "' (known: target, all)");
    }
  }
  const auto reviewed = ReviewActions(context).review(id, versionNumberOf(number));
  const auto language = target.value_or(l10n::other(reviewed.segments.sourceLanguage));
  if (language == reviewed.segments.sourceLanguage) {
    throw HttpError(400, "query parameter 'target': " + std::string(l10n::code(language)) +
                             " is this document's source language; translate into the other one");
  }
  const std::string file =
      context.xliff.exportFile(reviewed.segments, reviewed.version.number, language, reviewed.status, all);
  exchange.response.set("Content-Disposition", "attachment; filename=\"" + id + "-v" + std::to_string(reviewed.version.number) +
                                          "." + std::string(l10n::code(language)) + ".xlf\"");
  exchange.response.set("Cache-Control", "no-cache");
  sendBytes(exchange, 200, "application/xliff+xml; charset=utf-8", file);
}

void importTranslation(Exchange& exchange) {
  const std::string& id = exchange.parameter("id");
  const std::string& number = exchange.parameter("n");
  auto& context = exchange.context;
  if (!ReviewActions::mayTranslate(exchange.who())) {
    throw HttpError(403, "token '" + exchange.who().name + "' may not import a translation (roles: translator, admin)");
  }
  const std::string mediaType = mediaTypeOf(exchange.request.getContentType());
  if (mediaType != "application/xliff+xml" && mediaType != "application/xml" && mediaType != "text/xml") {
    throw HttpError(415, "send the XLIFF file as Content-Type: application/xliff+xml, not '" +
                             exchange.request.getContentType() + "'");
  }
  const int fromVersion = positiveNumber(number, "the version", 404);
  const auto& settings = context.settings;
  const std::string body =
      readBody(exchange, std::min(settings.server.maxRequestBytes, settings.parse.maxDocumentBytes));
  const auto latest = context.store.version(id, 0);
  if (!latest) throw HttpError(404, "no document '" + id + "'");
  if (fromVersion > latest->number) throw HttpError(404, "no version " + number + " of document '" + id + "'");

  // The translation goes onto the latest version's input; segments changed since the
  // file's version are reported, not applied.
  const std::string latestInput = readVersionFile(context.store, *latest, "input.xml");
  review::XliffImportRequest importRequest;
  importRequest.documentId = id;
  importRequest.currentVersion = latest->number;
  importRequest.currentInput = latestInput;
  importRequest.currentInputName = "input.xml";
  importRequest.segmentsOfVersion = [&](int version) -> std::optional<review::SegmentedDocument> {
    const auto stored = context.store.version(id, version);
    if (!stored) return std::nullopt;
    return review::SegmentExtractor::extract(
        xml::parseUntrusted(readVersionFile(context.store, *stored, "input.xml"), "input.xml", settings.parse));
  };
  review::XliffImportReport report;
  try {
    report = review::XliffImporter(settings.parse).importFile(body, "translation.xlf", importRequest);
  } catch (const xml::InvalidInput& invalid) {
    throw HttpError(422, "the translation file was refused; nothing was imported", diagnosticsJson(exchange, invalid.diagnostics()));
  }
  if (report.fileVersion != fromVersion) {
    throw HttpError(409, "this file was exported from version " + std::to_string(report.fileVersion) +
                             "; post it to " + versionUrl(id, report.fileVersion) + "/translation.xlf");
  }
  if (!report.accepted()) {
    throw HttpError(422, "the translation file has errors; nothing was imported", diagnosticsJson(exchange, report.errors));
  }
  Object::Ptr summary = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  summary->set("from_version", report.fileVersion);
  summary->set("onto_version", latest->number);
  summary->set("target", std::string(l10n::code(report.targetLanguage)));
  summary->set("imported", idsJson(report.imported));
  Array::Ptr skipped = new Array;
  for (const auto& unit : report.skipped) {
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", unit.id);
    json->set("reason", unit.reason);
    json->set("line", unit.line);
    json->set("column", unit.column);
    skipped->add(json);
  }
  summary->set("skipped", skipped);
  if (report.newInput.empty()) {
    Object answer = orderedObject();
    answer.set("document", id);
    answer.set("import", summary);
    answer.set("note", "no translation was imported; no new version");
    return sendJson(exchange, 200, answer);
  }
  enqueueInput(exchange, report.newInput, "import", summary);
}

}  // namespace paraph::http
