// The paired review page in a browser (docs/translation.md, "Review page"): GET shows a
// version; the page's forms POST back here and land, by 303, on the page again. The steps
// themselves are ReviewActions, the same as the API's.
#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/SHA2Engine.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <sstream>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/ReviewActions.h"
#include "http/Routes.h"

namespace paraph::http {
namespace {

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

// SHA-256 as Poco's HMACEngine wants its engine: with its block and digest sizes.
class Sha256Engine : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  Sha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

// A form's token: HMAC-SHA256 under the server's form secret of who the form is for and
// the document it acts on, so a token is worth nothing to another user or document.
Poco::DigestEngine::Digest formDigest(const Exchange& exchange, const std::string& documentId) {
  Poco::HMACEngine<Sha256Engine> hmac(exchange.context.formSecret);
  hmac.update(exchange.who().name + "\n" + documentId);
  return hmac.digest();
}

std::string formToken(const Exchange& exchange, const std::string& documentId) {
  return Poco::DigestEngine::digestToHex(formDigest(exchange, documentId));
}

bool validFormToken(const Exchange& exchange, const std::string& documentId, const std::string& token) {
  if (token.size() != 2 * Sha256Engine::DIGEST_SIZE || token.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return false;
  }
  return Poco::DigestEngine::constantTimeEquals(Poco::DigestEngine::digestFromHex(token), formDigest(exchange, documentId));
}

// The forms: approve | reject a version, acknowledge a finding, comment on a segment. Each
// posts back and lands, by 303, on the page again.
enum class FormAction { approve, reject, acknowledge, comment };

void reviewForm(Exchange& exchange, FormAction action) {
  auto& request = exchange.request;
  const std::string& id = exchange.parameter("document");
  requireSameOrigin(request);
  if (mediaTypeOf(request.getContentType()) != "application/x-www-form-urlencoded") {
    throw HttpError(415, "send the form as application/x-www-form-urlencoded");
  }
  const int number = positiveNumber(exchange.parameter("n"), "the version", 404);
  std::istringstream body(readBody(exchange, kMaxFormBytes));
  Poco::Net::HTMLForm form;
  form.read(body);
  if (!validFormToken(exchange, id, form.get("form_token", ""))) {
    throw HttpError(403, "this form has expired (the server restarted, or it was made for someone else): reload the "
                         "page and try again");
  }
  const std::string comment = form.get("comment", "");
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
  exchange.response.set("Location", reviewPageUrl(id, number) + anchor);
  securePage(exchange.response);
  sendBytes(exchange, 303, "text/html; charset=utf-8", "");
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
  const auto lang = interfaceLanguage(ui, request.get("Accept-Language", ""));

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
  model.formToken = formToken(exchange, id);
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
