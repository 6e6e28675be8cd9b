// What the institution's website pulls, without a token: the published version of each
// document at a stable URL, and the Atom feeds (docs/publication.md).
#include <Poco/URI.h>

#include <algorithm>

#include "http/ApiRequestHandler.h"
#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "publication/AtomFeed.h"
#include "publication/ConditionalGet.h"
#include "publication/Embargo.h"

namespace paraph::http {
namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

const std::set<std::string> kPublicFiles{"fr.html", "nl.html", "fr.pdf", "nl.pdf", "fr-nl.html", "fr-nl.pdf"};

// An embargoed document appears when its embargo is lifted: that is its publication.
std::string visibleFrom(const std::string& at, const std::string& embargoUntil) {
  return std::max(at, embargoUntil);
}

}  // namespace

void ApiRequestHandler::publicFile(const std::vector<std::string>& segments, HTTPServerRequest& request,
                                   HTTPServerResponse& response) {
  const std::string& type = segments[1];
  const std::string& id = segments[2];
  const std::string& name = segments[3];
  if (!kPublicFiles.contains(name)) {
    throw HttpError(404, "no public file '" + name + "' (fr.html, nl.html, fr.pdf, nl.pdf, fr-nl.html, fr-nl.pdf)");
  }
  const std::string now = store::Store::timestamp();
  const auto publication = context_.store.publication(id);
  // Never published, another type, or still under embargo: as far as the public knows,
  // there is nothing here yet.
  if (!publication || publication->documentType != type ||
      (!publication->embargoUntil.empty() && publication->embargoUntil > now)) {
    throw HttpError(404, "no published document /pub/" + type + "/" + id);
  }
  if (publication->withdrawn) {
    throw HttpError(410, "document '" + id + "' was withdrawn on " + publication->withdrawnAt);
  }
  const auto version = context_.store.version(id, publication->number);
  if (!version) throw std::runtime_error("published version " + std::to_string(publication->number) + " is missing");
  const auto file = std::find_if(version->files.begin(), version->files.end(),
                                 [&](const store::FileRecord& candidate) { return candidate.name == name; });
  if (file == version->files.end()) throw HttpError(404, "the published version has no " + name);

  const std::string etag = "\"" + file->sha256 + "\"";
  const auto lastModified =
      publication::fromRfc3339Utc(visibleFrom(publication->publishedAt, publication->embargoUntil));
  response.set("ETag", etag);
  response.set("Last-Modified", publication::httpDate(lastModified));
  // Revalidate every time: a withdrawal must reach readers at once (410).
  response.set("Cache-Control", "no-cache");
  response.set("Content-Language", name.substr(0, name.find('.')) == "fr-nl" ? "fr-BE, nl-BE"
                                                                             : name.substr(0, 2) + "-BE");
  if (publication::notModified(request.get("If-None-Match", ""), request.get("If-Modified-Since", ""), etag,
                               lastModified)) {
    return sendNotModified(response);
  }
  sendStoredFile(response, *file, id + "." + name);
}

void ApiRequestHandler::feed(const std::string& name, HTTPServerRequest& request, HTTPServerResponse& response) {
  std::optional<l10n::Lang> lang;
  std::string feedPath;
  if (name == "feed.atom") {
    feedPath = "/feed.atom";
  } else if (name == "fr.atom" || name == "nl.atom") {
    lang = name == "fr.atom" ? l10n::Lang::fr : l10n::Lang::nl;
    feedPath = "/feed/" + name;
  } else {
    throw HttpError(404, "no feed '" + name + "' (feeds: /feed/fr.atom, /feed/nl.atom, /feed.atom)");
  }
  int page = 1;
  for (const auto& [parameter, value] : Poco::URI(request.getURI()).getQueryParameters()) {
    if (parameter != "page") throw HttpError(400, "unknown query parameter '" + parameter + "' (known: page)");
    page = positiveNumber(value, "page", 400);
  }
  // Documents per page (the bilingual feed has both languages of each).
  const int perPage = static_cast<int>(context_.settings.server.feedPageSize);
  const std::string now = store::Store::timestamp();
  auto publications = context_.store.livePublications(now, (page - 1) * perPage, perPage + 1);
  const bool hasNext = publications.size() > static_cast<std::size_t>(perPage);
  if (hasNext) publications.pop_back();
  if (page > 1 && publications.empty()) throw HttpError(404, "feed " + feedPath + " has no page " + std::to_string(page));

  publication::FeedPage feedPage;
  feedPage.feedPath = feedPath;
  feedPage.lang = lang;
  feedPage.page = page;
  feedPage.hasNext = hasNext;
  feedPage.baseUrl = context_.settings.server.publicUrl;
  if (feedPage.baseUrl.empty()) {
    const std::string host = request.getHost();
    const bool plainHost = !host.empty() && host.find_first_not_of(
                                                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") ==
                                                std::string::npos;
    feedPage.baseUrl = "http://" + (plainHost ? host : context_.settings.server.bindAddress + ":" +
                                                           std::to_string(context_.settings.server.port));
  }
  for (const auto& published : publications) {
    const auto* type = context_.pipeline.types().byName(published.documentType);
    for (const auto entryLang : l10n::kAllLangs) {
      if (lang && *lang != entryLang) continue;
      const std::string code(l10n::code(entryLang));
      const std::string otherCode(l10n::code(l10n::other(entryLang)));
      publication::FeedEntry entry;
      entry.documentId = published.documentId;
      entry.documentType = published.documentType;
      entry.typeLabel = type != nullptr ? type->label(entryLang) : published.documentType;
      entry.version = published.number;
      entry.lang = entryLang;
      entry.title = entryLang == l10n::Lang::fr ? published.texts.titleFr : published.texts.titleNl;
      entry.summary = entryLang == l10n::Lang::fr ? published.texts.summaryFr : published.texts.summaryNl;
      entry.published = visibleFrom(published.firstPublishedAt, published.embargoUntil);
      entry.updated = visibleFrom(published.publishedAt, published.embargoUntil);
      entry.htmlPath = publicPath(published.documentType, published.documentId, code + ".html");
      entry.pdfPath = publicPath(published.documentType, published.documentId, code + ".pdf");
      entry.otherLanguageEntryPath = publicPath(published.documentType, published.documentId, otherCode + ".html");
      feedPage.entries.push_back(std::move(entry));
    }
  }
  const std::string body = publication::renderAtom(feedPage);
  const std::string etag = publication::strongEtag(body);
  const std::string changed = context_.store.feedChangedAt(now);
  const std::int64_t lastModified = changed.empty() ? 0 : publication::fromRfc3339Utc(changed);
  response.set("ETag", etag);
  response.set("Last-Modified", publication::httpDate(lastModified));
  response.set("Cache-Control", "no-cache");
  if (publication::notModified(request.get("If-None-Match", ""), request.get("If-Modified-Since", ""), etag,
                               lastModified)) {
    return sendNotModified(response);
  }
  sendBytes(response, 200, "application/atom+xml; charset=utf-8", body);
}

}  // namespace paraph::http
