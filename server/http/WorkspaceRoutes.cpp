// The staff workspace's pages (docs/workspace.md): the documents list, the submit page and a
// document's page with its versions, files and workflow steps. Each works without
// JavaScript: forms post, and the server answers 303 (or the page again with its errors).
// Submitting goes through enqueueInput, the API's own path; the steps are ReviewActions.
#include <Poco/JSON/Object.h>
#include <Poco/URI.h>

#include <algorithm>
#include <sstream>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/PageSupport.h"
#include "http/ReviewActions.h"
#include "http/Routes.h"
#include "http/Sessions.h"
#include "http/VersionReview.h"
#include "publication/Embargo.h"
#include "xml/Escape.h"

namespace paraph::http {
namespace {

using workspace::PageModel;

const std::vector<std::string> kStates{"draft", "in-review", "approved", "published", "withdrawn"};

std::string documentPagePath(const std::string& id) { return "/documents/" + xml::percentEncoded(id); }

// at="…" and, when it reads as UTC, local-at="…" (Brussels wall clock, for p:datetime).
void setTime(PageModel::Node node, const std::string& at) {
  node.set("at", at);
  try {
    node.set("local-at", publication::brusselsWallClock(publication::fromRfc3339Utc(at)));
  } catch (const std::invalid_argument&) {
    // Not a timestamp of the store's: shown as it is.
  }
}

// The title of a version in the interface language, as the feeds take it from the input; empty
// when the input cannot be read again (the page then shows the reference only).
std::string titleOf(ServerContext& context, const store::VersionRecord& version, l10n::Lang lang) {
  try {
    const auto accepted = context.service.accept(readVersionFile(context.store, version, "input.xml"), "input.xml");
    return context.service.entryText(accepted, lang).title;
  } catch (const std::exception&) {
    return {};
  }
}

// The submit page, with what was refused and why: each error's place and the source lines
// around it, the place marked.
void sendSubmitPage(Exchange& exchange, int status, const std::string& input, bool pasted,
                    const Poco::JSON::Array::Ptr& errors, const std::string& problem) {
  auto model = newPage(exchange, "submit");
  auto root = model.root();
  if (!problem.empty()) root.set("problem", problem);
  std::vector<std::string> lines;
  {
    std::istringstream stream(input);
    for (std::string line; std::getline(stream, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
    }
  }
  if (errors) {
    for (std::size_t index = 0; index < errors->size(); ++index) {
      const auto error = errors->getObject(static_cast<unsigned>(index));
      const int line = error->optValue<int>("line", 0);
      const int column = error->optValue<int>("column", 0);
      auto node = root.add("error");
      node.set("line", line).set("column", column).set("message", error->optValue<std::string>("message", ""));
      node.set("path", error->optValue<std::string>("path", ""));
      if (line < 1 || line > static_cast<int>(lines.size())) continue;
      for (int shown = std::max(1, line - 2); shown <= std::min(static_cast<int>(lines.size()), line + 2); ++shown) {
        auto source = node.add("line");
        source.set("number", shown).flag("marked", shown == line).text(lines[static_cast<std::size_t>(shown - 1)]);
        if (shown == line && column >= 1) {
          // The column counts characters: as many spaces (a tab kept as a tab) before the mark.
          std::string before;
          const std::string& text = lines[static_cast<std::size_t>(shown - 1)];
          int characters = 0;
          for (std::size_t at = 0; at < text.size() && characters < column - 1; ++at) {
            const auto byte = static_cast<unsigned char>(text[at]);
            if ((byte & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte
            before.push_back(byte == '\t' ? '\t' : ' ');
            ++characters;
          }
          source.set("caret", before);
        }
      }
    }
  }
  if (pasted) root.add("pasted").text(input);
  sendPage(exchange, status, model);
}

}  // namespace

void documentsPage(Exchange& exchange) {
  auto& context = exchange.context;
  const auto lang = interfaceLanguage(exchange);
  store::DocumentQuery query;
  query.perPage = static_cast<int>(context.settings.server.workspacePageSize);
  for (const auto& [name, value] : Poco::URI(exchange.request.getURI()).getQueryParameters()) {
    if (name == "type") {
      if (!value.empty() && context.pipeline.types().byName(value) == nullptr) {
        throw HttpError(400, "no document type '" + value + "'");
      }
      query.type = value;
    } else if (name == "state") {
      if (!value.empty() && std::find(kStates.begin(), kStates.end(), value) == kStates.end()) {
        throw HttpError(400, "state: draft, in-review, approved, published or withdrawn, not '" + value + "'");
      }
      query.state = value;
    } else if (name == "page") {
      query.page = positiveNumber(value, "page", 400);
    }
  }
  const auto found = context.store.workspaceDocuments(query);
  const auto pages = std::max<std::int64_t>(1, (found.total + query.perPage - 1) / query.perPage);
  auto model = newPage(exchange, "documents");
  auto root = model.root();
  root.set("total", found.total).set("page", query.page).set("pages", pages).set("type", query.type);
  root.set("state", query.state);
  auto pageUrl = [&](int page) {
    std::string url = "/?page=" + std::to_string(page);
    if (!query.type.empty()) url += "&type=" + xml::percentEncoded(query.type);
    if (!query.state.empty()) url += "&state=" + xml::percentEncoded(query.state);
    return url;
  };
  if (query.page > 1) root.set("previous-url", pageUrl(query.page - 1));
  if (query.page < pages) root.set("next-url", pageUrl(query.page + 1));
  for (const auto& type : context.pipeline.types().all()) {
    root.add("type").set("name", type.name).set("label", type.label(lang)).flag("selected", type.name == query.type);
  }
  for (const auto& document : found.documents) {
    auto node = root.add("document");
    const auto* type = context.pipeline.types().byName(document.type);
    node.set("url", documentPagePath(document.id)).set("id", document.id);
    node.set("type-label", type != nullptr ? type->label(lang) : document.type).set("reference", document.reference);
    node.set("state", document.latestState).set("by", document.latestBy);
    node.flag("pending", context.store.pendingJob(document.id).has_value());
    if (document.latestVersion > 0) {
      if (const auto version = context.store.version(document.id, document.latestVersion)) {
        node.set("title", titleOf(context, *version, lang));
      }
    }
    setTime(node, document.updatedAt);
  }
  sendPage(exchange, 200, model);
}

void submitPage(Exchange& exchange) { sendSubmitPage(exchange, 200, "", false, nullptr, ""); }

void submitForm(Exchange& exchange) {
  const auto upload = exchange.uploads.find("file");
  const bool fromFile = upload != exchange.uploads.end() && !upload->second.empty();
  const std::string input = fromFile ? upload->second : exchange.form->get("xml", "");
  if (input.find_first_not_of(" \t\r\n") == std::string::npos) {
    return sendSubmitPage(exchange, 400, "", false, nullptr, "empty");
  }
  const auto& settings = exchange.context.settings;
  if (input.size() > std::min(settings.server.maxRequestBytes, settings.parse.maxDocumentBytes)) {
    throw HttpError(413, "the document is larger than parse.max_document_bytes");
  }
  try {
    enqueueInput(exchange, input, {}, nullptr, [&](int, const Poco::JSON::Object& answer) {
      const std::string id = answer.getValue<std::string>("document");
      const bool draft = answer.has("draft");
      redirect(exchange, documentPagePath(id) + (draft ? "?submitted=draft" : "?submitted=1"));
    });
  } catch (const HttpError& refused) {
    // Invalid: nothing was stored; the page again, with the errors and what was sent.
    if (refused.status() != 400 || !refused.errors()) throw;
    sendSubmitPage(exchange, 422, input, !fromFile, refused.errors(), "");
  }
}

void documentPage(Exchange& exchange) {
  auto& context = exchange.context;
  const auto lang = interfaceLanguage(exchange);
  const std::string& id = exchange.parameter("id");
  auto document = context.store.document(id);
  const bool pending = context.store.pendingJob(id).has_value();
  if (!document && !pending) throw HttpError(404, "no document '" + id + "'");
  if (!document) {
    // Just submitted: the document exists once its first version is made.
    document = store::DocumentRecord{};
    document->id = id;
    document->reference = id;
  }
  std::string notice;
  for (const auto& [name, value] : Poco::URI(exchange.request.getURI()).getQueryParameters()) {
    if (name == "submitted") notice = value == "draft" ? "submit.accepted-draft" : "submit.accepted";
    if (name == "done") notice = "document.done";
  }
  auto model = newPage(exchange, "document");
  auto root = model.root();
  const auto* type = context.pipeline.types().byName(document->type);
  root.set("id", id).set("type-label", type != nullptr ? type->label(lang) : document->type);
  root.set("reference", document->reference).set("review-url", reviewPagePath(id));
  if (!notice.empty()) root.set("notice", notice);
  root.flag("pending", pending);
  setTime(root.add("created"), document->createdAt);
  auto versions = document->versions;
  std::sort(versions.begin(), versions.end(), [](const auto& a, const auto& b) { return a.number > b.number; });
  for (const auto& listed : versions) {
    const auto version = context.store.version(id, listed.number);  // with its files
    if (!version) continue;
    auto node = root.add("version");
    node.set("number", version->number).set("state", store::toString(version->state)).set("by", version->submittedBy);
    setTime(node, version->createdAt);
    for (const auto& file : version->files) {
      auto entry = node.add("file");
      entry.set("url", versionUrl(id, version->number) + "/" + file.name).set("name", file.name);
      const auto dot = file.name.rfind('.');
      entry.set("kind", file.name == "input.xml" ? "input" : file.name.substr(dot + 1));
      entry.set("edition", file.name.substr(0, dot));
    }
  }
  if (!versions.empty()) {
    const auto& latest = versions.front();
    const auto& who = exchange.who();
    const std::string base = documentPagePath(id) + "/versions/" + std::to_string(latest.number) + "/";
    auto offer = [&](const char* step, bool allowed, bool needsComment) {
      if (allowed) root.add("action").set("step", step).set("url", base + step).flag("needs-comment", needsComment);
    };
    using store::ReviewState;
    offer("submit-for-review", latest.state == ReviewState::draft && ReviewActions::mayTranslate(who), false);
    offer("approve", latest.state == ReviewState::inReview && ReviewActions::mayReview(who), false);
    offer("reject", latest.state == ReviewState::inReview && ReviewActions::mayReview(who), true);
    offer("publish", latest.state == ReviewState::approved && ReviewActions::mayPublish(who), false);
    offer("withdraw", latest.state == ReviewState::published && ReviewActions::mayPublish(who), false);
  }
  sendPage(exchange, 200, model);
}

void documentAction(Exchange& exchange) {
  const std::string& id = exchange.parameter("id");
  const int number = positiveNumber(exchange.parameter("n"), "the version", 404);
  const std::string step = exchange.parameter("step");
  // Each step is confirmed: without the box ticked nothing happens.
  if (exchange.form->get("confirm", "") != "yes") {
    throw HttpError(400, "tick the confirmation box to take this step");
  }
  const std::string comment = exchange.form->get("comment", "");
  ReviewActions actions(exchange.context);
  const auto& who = exchange.who();
  if (step == "submit-for-review") {
    actions.submitForReview(id, number, who, comment);
  } else if (step == "approve") {
    actions.approve(id, number, who, comment);
  } else if (step == "reject") {
    actions.reject(id, number, who, comment);
  } else if (step == "publish") {
    actions.publish(id, number, who);
  } else if (step == "withdraw") {
    actions.withdraw(id, number, who, comment);
  } else {
    throw HttpError(404, "no step '" + step + "' (submit-for-review, approve, reject, publish, withdraw)");
  }
  redirect(exchange, documentPagePath(id) + "?done=1");
}

}  // namespace paraph::http
