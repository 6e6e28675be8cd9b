// What the institution's website pulls, without a token: the published version of each
// document at a stable URL, and the Atom feeds (docs/publication.md).
#include <Poco/URI.h>

#include <algorithm>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/Routes.h"
#include "publication/AtomFeed.h"
#include "publication/ConditionalGet.h"
#include "publication/Embargo.h"

namespace paraph::http {
namespace {

// An embargoed document appears when its embargo is lifted: that is its publication.
std::string visibleFrom(const std::string& at, const std::string& embargoUntil) {
  return std::max(at, embargoUntil);
}

}  // namespace

void publicFile(Exchange& exchange) {
  auto& context = exchange.context;
  const std::string& type = exchange.parameter("type");
  const std::string& id = exchange.parameter("id");
  const std::string name = exchange.lastSegment();
  // The files of the type's editions, as catalog/doctypes.xml declares them.
  const auto* documentType = context.pipeline.types().byName(type);
  if (documentType == nullptr) throw HttpError(404, "no published document /pub/" + type + "/" + id);
  const auto files = documentType->outputFileNames();
  if (std::find(files.begin(), files.end(), name) == files.end()) {
    std::string known;
    for (const auto& file : files) known += (known.empty() ? "" : ", ") + file;
    throw HttpError(404, "no public file '" + name + "' (" + known + ")");
  }
  const std::string now = store::Store::timestamp();
  const auto publication = context.store.publication(id);
  // Never published, another type, or still under embargo: as far as the public knows,
  // there is nothing here yet.
  if (!publication || publication->documentType != type ||
      (!publication->embargoUntil.empty() && publication->embargoUntil > now)) {
    throw HttpError(404, "no published document /pub/" + type + "/" + id);
  }
  if (publication->withdrawn) {
    throw HttpError(410, "document '" + id + "' was withdrawn on " + publication->withdrawnAt);
  }
  const auto version = context.store.version(id, publication->number);
  if (!version) throw std::runtime_error("published version " + std::to_string(publication->number) + " is missing");
  const auto file = std::find_if(version->files.begin(), version->files.end(),
                                 [&](const store::FileRecord& candidate) { return candidate.name == name; });
  if (file == version->files.end()) throw HttpError(404, "the published version has no " + name);

  const auto lastModified =
      publication::fromRfc3339Utc(visibleFrom(publication->publishedAt, publication->embargoUntil));
  // Revalidate every time: a withdrawal must reach readers at once (410).
  exchange.response.set("Cache-Control", "no-cache");
  exchange.response.set("Content-Language", name.substr(0, name.find('.')) == "fr-nl" ? "fr-BE, nl-BE"
                                                                             : name.substr(0, 2) + "-BE");
  if (answeredNotModified(exchange, "\"" + file->sha256 + "\"", lastModified)) return;
  sendStoredFile(exchange, *file, id + "." + name);
}

std::optional<std::string> renderFeed(const ServerContext& context, const std::string& feedPath, int page,
                                      const std::string& baseUrl) {
  std::optional<l10n::Lang> lang;
  if (feedPath == "/feed/fr.atom") lang = l10n::Lang::fr;
  if (feedPath == "/feed/nl.atom") lang = l10n::Lang::nl;
  // Documents per page (the bilingual feed has both languages of each).
  const int perPage = static_cast<int>(context.settings.server.feedPageSize);
  const std::string now = store::Store::timestamp();
  auto publications = context.store.livePublications(now, (static_cast<std::int64_t>(page) - 1) * perPage, perPage + 1);
  const bool hasNext = publications.size() > static_cast<std::size_t>(perPage);
  if (hasNext) publications.pop_back();
  if (page > 1 && publications.empty()) return std::nullopt;

  publication::FeedPage feedPage;
  feedPage.feedPath = feedPath;
  feedPage.lang = lang;
  feedPage.page = page;
  feedPage.hasNext = hasNext;
  feedPage.baseUrl = baseUrl;
  // Announced only when a subscriber could be accepted at all.
  if (!context.settings.integrations.allowedHosts.empty()) feedPage.hubPath = kWebSubHubPath;
  for (const auto& published : publications) {
    const auto* type = context.pipeline.types().byName(published.documentType);
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
  return publication::renderAtom(feedPage);
}

void feed(Exchange& exchange) {
  auto& context = exchange.context;
  const std::string name = exchange.lastSegment();
  std::string feedPath;
  if (name == "feed.atom") {
    feedPath = "/feed.atom";
  } else if (name == "fr.atom" || name == "nl.atom") {
    feedPath = "/feed/" + name;
  } else {
    throw HttpError(404, "no feed '" + name + "' (feeds: /feed/fr.atom, /feed/nl.atom, /feed.atom)");
  }
  int page = 1;
  for (const auto& [parameter, value] : Poco::URI(exchange.request.getURI()).getQueryParameters()) {
    if (parameter != "page") throw HttpError(400, "unknown query parameter '" + parameter + "' (known: page)");
    page = positiveNumber(value, "page", 400);
  }
  std::string baseUrl = context.settings.server.publicUrl;
  if (baseUrl.empty()) {
    const std::string host = exchange.request.getHost();
    const bool plainHost = !host.empty() && host.find_first_not_of(
                                                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") ==
                                                std::string::npos;
    baseUrl = "http://" + (plainHost ? host : context.settings.server.bindAddress + ":" +
                                                  std::to_string(context.settings.server.port));
  }
  const std::string now = store::Store::timestamp();
  const auto body = renderFeed(context, feedPath, page, baseUrl);
  if (!body) throw HttpError(404, "feed " + feedPath + " has no page " + std::to_string(page));
  const std::string changed = context.store.feedChangedAt(now);
  const std::int64_t lastModified = changed.empty() ? 0 : publication::fromRfc3339Utc(changed);
  exchange.response.set("Cache-Control", "no-cache");
  // WebSub §4: the hub and the topic, also as HTTP Link headers.
  if (!context.settings.integrations.allowedHosts.empty()) {
    exchange.response.add("Link", "<" + baseUrl + kWebSubHubPath + ">; rel=\"hub\"");
    exchange.response.add("Link", "<" + baseUrl + feedPath + ">; rel=\"self\"");
  }
  if (answeredNotModified(exchange, publication::strongEtag(*body), lastModified)) return;
  sendBytes(exchange, 200, "application/atom+xml; charset=utf-8", *body);
}

}  // namespace paraph::http
