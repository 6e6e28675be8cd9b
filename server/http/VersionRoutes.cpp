// A version: its manifest (files, state, provenance) and its files.
#include <algorithm>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/Routes.h"

namespace paraph::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

}  // namespace

void showVersion(Exchange& exchange) {
  const std::string& id = exchange.parameter("id");
  const std::string& number = exchange.parameter("n");
  auto& context = exchange.context;
  const int wanted = versionNumberOf(number);
  const auto version = context.store.version(id, wanted);
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
  exchange.response.set("Cache-Control", "no-cache");
  sendJson(exchange, 200, body);
}

void versionFile(Exchange& exchange) {
  const std::string& id = exchange.parameter("id");
  const std::string& number = exchange.parameter("n");
  const std::string name = exchange.lastSegment();
  auto& context = exchange.context;
  const auto known = context.pipeline.types().versionFileNames();
  if (std::find(known.begin(), known.end(), name) == known.end()) {
    std::string files;
    for (const auto& file : known) files += (files.empty() ? "" : ", ") + file;
    throw HttpError(404, "no file '" + name + "' in a version (files: " + files + ", translation.xlf)");
  }
  const auto version = context.store.version(id, versionNumberOf(number));
  if (!version) throw HttpError(404, "no version " + number + " of document '" + id + "'");
  const auto file = std::find_if(version->files.begin(), version->files.end(),
                                 [&](const store::FileRecord& candidate) { return candidate.name == name; });
  if (file == version->files.end()) throw HttpError(404, "version " + number + " has no " + name);
  // A numbered version's file never changes: cache it for good. "latest" must be revalidated.
  exchange.response.set("Cache-Control", number == "latest" ? "no-cache" : "public, max-age=31536000, immutable");
  if (answeredNotModified(exchange, "\"" + file->sha256 + "\"")) return;
  // The input is data to save, never a page to render in the browser.
  sendStoredFile(exchange, *file, id + "-v" + std::to_string(version->number) + "." + name,
                 name == "input.xml" ? "attachment" : "inline");
}

}  // namespace paraph::http
