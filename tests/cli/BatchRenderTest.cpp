// paraph render --batch: every record rendered as if alone, wrong records reported at their
// place in the batch's file, and the mail room's print file (postal-code order, each letter
// on an odd page, a first page naming the batch), with real Chromium, qpdf and poppler.
#include <gtest/gtest.h>

#include <Poco/Zip/Compress.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <unistd.h>

#include "support/Command.h"
#include "support/Fixtures.h"

using paraph::testing::filesIn;
using paraph::testing::kHome;
using paraph::testing::readFile;
using paraph::testing::runCommand;
using paraph::testing::runParaph;

namespace {

class BatchRender : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() / ("paraph-batch-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_ / "out");
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::filesystem::path write(const std::string& name, const std::string& bytes) {
    const auto path = folder_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  std::filesystem::path folder_;
};

// A fixture letter as another letter: its own id and reference, the XML declaration and the
// leading comment dropped so that it can sit inside an envelope.
std::string letterBody(const std::filesystem::path& fixture, const std::string& id, const std::string& reference) {
  std::string xml = readFile(fixture);
  xml = xml.substr(xml.find("<letter "));
  xml = std::regex_replace(xml, std::regex(R"( id="[^"]*")"), " id=\"" + id + "\"", std::regex_constants::format_first_only);
  xml = std::regex_replace(xml, std::regex("<reference>[^<]*</reference>"), "<reference>" + reference + "</reference>");
  return xml;
}

std::string postalCodeIn(const std::string& letter) {
  std::smatch match;
  std::regex_search(letter, match, std::regex("<postal-code>([0-9]+)</postal-code>"));
  return match[1];
}

int lineOf(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  return at == std::string::npos ? 0 : 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

int pageCount(const std::filesystem::path& pdf) {
  std::smatch match;
  const std::string info = runCommand("pdfinfo " + pdf.string()).output;
  return std::regex_search(info, match, std::regex(R"(Pages:\s+([0-9]+))")) ? std::stoi(match[1]) : -1;
}

}  // namespace

TEST_F(BatchRender, EveryGoodRecordIsRenderedTheBadOnesAreReportedAtTheirLineAndTheMailRoomFileIsInPostalCodeOrder) {
  const auto fixtures = filesIn(kHome / "fixtures" / "letter", ".xml");
  ASSERT_GE(fixtures.size(), 6u);
  std::map<std::string, std::string> postalCodeByReference;
  std::string envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<batch xmlns=\"https://paraph.inami.fgov.be/ns/batch/1\" id=\"council-2026-12-01\">\n";
  for (int copy = 0; copy < 2; ++copy) {
    for (std::size_t index = 0; index < fixtures.size(); ++index) {
      const std::string number = std::to_string(700 + copy * 10 + static_cast<int>(index));
      const std::string reference = "RP/2026/00" + number;
      const std::string letter = letterBody(fixtures[index], "RP-2026-00" + number, reference);
      postalCodeByReference[reference] = postalCodeIn(letter);
      envelope += letter + "\n";
      if (copy == 0 && index == 1) {
        // Record 3: an amount that is not a decimal (a schema error), on a line of its own.
        std::string broken = letterBody(fixtures[0], "RP-2026-00901", "RP/2026/00901");
        broken = std::regex_replace(broken, std::regex("<amount>[^<]*</amount>"), "<amount>two thousand</amount>");
        envelope += broken + "\n";
      }
    }
  }
  // The last record: a refusal without its motivation (a rule error).
  std::string refusal = letterBody(kHome / "fixtures" / "letter" / "refused-gent-nl.xml", "RP-2026-00902", "RP/2026/00902");
  refusal = std::regex_replace(refusal, std::regex("<motivation>[\\s\\S]*</motivation>"), "");
  envelope += refusal + "\n</batch>\n";
  const auto batch = write("council.xml", envelope);

  const auto result = runParaph("render --batch " + batch.string() + " --lang both --format pdf --out " +
                                (folder_ / "out").string());
  ASSERT_EQ(result.exitCode, 1) << result.output;  // some records invalid, the others rendered

  // The report: 12 rendered, 2 invalid, each error at the envelope's own line.
  const std::string report = readFile(folder_ / "out" / "council-2026-12-01.report.csv");
  auto lines = [&](const std::string& needle) {
    std::size_t count = 0;
    for (auto at = report.find(needle); at != std::string::npos; at = report.find(needle, at + 1)) ++count;
    return count;
  };
  EXPECT_EQ(lines(",rendered,"), 12u) << report;
  const int amountLine = lineOf(envelope, "<amount>two thousand</amount>");
  // The place names the record's position; the CSV quotes it for its comma.
  const std::string file = batch.string();
  EXPECT_NE(report.find("3,\"" + file + ", document 3\",RP-2026-00901,letter,invalid,"), std::string::npos) << report;
  EXPECT_NE(report.find(",RP-2026-00901,letter,invalid," + file + "," + std::to_string(amountLine) + ","), std::string::npos)
      << report;
  EXPECT_NE(report.find(",RP-2026-00902,letter,invalid," + file + ","), std::string::npos) << report;
  EXPECT_NE(result.output.find(file + ":" + std::to_string(amountLine) + ":"), std::string::npos) << result.output;
  EXPECT_EQ(filesIn(folder_ / "out", ".pdf").size(), 12u * 2 + 2) << result.output;

  for (const std::string lang : {"fr", "nl"}) {
    SCOPED_TRACE(lang);
    const auto mailRoom = folder_ / "out" / ("council-2026-12-01.mail-room." + lang + ".pdf");
    ASSERT_TRUE(std::filesystem::exists(mailRoom)) << result.output;
    // Pages: the first page padded to two, then every letter padded to an even count.
    int expected = 2;
    for (const auto& [reference, postalCode] : postalCodeByReference) {
      std::string id = reference;
      std::replace(id.begin(), id.end(), '/', '-');
      expected += (pageCount(folder_ / "out" / (id + "." + lang + ".pdf")) + 1) / 2 * 2;
    }
    ASSERT_EQ(pageCount(mailRoom), expected);

    // Each letter starts on an odd page (the first page its reference appears on), and the
    // letters follow ascending postal codes.
    std::vector<std::pair<int, std::string>> firstPageAndPostalCode;
    std::map<std::string, int> firstPage;
    for (int page = 1; page <= expected; ++page) {
      const std::string text = runCommand("pdftotext -enc UTF-8 -f " + std::to_string(page) + " -l " +
                                          std::to_string(page) + " " + mailRoom.string() + " -").output;
      if (page == 1) {
        EXPECT_NE(text.find("council-2026-12-01"), std::string::npos) << text;
        EXPECT_NE(text.find("RP/2026/00700"), std::string::npos) << text;  // the range of references
        EXPECT_NE(text.find("RP/2026/00715"), std::string::npos) << text;
      }
      for (const auto& [reference, postalCode] : postalCodeByReference) {
        if (page > 1 && text.find(reference) != std::string::npos && !firstPage.count(reference)) firstPage[reference] = page;
      }
    }
    ASSERT_EQ(firstPage.size(), postalCodeByReference.size());
    for (const auto& [reference, page] : firstPage) {
      EXPECT_EQ(page % 2, 1) << reference << " starts on page " << page;
      firstPageAndPostalCode.emplace_back(page, postalCodeByReference[reference]);
    }
    std::sort(firstPageAndPostalCode.begin(), firstPageAndPostalCode.end());
    EXPECT_TRUE(std::is_sorted(firstPageAndPostalCode.begin(), firstPageAndPostalCode.end(),
                               [](const auto& left, const auto& right) { return left.second < right.second; }));
  }
}

// A ZIP of XML files is a batch too: a non-XML entry is a record reported as such; a ZIP that
// inflates past batch.max_uncompressed_bytes is refused whole, naming the setting.
TEST_F(BatchRender, AZipIsABatchAndAZipThatInflatesPastTheLimitIsRefused) {
  const auto fixtures = filesIn(kHome / "fixtures" / "letter", ".xml");
  const auto zipPath = folder_ / "letters.zip";
  {
    std::ofstream zipFile(zipPath, std::ios::binary);
    Poco::Zip::Compress compress(zipFile, true);
    for (int index = 0; index < 2; ++index) {
      std::istringstream letter(readFile(fixtures.at(static_cast<std::size_t>(index))));
      compress.addFile(letter, Poco::DateTime(), "letter-" + std::to_string(index) + ".xml");
    }
    std::istringstream notes("not a document");
    compress.addFile(notes, Poco::DateTime(), "notes.txt");
    compress.close();
  }
  auto result = runParaph("render --batch " + zipPath.string() + " --out " + (folder_ / "out").string());
  EXPECT_EQ(result.exitCode, 1) << result.output;
  EXPECT_EQ(filesIn(folder_ / "out", ".html").size(), 2u * 2) << result.output;
  EXPECT_NE(result.output.find("notes.txt"), std::string::npos) << result.output;

  const auto config = write("small.properties", "batch.max_uncompressed_bytes = 4096\n");
  std::filesystem::remove_all(folder_ / "out");
  result = runParaph("render --batch " + zipPath.string() + " --config " + config.string() + " --out " +
                     (folder_ / "out").string());
  EXPECT_EQ(result.exitCode, 1) << result.output;
  EXPECT_NE(result.output.find("batch.max_uncompressed_bytes"), std::string::npos) << result.output;
  EXPECT_TRUE(filesIn(folder_ / "out", ".html").empty()) << result.output;
}
