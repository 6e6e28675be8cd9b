// A batch of 200 letters with 5 wrong records through the real server (HTTP, Chromium,
// qpdf, poppler): 195 versions, the 5 errors at their places, and the mail-room file: its
// page count is the cover's two pages plus every letter's pages padded to even, each letter
// starts on an odd page, in ascending postal-code order (checked with pdftotext).
#include <gtest/gtest.h>

#include <Poco/Zip/Decompress.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "batch/BatchSupport.h"
#include "batch/GeneratedLetters.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"
#include "support/Command.h"

using namespace paraph::testing;

namespace {

int pageCount(const std::filesystem::path& pdf) {
  std::smatch match;
  const std::string info = runCommand("pdfinfo " + pdf.string()).output;
  return std::regex_search(info, match, std::regex(R"(Pages:\s+([0-9]+))")) ? std::stoi(match[1]) : -1;
}

std::vector<std::string> pagesText(const std::filesystem::path& pdf) {
  const std::string text = runCommand("pdftotext -layout " + pdf.string() + " -").output;
  std::vector<std::string> pages;
  std::size_t start = 0;
  for (auto at = text.find('\f'); at != std::string::npos; at = text.find('\f', start)) {
    pages.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  return pages;
}

}  // namespace

TEST(BatchMailRoom, TwoHundredLettersFiveWrongTheMailRoomFileHasEveryGoodLetterOnAnOddPageInPostalCodeOrder) {
  const auto folder = testFolder("batch-mail-room");
  ServerProcess server(folder);
  server.start();
  ApiClient client(server.port(), kSubmitterToken);

  constexpr int kXml = 199;
  const auto letters = generatedLetters(kXml, "MAIL");
  std::vector<std::pair<std::string, std::string>> entries;
  for (int index = 0; index < kXml; ++index) entries.emplace_back(entryName(index + 1), letters[index].xml);
  // The five wrong records: not well-formed, two schema errors, a rule broken, not XML.
  std::map<std::string, std::string> broken{{"0017.xml", "not well-formed"}, {"0042.xml", "postal code"},
                                            {"0099.xml", "date"}, {"0150.xml", "motivation"}, {"readme.txt", "not XML"}};
  entries[16].second = entries[16].second.substr(0, entries[16].second.rfind("</letter>"));
  entries[41].second = replacedFirst(entries[41].second, "<postal-code>[0-9]+</postal-code>", "<postal-code>12345</postal-code>");
  entries[98].second = replacedFirst(entries[98].second, "<date>[^<]*</date>", "<date>2026-13-45</date>");
  ASSERT_NE(entries[149].second.find("outcome=\"refused\""), std::string::npos);
  entries[149].second = std::regex_replace(entries[149].second, std::regex("<motivation>[\\s\\S]*</motivation>"), "");
  entries.emplace_back("readme.txt", "letters of the council of 2 March");
  std::set<std::string> wrongIds{letters[16].id, letters[41].id, letters[98].id, letters[149].id};

  const auto sent = postBatch(client, zipOf(entries), "mail.zip", {{"Accept-Language", "fr"}});
  ASSERT_EQ(sent.status, 202) << sent.body;
  const std::string id = sent.json()->getValue<std::string>("batch");
  EXPECT_EQ(sent.json()->getValue<int>("total"), 200);

  const auto batch = waitForBatch(client, id, mailRoomSettled, std::chrono::seconds(1500));
  ASSERT_EQ(batch->getValue<std::string>("state"), "finished");
  EXPECT_EQ(batch->getValue<int>("done"), 195);
  EXPECT_EQ(batch->getValue<int>("failed"), 5);
  ASSERT_EQ(batch->getValue<std::string>("mail_room"), "built");
  std::set<std::string> places;
  const auto errors = batch->getArray("errors");
  for (std::size_t index = 0; index < errors->size(); ++index) {
    const auto error = errors->getObject(static_cast<unsigned>(index));
    places.insert(error->getValue<std::string>("place"));
    if (error->getValue<std::string>("place") != "mail.zip: readme.txt") {
      EXPECT_GT(error->getValue<int>("line"), 0) << error->getValue<std::string>("place");
    }
    EXPECT_FALSE(error->getValue<std::string>("message").empty());
  }
  std::set<std::string> expectedPlaces;
  for (const auto& [name, why] : broken) expectedPlaces.insert("mail.zip: " + name);
  EXPECT_EQ(places, expectedPlaces);

  // The letters' own PDFs, from the batch's ZIP.
  const auto pdfs = client.get("/api/v1/batches/" + id + "/pdfs.zip");
  ASSERT_EQ(pdfs.status, 200);
  const auto unzipped = folder / "pdfs";
  std::filesystem::create_directories(unzipped);
  std::istringstream zipped(pdfs.body);
  Poco::Zip::Decompress(zipped, Poco::Path(unzipped.string() + "/")).decompressAllFiles();
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(unzipped), std::filesystem::directory_iterator()), 3 * 195);  // fr, nl, fr-nl

  std::vector<const GeneratedLetter*> good;
  for (const auto& letter : letters) {
    if (!wrongIds.contains(letter.id)) good.push_back(&letter);
  }
  ASSERT_EQ(good.size(), 195u);
  std::sort(good.begin(), good.end(), [](const GeneratedLetter* a, const GeneratedLetter* b) {
    return std::tie(a->postalCode, a->reference) < std::tie(b->postalCode, b->reference);
  });
  for (const std::string lang : {"fr", "nl"}) {
    const auto mailRoom = client.get("/api/v1/batches/" + id + "/mail-room." + lang + ".pdf");
    ASSERT_EQ(mailRoom.status, 200) << mailRoom.body;
    const auto file = folder / ("mail-room." + lang + ".pdf");
    std::ofstream(file, std::ios::binary) << mailRoom.body;
    const auto pages = pagesText(file);
    int expectedPages = 2;  // the cover and its blank back
    int page = 3;
    for (const auto* letter : good) {
      const int own = pageCount(unzipped / (letter->id + "." + lang + ".pdf"));
      ASSERT_GT(own, 0) << letter->id;
      ASSERT_EQ(page % 2, 1);
      ASSERT_LE(page, static_cast<int>(pages.size()));
      // The letter is where postal-code order puts it, on an odd page.
      EXPECT_NE(pages[static_cast<std::size_t>(page - 1)].find(letter->reference), std::string::npos)
          << lang << ": page " << page << " should open " << letter->reference << " (postal code " << letter->postalCode << ")";
      const int padded = own + own % 2;
      expectedPages += padded;
      page += padded;
    }
    EXPECT_EQ(pageCount(file), expectedPages) << lang;
    EXPECT_NE(pages.at(0).find("195"), std::string::npos) << pages.at(0);
  }
  server.stop();
  std::filesystem::remove_all(folder);
}
