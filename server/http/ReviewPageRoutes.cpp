// The paired review page in a browser (docs/translation.md, "Review page"): GET shows a
// version; the page's forms POST back here and land, by 303, on the page again. The steps
// themselves are ReviewActions, the same as the API's.
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <sstream>

#include "http/ApiRequestHandler.h"
#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/ReviewActions.h"
#include "document/Sha256.h"

namespace paraph::http {
namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

constexpr std::size_t kMaxFormBytes = 64 * 1024;

// The page needs nothing from anywhere, and may be framed by nobody.
constexpr const char* kPagePolicy =
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

void securePage(HTTPServerResponse& response) {
  response.set("Content-Security-Policy", kPagePolicy);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "same-origin");
  response.set("Cache-Control", "no-store");
}

l10n::Lang interfaceLanguage(const std::string& asked, const std::string& acceptLanguage) {
  if (asked == "fr") return l10n::Lang::fr;
  if (asked == "nl") return l10n::Lang::nl;
  // The first of fr / nl the browser lists; French otherwise.
  const std::string accepted = Poco::toLower(acceptLanguage);
  const auto french = accepted.find("fr");
  const auto dutch = accepted.find("nl");
  return dutch != std::string::npos && (french == std::string::npos || dutch < french) ? l10n::Lang::nl
                                                                                      : l10n::Lang::fr;
}

// A form posted from another site (cross-site request forgery) is refused: its Origin, when
// the browser sends one, must be this server.
void requireSameOrigin(const HTTPServerRequest& request) {
  const std::string origin = request.get("Origin", "");
  if (origin.empty() || origin == "null") return;
  const auto hostStart = origin.find("://");
  if (hostStart == std::string::npos || origin.substr(hostStart + 3) != request.getHost()) {
    throw HttpError(403, "a form from " + origin + " may not act on this server");
  }
}

}  // namespace

std::string ApiRequestHandler::formToken(const std::string& documentId) const {
  return document::sha256Hex(context_.formSecret + "\n" + principal_->name + "\n" + documentId);
}

void ApiRequestHandler::reviewPage(const std::vector<std::string>& segments, HTTPServerRequest& request,
                                   HTTPServerResponse& response) {
  const std::string& id = segments[1];
  const std::string basePath = reviewPagePath(id);
  const auto size = segments.size();
  if (size == 2) {
    if (request.getMethod() != "GET" && request.getMethod() != "HEAD") {
      response.set("Allow", "GET");
      throw HttpError(405, request.getMethod() + " is not allowed here; use GET");
    }
    int wanted = 0;
    std::string filter = "all";
    std::string ui;
    for (const auto& [name, value] : Poco::URI(request.getURI()).getQueryParameters()) {
      if (name == "version") {
        wanted = positiveNumber(value, "query parameter 'version'", 400);
      } else if (name == "filter") {
        if (value != "all" && value != "findings" && value != "changed") {
          throw HttpError(400, "query parameter 'filter': all, findings or changed, not '" + value + "'");
        }
        filter = value;
      } else if (name == "ui") {
        ui = value;
      } else {
        throw HttpError(400, "unknown query parameter '" + name + "' (known: version, filter, ui)");
      }
    }
    const auto document = context_.store.document(id);
    if (!document) throw HttpError(404, "no document '" + id + "'");
    const auto reviewed = ReviewActions(context_).review(id, wanted);
    const auto lang = interfaceLanguage(ui, request.get("Accept-Language", ""));

    review::ReviewPageModel model;
    model.documentId = id;
    model.documentType = document->type;
    const auto* type = context_.pipeline.types().byName(document->type);
    model.documentLabel = type != nullptr ? type->label(lang) : document->type;
    model.reference = document->reference;
    model.version = reviewed.version.number;
    for (const auto& version : document->versions) model.versions.push_back(version.number);
    model.state = store::toString(reviewed.version.state);
    model.sourceLanguage = reviewed.segments.sourceLanguage;
    model.segments = &reviewed.segments;
    model.changedSinceLastVersion = reviewed.changedSinceLastVersion;
    for (const auto& finding : reviewed.findings) {
      model.findings.push_back({finding.finding, finding.id, finding.acknowledgement.has_value(),
                                finding.acknowledgement ? finding.acknowledgement->by : std::string()});
    }
    for (const auto& comment : context_.store.comments(id, model.version)) {
      model.comments.push_back({comment.segmentId, comment.author, comment.at, comment.text});
    }
    for (const auto& transition : context_.store.history(id, model.version)) {
      model.history.push_back({transition.from ? store::toString(*transition.from) : std::string(),
                               store::toString(transition.to), transition.actor, transition.at, transition.comment});
    }
    model.filter = filter;
    const bool inReview = reviewed.version.state == store::ReviewState::inReview;
    model.canReview = inReview && ReviewActions::mayReview(*principal_);
    model.canComment = ReviewActions::mayComment(*principal_);
    model.formToken = formToken(id);
    model.basePath = basePath;
    model.userName = principal_->name;
    securePage(response);
    return sendBytes(response, 200, "text/html; charset=utf-8", context_.reviewPage.render(model, lang));
  }

  // The forms: /review/{doc}/versions/{n}/approve | reject,
  //            /review/{doc}/versions/{n}/findings/{finding}/acknowledge,
  //            /review/{doc}/versions/{n}/segments/{segment}/comments
  const bool version = size >= 4 && segments[2] == "versions";
  const bool known = version && ((size == 5 && (segments[4] == "approve" || segments[4] == "reject")) ||
                                 (size == 7 && segments[4] == "findings" && segments[6] == "acknowledge") ||
                                 (size == 7 && segments[4] == "segments" && segments[6] == "comments"));
  if (!known) throw HttpError(404, "no such page: " + Poco::URI(request.getURI()).getPath());
  if (request.getMethod() != "POST") {
    response.set("Allow", "POST");
    throw HttpError(405, request.getMethod() + " is not allowed here; use POST");
  }
  requireSameOrigin(request);
  if (mediaTypeOf(request.getContentType()) != "application/x-www-form-urlencoded") {
    throw HttpError(415, "send the form as application/x-www-form-urlencoded");
  }
  const int number = positiveNumber(segments[3], "the version", 404);
  std::istringstream body(readBody(request, kMaxFormBytes));
  Poco::Net::HTMLForm form;
  form.read(body);
  if (form.get("form_token", "") != formToken(id)) {
    throw HttpError(403, "this form has expired (the server restarted, or it was made for someone else): reload the "
                         "page and try again");
  }
  const std::string comment = form.get("comment", "");
  ReviewActions actions(context_);
  std::string anchor;
  if (size == 5 && segments[4] == "approve") {
    actions.approve(id, number, *principal_, comment);
  } else if (size == 5) {
    actions.reject(id, number, *principal_, comment);
  } else if (segments[4] == "findings") {
    actions.acknowledge(id, number, segments[5], *principal_);
    anchor = "#seg-" + segments[5].substr(0, segments[5].find(':'));
  } else {
    actions.comment(id, number, segments[5], *principal_, comment);
    anchor = "#seg-" + segments[5];
  }
  // Post/Redirect/Get: reloading the page does not post the form again.
  response.set("Location", reviewPageUrl(id, number) + anchor);
  securePage(response);
  sendBytes(response, 303, "text/html; charset=utf-8", "");
}

void ApiRequestHandler::sendBytes(HTTPServerResponse& response, int status, const std::string& contentType,
                                  const std::string& bytes) {
  response.setStatusAndReason(static_cast<HTTPResponse::HTTPStatus>(status));
  status_ = status;
  response.setContentType(contentType);
  if (!response.has("Cache-Control")) response.set("Cache-Control", "no-store");
  response.setContentLength64(static_cast<Poco::Int64>(bytes.size()));
  response.send() << bytes;
}

}  // namespace paraph::http
