// The paired review page in a browser (docs/translation.md, "Review page"): GET shows a
// version; the page's forms POST back here and land, by 303, on the page again. The steps
// themselves are ReviewActions, the same as the API's.
#include <Poco/URI.h>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/PageSupport.h"
#include "http/Sessions.h"
#include "http/ReviewActions.h"
#include "http/Routes.h"

namespace paraph::http {
namespace {

// The forms: approve | reject a version, acknowledge a finding, comment on a segment. Each
// posts back and lands, by 303, on the page again.
enum class FormAction { approve, reject, acknowledge, comment };

void reviewForm(Exchange& exchange, FormAction action) {
  const std::string& id = exchange.parameter("document");
  // Origin and the session's CSRF token were checked before this runs (RequestHandler).
  const int number = positiveNumber(exchange.parameter("n"), "the version", 404);
  const std::string comment = exchange.form->get("comment", "");
  ReviewActions actions(exchange.context);
  std::string anchor;
  switch (action) {
    case FormAction::approve: actions.approve(id, number, exchange.who(), comment); break;
    case FormAction::reject: actions.reject(id, number, exchange.who(), comment); break;
    case FormAction::acknowledge: {
      const std::string& finding = exchange.parameter("finding");
      actions.acknowledge(id, number, finding, exchange.who());
      anchor = "#seg-" + finding.substr(0, finding.find(':'));
      break;
    }
    case FormAction::comment: {
      const std::string& segment = exchange.parameter("segment");
      actions.comment(id, number, segment, exchange.who(), comment);
      anchor = "#seg-" + segment;
      break;
    }
  }
  // Post/Redirect/Get: reloading the page does not post the form again.
  redirect(exchange, reviewPageUrl(id, number) + anchor);
}

}  // namespace

void reviewPage(Exchange& exchange) {
  auto& context = exchange.context;
  auto& request = exchange.request;
  const std::string& id = exchange.parameter("document");
  const std::string basePath = reviewPagePath(id);
  int wanted = 0;
  std::string filter = "all";
  std::string ui;
  int page = 1;
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
    } else if (name == "page") {
      page = positiveNumber(value, "query parameter 'page'", 400);
    } else {
      throw HttpError(400, "unknown query parameter '" + name + "' (known: version, filter, page, ui)");
    }
  }
  const auto document = context.store.document(id);
  if (!document) throw HttpError(404, "no document '" + id + "'");
  const auto reviewed = ReviewActions(context).review(id, wanted);
  const auto lang = ui == "fr" ? l10n::Lang::fr : ui == "nl" ? l10n::Lang::nl : interfaceLanguage(exchange);

  review::ReviewPageModel model;
  model.documentId = id;
  model.documentType = document->type;
  const auto* type = context.pipeline.types().byName(document->type);
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
  for (const auto& comment : context.store.comments(id, model.version)) {
    model.comments.push_back({comment.segmentId, comment.author, comment.at, comment.text});
  }
  for (const auto& transition : context.store.history(id, model.version)) {
    model.history.push_back({transition.from ? store::toString(*transition.from) : std::string(),
                             store::toString(transition.to), transition.actor, transition.at, transition.comment});
  }
  model.filter = filter;
  model.page = static_cast<std::size_t>(page);
  model.pageSize = context.settings.review.segmentsPerPage;
  const bool inReview = reviewed.version.state == store::ReviewState::inReview;
  model.canReview = inReview && ReviewActions::mayReview(exchange.who());
  model.canComment = ReviewActions::mayComment(exchange.who());
  model.formToken = csrfToken(exchange, exchange.sessionId);
  model.basePath = basePath;
  model.userName = exchange.who().name;
  securePage(exchange.response);
  return sendBytes(exchange, 200, "text/html; charset=utf-8", context.reviewPage.render(model, lang));
}

void reviewPageApprove(Exchange& exchange) { reviewForm(exchange, FormAction::approve); }
void reviewPageReject(Exchange& exchange) { reviewForm(exchange, FormAction::reject); }
void reviewPageAcknowledge(Exchange& exchange) { reviewForm(exchange, FormAction::acknowledge); }
void reviewPageComment(Exchange& exchange) { reviewForm(exchange, FormAction::comment); }

}  // namespace paraph::http
