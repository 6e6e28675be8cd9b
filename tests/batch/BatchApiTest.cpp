// POST /api/v1/batches through the real server: each record validated on its own (a wrong
// record reported at its place, in the reader's language, the others go on), the progress,
// the report, the mail-room file (made once), the ZIP of PDFs, the SSE progress events, and
// the same batch sent again making no second set of versions.
#include <gtest/gtest.h>

#include <Poco/Zip/Decompress.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "batch/BatchSupport.h"
#include "batch/GeneratedLetters.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"

using namespace paraph::testing;

namespace {

int occurrences(const std::string& text, const std::string& needle) {
  int count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

}  // namespace

TEST(BatchApi, GoodRecordsBecomeVersionsWrongOnesAreReportedAtTheirPlaceAndResendingMakesNothingNew) {
  const auto folder = testFolder("batch-api");
  ServerProcess server(folder, "events.max_stream_ms = 1000\n");
  server.start();
  ApiClient client(server.port(), kSubmitterToken);

  const auto letters = generatedLetters(6, "API");
  std::vector<std::pair<std::string, std::string>> entries;
  for (int index = 0; index < 6; ++index) entries.emplace_back(entryName(index + 1), letters[index].xml);
  // 0004.xml: a postal code of five digits (the schema's four); notes.txt: not a document.
  entries[3].second = replacedFirst(entries[3].second, "<postal-code>[0-9]+</postal-code>", "<postal-code>12345</postal-code>");
  const int badLine = 1 + static_cast<int>(std::count(entries[3].second.begin(),
                                                      entries[3].second.begin() + static_cast<long>(entries[3].second.find("<postal-code>")), '\n'));
  entries.emplace_back("notes.txt", "remember the council meeting");
  const std::string zip = zipOf(entries);

  const auto first = postBatch(client, zip, "council.zip", {{"Accept-Language", "nl"}, {"Idempotency-Key", "batch-1"}});
  ASSERT_EQ(first.status, 202) << first.body;
  const auto answer = first.json();
  const std::string id = answer->getValue<std::string>("batch");
  EXPECT_EQ(first.header("Location"), "/api/v1/batches/" + id);
  EXPECT_EQ(answer->getValue<std::string>("url"), "/api/v1/batches/" + id);
  EXPECT_EQ(answer->getValue<int>("total"), 7);
  const auto errors = answer->getArray("errors");
  ASSERT_EQ(errors->size(), 2u) << first.body;
  const auto schemaError = errors->getObject(0);
  EXPECT_EQ(schemaError->getValue<std::string>("place"), "council.zip: 0004.xml");
  EXPECT_EQ(schemaError->getValue<int>("position"), 4);
  EXPECT_EQ(schemaError->getValue<int>("line"), badLine);
  EXPECT_GT(schemaError->getValue<int>("column"), 0);
  EXPECT_EQ(errors->getObject(1)->getValue<std::string>("place"), "council.zip: notes.txt");
  EXPECT_NE(errors->getObject(1)->getValue<std::string>("message").find("XML-bestand"), std::string::npos)
      << errors->getObject(1)->getValue<std::string>("message");

  // The same key and request: the first answer again, not a second batch.
  const auto replay = postBatch(client, zip, "council.zip", {{"Accept-Language", "nl"}, {"Idempotency-Key", "batch-1"}});
  EXPECT_EQ(replay.status, 202);
  EXPECT_EQ(replay.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(replay.json()->getValue<std::string>("batch"), id);

  const auto finished = waitForBatch(client, id, mailRoomSettled);
  EXPECT_EQ(finished->getValue<std::string>("state"), "finished");
  EXPECT_EQ(finished->getValue<int>("total"), 7);
  EXPECT_EQ(finished->getValue<int>("done"), 5);
  EXPECT_EQ(finished->getValue<int>("failed"), 2);
  EXPECT_EQ(finished->getValue<int>("waiting"), 0);
  EXPECT_EQ(finished->getValue<int>("percent"), 100);
  EXPECT_EQ(finished->getValue<std::string>("mail_room"), "built");
  EXPECT_GT(finished->getValue<double>("per_second"), 0);

  // Every record in the report: place, document, version, state, error.
  const auto report = client.get("/api/v1/batches/" + id + "/report.csv");
  ASSERT_EQ(report.status, 200);
  EXPECT_EQ(report.header("Content-Type").substr(0, 8), "text/csv");
  const auto rows = csvRows(report.body);
  ASSERT_EQ(rows.size(), 8u) << report.body;
  EXPECT_EQ(rows[0][0], "position");
  for (std::size_t row = 1; row < rows.size(); ++row) {
    ASSERT_EQ(rows[row].size(), 10u) << report.body;
    const bool good = row != 4 && row != 7;
    EXPECT_EQ(rows[row][4], good ? "done" : "invalid") << report.body;
    EXPECT_EQ(rows[row][5], good ? "1" : "") << report.body;
    if (good) {
      EXPECT_EQ(rows[row][2], letters[row - 1].id);
    }
  }
  EXPECT_EQ(rows[4][1], "council.zip: 0004.xml");
  EXPECT_EQ(rows[4][7], std::to_string(badLine));

  // Sent again (no key): the first batch, and no second set of versions.
  const auto again = postBatch(client, zip, "council.zip", {{"Accept-Language", "en"}});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()->getValue<std::string>("batch"), id);
  // In English now: the messages are stored language-neutral and told in the reader's language.
  EXPECT_NE(again.json()->getArray("errors")->getObject(1)->getValue<std::string>("message"),
            errors->getObject(1)->getValue<std::string>("message"));
  for (int index = 0; index < 6; ++index) {
    if (index == 3) continue;
    const auto document = client.get("/api/v1/documents/" + letters[index].id);
    ASSERT_EQ(document.status, 200);
    EXPECT_EQ(document.json()->getArray("versions")->size(), 1u) << letters[index].id;
  }
  EXPECT_EQ(client.get("/api/v1/documents/" + letters[3].id).status, 404);

  // The mail-room file: made once, served again as stored.
  const auto mailRoom = client.get("/api/v1/batches/" + id + "/mail-room.fr.pdf");
  ASSERT_EQ(mailRoom.status, 200) << mailRoom.body;
  EXPECT_EQ(mailRoom.header("Content-Type"), "application/pdf");
  EXPECT_EQ(mailRoom.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(client.get("/api/v1/batches/" + id + "/mail-room.fr.pdf").body, mailRoom.body);
  EXPECT_EQ(client.get("/api/v1/batches/" + id + "/mail-room.nl.pdf").status, 200);
  EXPECT_EQ(client.get("/api/v1/batches/" + id + "/mail-room.de.pdf").status, 404);
  EXPECT_EQ(client.get("/api/v1/batches/no-such-batch").status, 404);

  // Every PDF of the batch, named <document>.<lang>.pdf.
  const auto pdfs = client.get("/api/v1/batches/" + id + "/pdfs.zip");
  ASSERT_EQ(pdfs.status, 200);
  EXPECT_EQ(pdfs.header("Content-Type"), "application/zip");
  const auto unzipped = folder / "pdfs";
  std::filesystem::create_directories(unzipped);
  std::istringstream zipped(pdfs.body);
  Poco::Zip::Decompress(zipped, Poco::Path(unzipped.string() + "/")).decompressAllFiles();
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(unzipped)) {
    names.insert(entry.path().filename().string());
    std::ifstream file(entry.path(), std::ios::binary);
    std::string head(5, '\0');
    file.read(head.data(), 5);
    EXPECT_EQ(head, "%PDF-") << entry.path();
  }
  std::set<std::string> expected;
  for (int index = 0; index < 6; ++index) {
    if (index == 3) continue;
    expected.insert(letters[index].id + ".fr.pdf");
    expected.insert(letters[index].id + ".nl.pdf");
    expected.insert(letters[index].id + ".fr-nl.pdf");  // the letter type's side-by-side edition
  }
  EXPECT_EQ(names, expected);

  // The progress on the event stream, from the start: counts moving up to finished.
  const auto stream = client.get("/api/v1/events?types=batch.progress&last_event_id=0");
  ASSERT_EQ(stream.status, 200);
  EXPECT_GE(occurrences(stream.body, "event: batch.progress"), 6) << stream.body;
  EXPECT_NE(stream.body.find("\"done\":5"), std::string::npos) << stream.body;
  EXPECT_NE(stream.body.find("\"state\":\"finished\""), std::string::npos) << stream.body;
  EXPECT_NE(stream.body.find("\"mail_room\":\"built\""), std::string::npos) << stream.body;

  EXPECT_EQ(occurrences(server.log(), "\"mail_room_made\""), 1) << server.log();
  server.stop();
  std::filesystem::remove_all(folder);
}

TEST(BatchApi, AnUnreadableBatchIsRefusedWholeAndOnlySubmittersMaySendOne) {
  const auto folder = testFolder("batch-refused");
  ServerProcess server(folder, "queue.accept_only = true\n");
  server.start();
  ApiClient client(server.port(), kSubmitterToken);
  const auto broken = postBatch(client, "<batch xmlns=\"https://paraph.inami.fgov.be/ns/batch/1\"><letter>", "council.xml");
  EXPECT_EQ(broken.status, 400) << broken.body;
  EXPECT_EQ(client.post("/api/v1/batches", "just text", "text/plain").status, 415);
  EXPECT_EQ(postBatch(ApiClient(server.port(), kReviewerToken), zipOf({{"0001.xml", firstLetter()}}), "a.zip").status, 403);
  server.stop();
  std::filesystem::remove_all(folder);
}
