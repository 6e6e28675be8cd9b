// Batches (docs/batch.md): submitting one, its progress, its report, its mail-room files and
// the ZIP of its PDFs.
#include <Poco/DateTime.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Zip/Compress.h>

#include <sstream>

#include "http/ApiSupport.h"
#include "http/Batches.h"
#include "http/HttpError.h"
#include "http/Routes.h"

namespace paraph::http {
namespace {

using Poco::JSON::Object;

// A CSV field as RFC 4180 writes it: quoted when it holds a separator, a quote or a line break.
std::string csvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

store::BatchSummary batchOrNotFound(Exchange& exchange) {
  const std::string& id = exchange.parameter("id");
  auto summary = exchange.context.store.batch(id);
  if (!summary) throw HttpError(404, "no batch '" + id + "'");
  return *summary;
}

// The name a sent batch goes by in its places ("letters.zip: 0042.xml"): the filename of
// Content-Disposition when given, else batch.zip or batch.xml.
std::string sourceNameOf(const Exchange& exchange, bool zip) {
  const std::string disposition = exchange.request.get("Content-Disposition", "");
  const auto at = disposition.find("filename=\"");
  if (at != std::string::npos) {
    const auto start = at + 10;
    const auto end = disposition.find('"', start);
    std::string name = disposition.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos) name = name.substr(slash + 1);
    if (!name.empty() && name.size() <= 200) return name;
  }
  return zip ? "batch.zip" : "batch.xml";
}

}  // namespace

void submitBatch(Exchange& exchange) {
  const std::string mediaType = mediaTypeOf(exchange.request.getContentType());
  const bool zip = mediaType == "application/zip";
  if (!zip && mediaType != "application/xml" && mediaType != "text/xml") {
    throw HttpError(415, "send the batch as Content-Type: application/zip (a ZIP of XML documents) or "
                         "application/xml (a <batch> envelope), not '" + exchange.request.getContentType() + "'");
  }
  const std::string body = readBody(exchange, exchange.context.settings.batch.maxBatchBytes);
  const auto taken = takeBatch(exchange, body, sourceNameOf(exchange, zip));
  const auto summary = exchange.context.store.batch(taken.id);
  if (!summary) throw std::runtime_error("batch " + taken.id + " vanished");
  Object answer = batchJson(exchange, *summary, exchange.context.store.batchRecords(taken.id));
  if (!taken.created) answer.set("note", "this batch was sent before: this is that batch; no new versions");
  exchange.response.set("Location", batchUrl(taken.id));
  sendJson(exchange, taken.created ? 202 : 200, answer);
}

void showBatch(Exchange& exchange) {
  const auto summary = batchOrNotFound(exchange);
  sendJson(exchange, 200, batchJson(exchange, summary, exchange.context.store.batchRecords(summary.id)));
}

void batchReport(Exchange& exchange) {
  const auto summary = batchOrNotFound(exchange);
  const auto language = messageLanguageOf(exchange);
  const auto& texts = exchange.context.pipeline.texts();
  std::ostringstream report;
  report << "position,place,document,type,state,version,file,line,column,error\r\n";
  for (const auto& record : exchange.context.store.batchRecords(summary.id)) {
    const std::string lead = std::to_string(record.position) + ',' + csvField(record.place) + ',' +
                             csvField(record.documentId) + ',' + csvField(record.documentType) + ',' +
                             recordState(record) + ',' + (record.version > 0 ? std::to_string(record.version) : "") + ',';
    if (record.problems.empty()) {
      report << lead << ",,," << csvField(record.error) << "\r\n";
      continue;
    }
    // One line per problem of a wrong record, each at its place.
    for (const auto& problem : record.problems) {
      report << lead << csvField(problem.file) << ',' << problem.line << ',' << problem.column << ','
             << csvField(pipeline::localisedMessage(diagnosticOf(problem), texts, language)) << "\r\n";
    }
  }
  exchange.response.set("Content-Disposition", "attachment; filename=\"" + summary.id + ".report.csv\"");
  sendBytes(exchange, 200, "text/csv; charset=utf-8; header=present", report.str());
}

void batchMailRoom(Exchange& exchange) {
  const auto summary = batchOrNotFound(exchange);
  const std::string name = "mail-room." + exchange.parameter("lang") + ".pdf";
  if (summary.mailRoom == store::MailRoomState::none) {
    throw HttpError(404, "batch '" + summary.id + "' has no posted letters: it has no mail-room file");
  }
  if (summary.mailRoom == store::MailRoomState::failed) {
    throw HttpError(500, "the mail-room file of batch '" + summary.id + "' could not be made: " + summary.mailRoomError);
  }
  if (summary.mailRoom == store::MailRoomState::pending) {
    exchange.response.set("Retry-After", "5");
    throw HttpError(409, "the mail-room file of batch '" + summary.id + "' is made once its letters are all done (" +
                             std::to_string(summary.queued + summary.running) + " waiting); try again later");
  }
  for (const auto& file : exchange.context.store.batchFiles(summary.id)) {
    if (file.name != name) continue;
    if (answeredNotModified(exchange, "\"" + file.sha256 + "\"")) return;
    return sendStoredFile(exchange, file, summary.id + "." + name, "attachment");
  }
  throw HttpError(404, "batch '" + summary.id + "' has no " + name + " (no letter of the batch has that edition)");
}

void batchPdfs(Exchange& exchange) {
  const auto summary = batchOrNotFound(exchange);
  auto& store = exchange.context.store;
  auto& response = exchange.response;
  response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
  response.setContentType("application/zip");
  response.set("Content-Disposition", "attachment; filename=\"" + summary.id + ".pdfs.zip\"");
  response.set("Cache-Control", "no-store");
  // Streamed: one PDF in memory at a time, whatever the batch's size. PDFs are compressed
  // already, so the fastest deflate level costs little and gains little; a non-seekable
  // output writes each entry's sizes after it.
  response.setChunkedTransferEncoding(true);
  std::ostream& out = response.send();
  Poco::Zip::Compress zip(out, false);
  const Poco::DateTime now;
  for (const auto& record : store.batchRecords(summary.id)) {
    if (record.jobState != store::JobState::done || record.version == 0) continue;
    const auto version = store.version(record.documentId, record.version);
    if (!version) continue;
    for (const auto& file : version->files) {
      if (file.mediaType != "application/pdf") continue;
      std::istringstream bytes(store.files().read(file.sha256));
      zip.addFile(bytes, now, Poco::Path(record.documentId + "." + file.name, Poco::Path::PATH_UNIX),
                  Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_SUPERFAST);
    }
  }
  zip.close();
  out.flush();
}

}  // namespace paraph::http
