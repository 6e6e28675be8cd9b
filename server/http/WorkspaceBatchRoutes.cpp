// The workspace's batch pages (docs/batch.md): the form that sends a batch (the API's own
// path, takeBatch) and a batch's page: progress, errors at their places in the page's
// language, downloads. The page works without JavaScript (a reload shows the progress);
// where scripts run, its one inline script follows the batch's events live, allowed by its
// SHA-256 in the page's Content-Security-Policy (nothing else may run).
#include <Poco/Base64Encoder.h>
#include <Poco/URI.h>

#include <cmath>
#include <sstream>

#include "http/ApiSupport.h"
#include "http/Batches.h"
#include "http/HttpError.h"
#include "http/PageSupport.h"
#include "http/Routes.h"
#include "http/Sessions.h"
#include "xml/Escape.h"
#include "xml/Sha256.h"

namespace paraph::http {
namespace {

using workspace::PageModel;

// The live progress: counts and bar from the batch.progress events (the stream takes the
// session cookie for a read); once the batch is finished, the page is loaded again for its
// errors and links.
constexpr const char* kLiveScript =
    "(function () {\n"
    "  var section = document.querySelector('.ws-batch');\n"
    "  if (!section || section.getAttribute('data-state') === 'finished' || !window.EventSource) return;\n"
    "  var id = section.getAttribute('data-batch');\n"
    "  var bar = document.getElementById('batch-progress');\n"
    "  var events = new EventSource('/api/v1/events?types=batch.progress');\n"
    "  events.addEventListener('batch.progress', function (message) {\n"
    "    var data = JSON.parse(message.data);\n"
    "    if (data.batch !== id) return;\n"
    "    ['total', 'done', 'failed', 'waiting'].forEach(function (name) {\n"
    "      var cell = section.querySelector('[data-count=\"' + name + '\"]');\n"
    "      if (cell) cell.textContent = String(data[name]);\n"
    "    });\n"
    "    bar.max = data.total;\n"
    "    bar.value = data.done + data.failed;\n"
    "    if (data.state === 'finished' && data.mail_room !== 'pending') {\n"
    "      events.close();\n"
    "      window.location.reload();\n"
    "    }\n"
    "  });\n"
    "})();\n";

// 'sha256-…' of the script, as a Content-Security-Policy source names it.
const std::string& scriptSource() {
  static const std::string source = [] {
    const std::string hex = xml::sha256Hex(kLiveScript);
    std::string raw;
    for (std::size_t at = 0; at + 1 < hex.size(); at += 2) raw.push_back(static_cast<char>(std::stoi(hex.substr(at, 2), nullptr, 16)));
    std::ostringstream encoded;
    Poco::Base64Encoder encoder(encoded);
    encoder.rdbuf()->setLineLength(0);
    encoder << raw;
    encoder.close();
    return "'sha256-" + encoded.str() + "'";
  }();
  return source;
}

std::string batchPagePath(const std::string& id) { return "/batches/" + xml::percentEncoded(id); }

void sendBatchNewPage(Exchange& exchange, int status, const std::string& problem) {
  auto model = newPage(exchange, "batch-new");
  if (!problem.empty()) model.root().set("problem", problem);
  sendPage(exchange, status, model);
}

}  // namespace

void batchNewPage(Exchange& exchange) { sendBatchNewPage(exchange, 200, ""); }

void batchForm(Exchange& exchange) {
  const auto upload = exchange.uploads.find("file");
  if (upload == exchange.uploads.end() || upload->second.empty()) return sendBatchNewPage(exchange, 400, "empty");
  const bool zip = upload->second.starts_with("PK");
  const auto taken = takeBatch(exchange, upload->second, zip ? "batch.zip" : "batch.xml");
  redirect(exchange, batchPagePath(taken.id) + (taken.created ? "?submitted=1" : "?again=1"));
}

void batchPage(Exchange& exchange) {
  auto& context = exchange.context;
  const std::string& id = exchange.parameter("id");
  const auto summary = context.store.batch(id);
  if (!summary) throw HttpError(404, "no batch '" + id + "'");
  const auto progress = progressOf(*summary);
  auto model = newPage(exchange, "batch");
  auto root = model.root();
  root.set("id", summary->id).set("total", summary->total).set("done", progress.done()).set("failed", progress.failed());
  root.set("waiting", progress.waiting()).set("percent", progress.percent());
  root.set("state", summary->finished() ? "finished" : "running").set("mail-room", store::toString(summary->mailRoom));
  std::ostringstream rate;
  rate << std::round(progress.perSecond * 10) / 10;
  root.set("rate", rate.str());
  if (progress.secondsLeft && !summary->finished()) root.set("seconds-left", static_cast<long long>(std::lround(*progress.secondsLeft)));
  for (const auto& [name, value] : Poco::URI(exchange.request.getURI()).getQueryParameters()) {
    if (name == "submitted") root.set("notice", "batch.accepted");
    if (name == "again") root.set("notice", "batch.again");
  }
  const auto language = messageLanguageOf(exchange);
  const auto& texts = context.pipeline.texts();
  for (const auto& record : context.store.batchRecords(id)) {
    const std::string state = recordState(record);
    if (state == "failed") {
      root.add("error").set("place", record.place).set("document", record.documentId).set("message", record.error).flag("job-failed", true);
    }
    for (const auto& problem : record.problems) {
      auto node = root.add("error");
      node.set("place", record.place).set("document", record.documentId).set("line", problem.line).set("column", problem.column);
      node.set("message", pipeline::localisedMessage(diagnosticOf(problem), texts, language));
    }
  }
  const std::string api = batchUrl(summary->id);
  root.add("download").set("kind", "report").set("url", api + "/report.csv");
  root.add("download").set("kind", "pdfs").set("url", api + "/pdfs.zip");
  if (summary->mailRoom == store::MailRoomState::built) {
    for (const auto& file : context.store.batchFiles(summary->id)) {
      if (file.name == "mail-room.fr.pdf") root.add("download").set("kind", "mail-room.fr").set("url", api + "/" + file.name);
      if (file.name == "mail-room.nl.pdf") root.add("download").set("kind", "mail-room.nl").set("url", api + "/" + file.name);
    }
  }
  root.add("script").text(kLiveScript);
  securePage(exchange.response);
  // The page's policy, and its one script by hash; the event stream on this server.
  exchange.response.set("Content-Security-Policy", exchange.response.get("Content-Security-Policy") + "; script-src " +
                                                       scriptSource() + "; connect-src 'self'");
  sendBytes(exchange, 200, "text/html; charset=utf-8", context.workspacePage->render(model, interfaceLanguage(exchange)));
}

}  // namespace paraph::http
