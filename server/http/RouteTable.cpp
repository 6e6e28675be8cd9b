#include "http/RouteTable.h"

#include "http/ApiSupport.h"
#include "http/Routes.h"

namespace paraph::http {
namespace {

// A pattern segment "{name}", "{name}suffix" or "prefix{name}suffix" against a path
// segment: the parameter's value, or nothing when the segment does not match.
std::optional<std::pair<std::string, std::string>> matchSegment(const std::string& pattern, const std::string& segment) {
  const auto open = pattern.find('{');
  if (open == std::string::npos) {
    if (pattern == segment) return std::pair<std::string, std::string>{};
    return std::nullopt;
  }
  const auto close = pattern.find('}');
  const std::string prefix = pattern.substr(0, open);
  const std::string name = pattern.substr(open + 1, close - open - 1);
  const std::string suffix = pattern.substr(close + 1);
  if (segment.size() <= prefix.size() + suffix.size() || !segment.starts_with(prefix) || !segment.ends_with(suffix)) {
    return std::nullopt;
  }
  return std::pair{name, segment.substr(prefix.size(), segment.size() - prefix.size() - suffix.size())};
}

std::optional<std::map<std::string, std::string>> matchPath(const Route& route, const std::vector<std::string>& segments) {
  const auto patternSegments = segmentsOf(route.pattern);
  if (patternSegments.size() != segments.size()) return std::nullopt;
  std::map<std::string, std::string> parameters;
  for (std::size_t index = 0; index < segments.size(); ++index) {
    const auto matched = matchSegment(patternSegments[index], segments[index]);
    if (!matched) return std::nullopt;
    if (!matched->first.empty()) parameters.insert(*matched);
  }
  return parameters;
}

}  // namespace

const std::vector<Route>& routeTable() {
  static const std::vector<Route> table{
      {"GET", "/healthz", Access::everyone, health},
      {"GET", "/metrics", Access::admins, metrics},
      {"GET", "/api/v1/openapi.json", Access::readers, openApi},
      {"POST", "/api/v1/documents", Access::submitters, submitDocument},
      {"GET", "/api/v1/documents", Access::readers, listDocuments},
      {"GET", "/api/v1/documents/{id}", Access::readers, showDocument},
      {"GET", "/api/v1/documents/{id}/versions/{n}", Access::readers, showVersion},
      {"GET", "/api/v1/documents/{id}/versions/{n}/review", Access::readers, showReview},
      {"POST", "/api/v1/documents/{id}/versions/{n}/submit-for-review", Access::readers, submitForReview},
      {"POST", "/api/v1/documents/{id}/versions/{n}/approve", Access::readers, approveVersion},
      {"POST", "/api/v1/documents/{id}/versions/{n}/reject", Access::readers, rejectVersion},
      {"POST", "/api/v1/documents/{id}/versions/{n}/publish", Access::readers, publishVersion},
      {"POST", "/api/v1/documents/{id}/versions/{n}/withdraw", Access::readers, withdrawVersion},
      {"POST", "/api/v1/documents/{id}/versions/{n}/findings/{finding}/acknowledge", Access::readers, acknowledgeFinding},
      {"POST", "/api/v1/documents/{id}/versions/{n}/segments/{segment}/comments", Access::readers, commentOnSegment},
      {"GET", "/api/v1/documents/{id}/versions/{n}/translation.xlf", Access::readers, exportTranslation},
      {"POST", "/api/v1/documents/{id}/versions/{n}/translation.xlf", Access::readers, importTranslation},
      {"GET", "/api/v1/documents/{id}/versions/{n}/input.xml", Access::readers, versionFile},
      {"GET", "/api/v1/documents/{id}/versions/{n}/{lang}.html", Access::readers, versionFile},
      {"GET", "/api/v1/documents/{id}/versions/{n}/{lang}.pdf", Access::readers, versionFile},
      {"POST", "/api/v1/verifications", Access::readers, verifyPdf},
      {"GET", "/api/v1/jobs/{job}", Access::readers, showJob},
      {"POST", "/api/v1/jobs/{job}/retry", Access::submitters, retryJob},
      {"POST", "/api/v1/callbacks", Access::readers, registerCallback},
      {"GET", "/api/v1/callbacks", Access::readers, listCallbacks},
      {"GET", "/api/v1/callbacks/{callback}", Access::readers, showCallback},
      {"DELETE", "/api/v1/callbacks/{callback}", Access::readers, removeCallback},
      {"GET", "/api/v1/callbacks/{callback}/deliveries", Access::readers, listDeliveries},
      {"POST", "/api/v1/callbacks/{callback}/deliveries/{delivery}/redeliver", Access::readers, redeliver},
      {"GET", "/api/v1/events", Access::readers, eventStream},
      {"POST", "/api/v1/batches", Access::submitters, submitBatch},
      {"GET", "/api/v1/batches/{id}", Access::readers, showBatch},
      {"GET", "/api/v1/batches/{id}/report.csv", Access::readers, batchReport},
      {"GET", "/api/v1/batches/{id}/mail-room.{lang}.pdf", Access::readers, batchMailRoom},
      {"GET", "/api/v1/batches/{id}/pdfs.zip", Access::readers, batchPdfs},
      {"POST", "/websub/hub", Access::everyone, webSubHub},
      {"GET", "/pub/{type}/{id}/{lang}.html", Access::everyone, publicFile, true},
      {"GET", "/pub/{type}/{id}/{lang}.pdf", Access::everyone, publicFile, true},
      {"GET", "/feed/{lang}.atom", Access::everyone, feed, true},
      {"GET", "/feed.atom", Access::everyone, feed, true},
      {"GET", "/review/{document}", Access::pages, reviewPage, true},
      {"POST", "/review/{document}/versions/{n}/approve", Access::pages, reviewPageApprove},
      {"POST", "/review/{document}/versions/{n}/reject", Access::pages, reviewPageReject},
      {"POST", "/review/{document}/versions/{n}/findings/{finding}/acknowledge", Access::pages, reviewPageAcknowledge},
      {"POST", "/review/{document}/versions/{n}/segments/{segment}/comments", Access::pages, reviewPageComment},
      {"GET", "/signin", Access::signIn, signInPage, true},
      {"POST", "/signin", Access::signIn, signIn},
      {"POST", "/signout", Access::pages, signOut},
      {"POST", "/language", Access::pages, saveLanguage},
      {"GET", "/", Access::pages, documentsPage, true},
      {"GET", "/submit", Access::submitterPages, submitPage, true},
      {"POST", "/submit", Access::submitterPages, submitForm},
      {"GET", "/documents/{id}", Access::pages, documentPage, true},
      {"POST", "/documents/{id}/versions/{n}/{step}", Access::pages, documentAction},
      {"GET", "/batches/new", Access::submitterPages, batchNewPage, true},
      {"POST", "/batches", Access::submitterPages, batchForm},
      {"GET", "/batches/{id}", Access::pages, batchPage, true},
  };
  return table;
}

std::set<std::string> rolesOf(Access access) {
  switch (access) {
    case Access::everyone:
    case Access::signIn: return {};
    case Access::submitters:
    case Access::submitterPages: return {"submitter", "admin"};
    case Access::admins: return {"admin"};
    case Access::readers:
    case Access::pages: return {"submitter", "translator", "reviewer", "publisher", "admin"};
  }
  return {};
}

bool isPage(Access access) {
  return access == Access::signIn || access == Access::pages || access == Access::submitterPages;
}

RouteMatch matchRoute(const std::string& method, const std::string& path) {
  RouteMatch match;
  const auto segments = segmentsOf(path);
  for (const auto& route : routeTable()) {
    auto parameters = matchPath(route, segments);
    if (!parameters) continue;
    match.samePath.push_back(&route);
    const bool methodFits = route.method == method || (method == "HEAD" && route.alsoHead);
    if (methodFits && match.route == nullptr) {
      match.route = &route;
      match.parameters = std::move(*parameters);
    }
  }
  return match;
}

}  // namespace paraph::http
