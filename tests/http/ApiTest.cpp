// API v1 against one real `paraph serve` (real SQLite, real Chromium) shared by the suite.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <regex>
#include <thread>

#include "http/ApiClient.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"
#include "xml/Sha256.h"
#include "support/Command.h"
#include "support/Fixtures.h"

using namespace paraph::testing;
using paraph::xml::sha256Hex;

namespace {

// Documents, jobs by state and stored files: what a request must not change when refused.
struct StoreSnapshot {
  std::int64_t documents = 0;
  std::string jobMetrics;
  std::size_t files = 0;
  bool operator==(const StoreSnapshot&) const = default;
};

class ServerApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<ServerProcess>(testFolder("api"));
    server_->start();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->stop(), 0) << server_->log();
    server_.reset();
    std::filesystem::remove_all(testFolder("api"));
  }

  ApiClient submitter() const { return ApiClient(server_->port(), kSubmitterToken); }
  ApiClient translator() const { return ApiClient(server_->port(), kTranslatorToken); }
  ApiClient admin() const { return ApiClient(server_->port(), kAdminToken); }
  ApiClient anonymous() const { return ApiClient(server_->port()); }

  // Submits and waits; returns the finished job.
  Poco::JSON::Object::Ptr submitAndWait(const std::string& xml) const {
    const auto answer = submitter().post("/api/v1/documents", xml);
    EXPECT_TRUE(answer.status == 202 || answer.status == 200) << answer.status << " " << answer.body;
    if (answer.status != 202 && answer.status != 200) return nullptr;
    const auto job = submitter().waitForJob(answer.json()->getValue<std::int64_t>("job"));
    EXPECT_EQ(job->getValue<std::string>("state"), "done") << server_->log();
    return job;
  }

  StoreSnapshot snapshot() const {
    StoreSnapshot result;
    result.documents = submitter().get("/api/v1/documents").json()->getValue<std::int64_t>("total");
    std::istringstream metrics(admin().get("/metrics").body);
    for (std::string line; std::getline(metrics, line);) {
      if (line.starts_with("paraph_jobs{")) result.jobMetrics += line + "\n";
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(server_->dataDir() / "files")) {
      if (entry.is_regular_file()) ++result.files;
    }
    return result;
  }

  static std::unique_ptr<ServerProcess> server_;
};

std::unique_ptr<ServerProcess> ServerApi::server_;

}  // namespace

TEST_F(ServerApi, HealthzIsOpenAndSaysTheEngineIsReady) {
  const auto answer = anonymous().get("/healthz");
  ASSERT_EQ(answer.status, 200);
  EXPECT_EQ(answer.json()->getValue<std::string>("status"), "ok");
  EXPECT_TRUE(answer.json()->getValue<bool>("ready"));
  EXPECT_EQ(answer.json()->getValue<std::string>("engine"), "chromium");
}

TEST_F(ServerApi, ARequestWithoutAValidTokenGets401) {
  for (const auto& client : {anonymous(), ApiClient(server_->port(), "not-a-token")}) {
    for (const std::string path : {"/api/v1/documents", "/api/v1/jobs/1", "/metrics", "/api/v1/openapi.json"}) {
      const auto answer = client.get(path);
      EXPECT_EQ(answer.status, 401) << path;
      EXPECT_EQ(answer.header("WWW-Authenticate"), "Bearer realm=\"paraph\"");
      EXPECT_FALSE(answer.json()->getValue<std::string>("error").empty());
    }
    EXPECT_EQ(client.post("/api/v1/documents", firstLetter()).status, 401);
  }
  EXPECT_EQ(anonymous().get("/api/v1/documents", {{"Authorization", "Basic dGVzdDp0ZXN0"}}).status, 401);
}

TEST_F(ServerApi, ARequestWithTheWrongRoleGets403AndStoresNothing) {
  const auto before = snapshot();
  const auto refused = translator().post("/api/v1/documents", withDocumentId(firstLetter(), "ROLE-1"));
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.json()->getValue<std::string>("error").find("submitter"), std::string::npos);
  EXPECT_EQ(submitter().get("/metrics").status, 403);
  EXPECT_EQ(translator().get("/api/v1/documents").status, 200);
  EXPECT_EQ(admin().get("/metrics").status, 200);
  EXPECT_EQ(snapshot(), before);
}

TEST_F(ServerApi, ServesItsOpenApiDescription) {
  const auto answer = translator().get("/api/v1/openapi.json");
  ASSERT_EQ(answer.status, 200);
  EXPECT_EQ(answer.header("Content-Type"), "application/json");
  const auto openapi = answer.json();
  EXPECT_TRUE(openapi->getValue<std::string>("openapi").starts_with("3."));
  EXPECT_TRUE(openapi->getObject("paths")->has("/api/v1/documents"));
  EXPECT_TRUE(openapi->getObject("paths")->has("/api/v1/jobs/{job}/retry"));
}

TEST_F(ServerApi, EveryFixtureLetterBecomesAVersionWithHtmlAndPdfInBothLanguages) {
  const auto letters = fixtureLetters();
  ASSERT_FALSE(letters.empty());
  std::vector<std::pair<std::string, std::int64_t>> jobs;  // input, job
  for (const auto& letter : letters) {
    const std::string xml = readFile(letter);
    const auto answer = submitter().post("/api/v1/documents", xml);
    ASSERT_EQ(answer.status, 202) << letter << "\n" << answer.body;
    EXPECT_EQ(answer.header("Location"), answer.json()->getValue<std::string>("status_url"));
    EXPECT_EQ(answer.json()->getValue<std::string>("document"), documentIdOf(xml));
    jobs.emplace_back(xml, answer.json()->getValue<std::int64_t>("job"));
  }
  for (const auto& [xml, jobId] : jobs) {
    const auto job = submitter().waitForJob(jobId);
    ASSERT_EQ(job->getValue<std::string>("state"), "done") << xml << "\n" << server_->log();
    for (const std::string stage : {"validate", "render_fr", "render_nl", "print_fr", "print_nl", "store", "total"}) {
      EXPECT_TRUE(job->getObject("timings")->has(stage + "_ms")) << stage;
    }
    const auto manifestAnswer = translator().get(job->getValue<std::string>("version_url"));
    ASSERT_EQ(manifestAnswer.status, 200);
    const auto manifest = manifestAnswer.json();
    EXPECT_EQ(manifest->getValue<std::string>("engine"), "chromium");
    EXPECT_EQ(manifest->getValue<std::string>("submitted_by"), "submitter");
    EXPECT_FALSE(manifest->getValue<std::string>("pipeline_version").empty());
    const auto reference = manifest->getValue<std::string>("reference");

    const auto input = manifest->getObject("input");
    EXPECT_EQ(input->getValue<std::string>("sha256"), sha256Hex(xml));
    const auto inputFile = translator().get(input->getValue<std::string>("path"));
    EXPECT_EQ(inputFile.body, xml);
    EXPECT_EQ(inputFile.header("Content-Type"), "application/xml");

    const auto outputs = manifest->getArray("outputs");
    ASSERT_EQ(outputs->size(), 6u);
    std::set<std::string> names;
    for (std::size_t index = 0; index < outputs->size(); ++index) {
      const auto output = outputs->getObject(static_cast<unsigned>(index));
      const auto name = output->getValue<std::string>("name");
      names.insert(name);
      const auto file = translator().get(output->getValue<std::string>("path"));
      ASSERT_EQ(file.status, 200) << name;
      EXPECT_EQ(file.header("Content-Type"), output->getValue<std::string>("media_type"));
      EXPECT_EQ(static_cast<std::int64_t>(file.body.size()), output->getValue<std::int64_t>("size"));
      EXPECT_EQ(sha256Hex(file.body), output->getValue<std::string>("sha256")) << name;
      EXPECT_EQ(file.header("ETag"), "\"" + output->getValue<std::string>("sha256") + "\"");
      EXPECT_EQ(file.header("Cache-Control"), "public, max-age=31536000, immutable");
      const bool sideBySide = name.starts_with("fr-nl.");
      const bool french = name.starts_with("fr.");
      if (name.ends_with(".pdf")) {
        EXPECT_TRUE(file.body.starts_with("%PDF-")) << name;
        EXPECT_EQ(output->getValue<std::string>("media_type"), "application/pdf");
        const std::string text = pdfText(file.body);
        EXPECT_NE(text.find(reference), std::string::npos) << name;
        // One language each, or both side by side for review and archive.
        const bool hasFrench = text.find("Notre référence") != std::string::npos;
        const bool hasDutch = text.find("Ons kenmerk") != std::string::npos;
        EXPECT_EQ(hasFrench, sideBySide || french) << name << "\n" << text;
        EXPECT_EQ(hasDutch, sideBySide || !french) << name << "\n" << text;
      } else {
        EXPECT_TRUE(output->getValue<std::string>("media_type").starts_with("text/html"));
        EXPECT_NE(file.body.find(french || sideBySide ? "lang=\"fr-BE\"" : "lang=\"nl-BE\""), std::string::npos) << name;
        if (sideBySide) {
          EXPECT_NE(file.body.find("lang=\"nl-BE\""), std::string::npos) << name;
        }
      }
    }
    EXPECT_EQ(names, (std::set<std::string>{"fr.html", "nl.html", "fr-nl.html", "fr.pdf", "nl.pdf", "fr-nl.pdf"}));
  }
}

TEST_F(ServerApi, EveryFixtureOfTheOtherDocumentTypesBecomesAVersionToo) {
  std::vector<std::pair<std::filesystem::path, std::int64_t>> jobs;
  std::vector<std::filesystem::path> amendments;
  auto submitAll = [&](const std::vector<std::filesystem::path>& files) {
    for (const auto& file : files) {
      const auto answer = submitter().post("/api/v1/documents", readFile(file));
      ASSERT_EQ(answer.status, 202) << file << "\n" << answer.body;
      jobs.emplace_back(file, answer.json()->getValue<std::int64_t>("job"));
      if (const auto consolidated = answer.json()->getObject("consolidated")) {
        ASSERT_TRUE(consolidated->has("job")) << answer.body;
        jobs.emplace_back(file.string() + " (the convention consolidated)", consolidated->getValue<std::int64_t>("job"));
      }
    }
  };
  for (const auto& folder : std::filesystem::directory_iterator(kHome / "fixtures")) {
    const std::string type = folder.path().filename().string();
    // Folders that are not a document type: batches hold many documents (docs/batch.md).
    if (!folder.is_directory() || type == "letter" || type == "invalid" || type == "hostile" || type == "batch") continue;
    if (type == "amendment") {
      amendments = filesIn(folder.path(), ".xml");
    } else {
      submitAll(filesIn(folder.path(), ".xml"));
    }
  }
  // Each amendment amends a convention fixture, which must have become a version first.
  for (const auto& [file, jobId] : jobs) submitter().waitForJob(jobId);
  ASSERT_FALSE(amendments.empty());
  submitAll(amendments);
  for (const auto& [file, jobId] : jobs) {
    const auto job = submitter().waitForJob(jobId);
    ASSERT_EQ(job->getValue<std::string>("state"), "done") << file << "\n" << job->getValue<std::string>("error");
    const auto manifest = translator().get(job->getValue<std::string>("version_url")).json();
    const auto outputs = manifest->getArray("outputs");
    ASSERT_EQ(outputs->size(), 6u) << file;
    std::map<std::string, std::string> pdfTexts;
    for (std::size_t index = 0; index < outputs->size(); ++index) {
      const auto output = outputs->getObject(static_cast<unsigned>(index));
      const auto name = output->getValue<std::string>("name");
      const auto body = translator().get(output->getValue<std::string>("path")).body;
      EXPECT_EQ(sha256Hex(body), output->getValue<std::string>("sha256")) << file << " " << name;
      if (name.ends_with(".pdf")) {
        EXPECT_TRUE(body.starts_with("%PDF-")) << file << " " << name;
        pdfTexts[name] = pdfText(body);
      }
    }
    EXPECT_NE(pdfTexts["fr.pdf"], pdfTexts["nl.pdf"]) << file;  // two languages, not one twice
  }
}

TEST_F(ServerApi, AUniqueValueUsedByAnotherDocumentGets400NamingIt) {
  const auto circulars = filesIn(kHome / "fixtures" / "circular", ".xml");
  ASSERT_FALSE(circulars.empty());
  const std::string circular =
      std::regex_replace(readFile(circulars.front()), std::regex("<number>20[0-9][0-9]/[0-9]+</number>"),
                         "<number>2026/901</number>", std::regex_constants::format_first_only);
  // Let the first circular's job finish: a snapshot taken while it runs would change anyway.
  ASSERT_TRUE(submitAndWait(withDocumentId(circular, "UNIQUE-A")));
  const auto before = snapshot();
  const auto refused = submitter().post("/api/v1/documents", withDocumentId(circular, "UNIQUE-B"));
  ASSERT_EQ(refused.status, 400) << refused.body;
  const auto error = refused.json()->getArray("errors")->getObject(0);
  EXPECT_NE(error->getValue<std::string>("message").find("UNIQUE-A"), std::string::npos) << refused.body;
  EXPECT_GT(error->getValue<int>("line"), 0);
  EXPECT_EQ(snapshot(), before);
}

TEST_F(ServerApi, VersionedFilesAnswerAConditionalGetWith304) {
  const auto job = submitAndWait(withDocumentId(firstLetter(), "ETAG-1"));
  ASSERT_TRUE(job);
  const std::string url = job->getValue<std::string>("version_url") + "/fr.pdf";
  const auto first = translator().get(url);
  ASSERT_EQ(first.status, 200);
  const auto again = translator().get(url, {{"If-None-Match", first.header("ETag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("ETag"), first.header("ETag"));
  const auto latest = translator().get("/api/v1/documents/ETAG-1/versions/latest/fr.pdf");
  EXPECT_EQ(latest.body, first.body);
  EXPECT_EQ(latest.header("Cache-Control"), "no-cache");  // latest moves; it is revalidated
}

TEST_F(ServerApi, AnIdenticalResubmissionGivesTheSameVersion) {
  const std::string xml = withDocumentId(firstLetter(), "SAME-1");
  const auto first = submitAndWait(xml);
  ASSERT_TRUE(first);
  const auto again = submitter().post("/api/v1/documents", xml);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()->getValue<int>("version"), first->getValue<int>("version"));
  // Different spelling, same canonical XML: quote style and the XML declaration.
  std::string respelled = std::regex_replace(xml, std::regex(R"(<\?xml[^>]*\?>)"), "");
  respelled = std::regex_replace(respelled, std::regex(R"re(outcome="([a-z-]+)")re"), "outcome='$1'");
  ASSERT_NE(respelled, xml);
  const auto respelledAnswer = submitter().post("/api/v1/documents", respelled);
  ASSERT_EQ(respelledAnswer.status, 200) << respelledAnswer.body;
  EXPECT_EQ(respelledAnswer.json()->getValue<int>("version"), 1);
  const auto job = submitter().waitForJob(respelledAnswer.json()->getValue<std::int64_t>("job"));
  EXPECT_EQ(job->getValue<std::string>("state"), "done");
  EXPECT_EQ(job->getValue<int>("version"), 1);
  EXPECT_EQ(translator().get("/api/v1/documents/SAME-1").json()->getArray("versions")->size(), 1u);
}

TEST_F(ServerApi, AChangedInputMakesANewVersionAndLeavesTheOldOneByteForByte) {
  const std::string xml = withDocumentId(firstLetter(), "CHANGE-1");
  ASSERT_TRUE(submitAndWait(xml));
  const std::string v1 = "/api/v1/documents/CHANGE-1/versions/1";
  const auto manifestBefore = translator().get(v1).body;
  std::map<std::string, std::string> filesBefore;
  for (const std::string name : {"input.xml", "fr.html", "nl.html", "fr.pdf", "nl.pdf"}) {
    filesBefore[name] = translator().get(v1 + "/" + name).body;
  }
  const std::string changed = std::regex_replace(xml, std::regex("<phone>[^<]*</phone>"), "<phone>+32 2 739 77 77</phone>");
  ASSERT_NE(changed, xml);
  const auto job = submitAndWait(changed);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->getValue<int>("version"), 2);
  EXPECT_EQ(translator().get(v1).body, manifestBefore);
  for (const auto& [name, bytes] : filesBefore) EXPECT_EQ(translator().get(v1 + "/" + name).body, bytes) << name;
  const auto v2 = translator().get("/api/v1/documents/CHANGE-1/versions/2");
  EXPECT_EQ(v2.json()->getObject("input")->getValue<std::string>("sha256"), sha256Hex(changed));
  EXPECT_NE(translator().get("/api/v1/documents/CHANGE-1/versions/2/fr.html").body, filesBefore["fr.html"]);
  const auto document = translator().get("/api/v1/documents/CHANGE-1").json();
  EXPECT_EQ(document->getValue<int>("latest_version"), 2);
  EXPECT_EQ(document->getArray("versions")->size(), 2u);
  EXPECT_EQ(translator().get("/api/v1/documents/CHANGE-1/versions/latest").json()->getValue<int>("version"), 2);
}

TEST_F(ServerApi, EveryInvalidFixtureGets400WithTheExpectedErrorAndChangesNothing) {
  const auto files = filesIn(kHome / "fixtures" / "invalid", ".xml");
  ASSERT_FALSE(files.empty());
  const auto before = snapshot();
  for (const auto& file : files) {
    // A document whose only fault is a missing translation is a draft to the server (the
    // next test); `paraph validate` refuses it.
    if (file.filename().string().find("missing-translation") != std::string::npos) continue;
    auto expectedFile = file;
    expectedFile.replace_extension(".expected");
    const std::string expected = trimmed(readFile(expectedFile));
    const auto answer = submitter().post("/api/v1/documents", readFile(file));
    ASSERT_EQ(answer.status, 400) << file << "\n" << answer.body;
    const auto errors = answer.json()->getArray("errors");
    ASSERT_TRUE(errors && errors->size() > 0) << answer.body;
    bool found = false;
    for (std::size_t index = 0; index < errors->size(); ++index) {
      const auto error = errors->getObject(static_cast<unsigned>(index));
      EXPECT_GT(error->getValue<int>("line"), 0) << file << " " << answer.body;
      EXPECT_TRUE(error->has("column") && error->has("path") && error->has("message"));
      if (error->getValue<std::string>("message").find(expected) != std::string::npos) found = true;
    }
    EXPECT_TRUE(found) << file << ": expected '" << expected << "' in\n" << answer.body;
  }
  EXPECT_EQ(snapshot(), before);
}

// Staff read the refusal in their language: Accept-Language picks French or Dutch; a client
// that names neither (or asks for en) keeps the English (docs/validation-messages.md).
TEST_F(ServerApi, AnInvalidDocumentIsToldInTheLanguageOfAcceptLanguage) {
  const std::string input = readFile(kHome / "fixtures" / "invalid" / "refusal-without-motivation.xml");
  const auto messageFor = [&](const std::map<std::string, std::string>& headers) {
    const auto answer = submitter().post("/api/v1/documents", input, "application/xml", headers);
    EXPECT_EQ(answer.status, 400) << answer.body;
    const auto errors = answer.json()->getArray("errors");
    EXPECT_TRUE(errors && errors->size() > 0) << answer.body;
    const auto error = errors->getObject(0);
    EXPECT_EQ(error->getValue<std::string>("key"), "rule.letter.motivation-required") << answer.body;
    EXPECT_GT(error->getValue<int>("line"), 0);
    return error->getValue<std::string>("message");
  };
  EXPECT_THAT(messageFor({{"Accept-Language", "nl-BE,nl;q=0.9,fr;q=0.8"}}),
              ::testing::StartsWith("Motivering verplicht: een weigering of een gedeeltelijke toekenning"));
  EXPECT_THAT(messageFor({{"Accept-Language", "fr-BE"}}),
              ::testing::StartsWith("Motivation obligatoire : un refus ou un octroi partiel"));
  EXPECT_THAT(messageFor({{"Accept-Language", "en"}}), ::testing::StartsWith("Motivation required: a refusal"));
  EXPECT_THAT(messageFor({}), ::testing::StartsWith("Motivation required: a refusal"));
}

TEST_F(ServerApi, EveryFixtureMissingOnlyATranslationIsAcceptedAsADraftNamingTheMissingSegments) {
  std::size_t drafts = 0;
  for (const auto& file : filesIn(kHome / "fixtures" / "invalid", ".xml")) {
    if (file.filename().string().find("missing-translation") == std::string::npos) continue;
    const std::string id = "DRAFT-" + std::to_string(++drafts);
    const auto answer = submitter().post("/api/v1/documents", withDocumentId(readFile(file), id));
    ASSERT_EQ(answer.status, 202) << file << "\n" << answer.body;
    const auto json = answer.json();
    EXPECT_TRUE(json->optValue<bool>("draft", false)) << file << "\n" << answer.body;
    const auto missing = json->getArray("missing_translations");
    ASSERT_TRUE(missing) << file << "\n" << answer.body;
    EXPECT_GT(missing->size(), 0u) << file;
  }
  EXPECT_GE(drafts, 10u);  // every document type, from either source language
}

TEST_F(ServerApi, AnOversizedBodyGets413AndTheWrongContentTypeGets415) {
  const auto before = snapshot();
  std::string huge = firstLetter();
  huge.insert(huge.rfind("</letter>"), std::string(3 * 1024 * 1024, ' '));
  const auto tooLarge = submitter().post("/api/v1/documents", huge);
  EXPECT_EQ(tooLarge.status, 413);
  EXPECT_NE(tooLarge.json()->getValue<std::string>("error").find("max_request_bytes"), std::string::npos);
  const auto wrongType = submitter().post("/api/v1/documents", firstLetter(), "application/json");
  EXPECT_EQ(wrongType.status, 415);
  EXPECT_EQ(snapshot(), before);
  const auto textXml = submitter().post("/api/v1/documents", withDocumentId(firstLetter(), "TEXT-XML-1"),
                                        "text/xml; charset=utf-8");
  EXPECT_EQ(textXml.status, 202) << textXml.body;
}

TEST_F(ServerApi, TwentyClientsSubmittingAtOnceAllGetTheirVersion) {
  const auto before = snapshot();
  constexpr int kClients = 20;
  std::vector<std::int64_t> jobs(kClients, 0);
  std::vector<int> statuses(kClients, 0);
  {
    std::vector<std::thread> clients;
    const std::string letter = firstLetter();
    for (int index = 0; index < kClients; ++index) {
      clients.emplace_back([&, index] {
        const auto answer = submitter().post("/api/v1/documents", withDocumentId(letter, "MANY-" + std::to_string(index)));
        statuses[index] = answer.status;
        if (answer.status == 202) jobs[index] = answer.json()->getValue<std::int64_t>("job");
      });
    }
    for (auto& client : clients) client.join();
  }
  std::set<std::int64_t> distinct;
  for (int index = 0; index < kClients; ++index) {
    ASSERT_EQ(statuses[index], 202) << index;
    distinct.insert(jobs[index]);
    const auto job = submitter().waitForJob(jobs[index]);
    EXPECT_EQ(job->getValue<std::string>("state"), "done");
    EXPECT_EQ(job->getValue<int>("version"), 1);
    EXPECT_EQ(job->getValue<std::string>("document"), "MANY-" + std::to_string(index));
  }
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kClients));
  EXPECT_EQ(snapshot().documents, before.documents + kClients);
  const auto page = translator().get("/api/v1/documents?type=letter&per_page=200").json();
  int many = 0;
  const auto documents = page->getArray("documents");
  for (std::size_t index = 0; index < documents->size(); ++index) {
    if (documents->getObject(static_cast<unsigned>(index))->getValue<std::string>("id").starts_with("MANY-")) ++many;
  }
  EXPECT_EQ(many, kClients);
}

TEST_F(ServerApi, UnknownThingsGet404AndRetryingAJobThatDidNotFailGets409) {
  EXPECT_EQ(translator().get("/api/v1/documents/NO-SUCH-DOCUMENT").status, 404);
  EXPECT_EQ(translator().get("/api/v1/jobs/999999").status, 404);
  EXPECT_EQ(translator().get("/api/v1/jobs/abc").status, 404);
  EXPECT_EQ(translator().get("/api/v1/nothing-here").status, 404);
  EXPECT_EQ(translator().get("/api/v1/documents?page=0").status, 400);
  const auto job = submitAndWait(withDocumentId(firstLetter(), "RETRY-DONE"));
  ASSERT_TRUE(job);
  EXPECT_EQ(submitter().post("/api/v1/jobs/" + std::to_string(job->getValue<std::int64_t>("job")) + "/retry", "", "")
                .status,
            409);
  EXPECT_EQ(translator().get(job->getValue<std::string>("version_url") + "/de.pdf").status, 404);
}

TEST_F(ServerApi, MetricsCountJobsStagesAndResponses) {
  ASSERT_TRUE(submitAndWait(withDocumentId(firstLetter(), "METRICS-1")));
  const auto answer = admin().get("/metrics");
  ASSERT_EQ(answer.status, 200);
  EXPECT_TRUE(answer.header("Content-Type").starts_with("text/plain; version=0.0.4"));
  for (const std::string line : {"paraph_jobs{state=\"done\"}", "paraph_queue_depth ",
                                 "paraph_engine_restarts_total{engine=\"chromium\"}",
                                 "paraph_stage_duration_seconds_bucket{stage=\"print\",type=\"letter\",engine=\"chromium\",le=",
                                 "paraph_http_responses_total{status=\"200\"}"}) {
    EXPECT_NE(answer.body.find(line), std::string::npos) << line;
  }
}

TEST_F(ServerApi, EveryLogLineIsJsonAndRequestsCarryTheirId) {
  const auto answer = translator().get("/api/v1/documents", {{"X-Request-Id", "trace-me-42"}});
  EXPECT_EQ(answer.header("X-Request-Id"), "trace-me-42");
  const std::string log = server_->log();
  EXPECT_NE(log.find("\"request_id\":\"trace-me-42\""), std::string::npos);
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    EXPECT_NO_THROW(Poco::JSON::Parser().parse(line)) << line;
  }
}

TEST_F(ServerApi, ACommentThatIsNotUtf8TextIsRefusedAndChangesNothing) {
  const std::string xml = withDocumentId(firstLetter(), "RP-COMMENT-BYTES");
  const auto job = submitAndWait(xml);
  ASSERT_NE(job, nullptr);
  const ApiClient reviewer(server_->port(), kReviewerToken);
  const std::string path = "/api/v1/documents/RP-COMMENT-BYTES/versions/1/";
  const auto before = reviewer.get(path + "review").json()->getValue<std::string>("state");
  for (const std::string& body : {std::string("{\"comment\": \"bad \xff\xfe bytes\"}"),
                                 std::string("{\"comment\": \"cut\\u0000here\"}")}) {
    // Raw bytes are refused by the JSON parser already; a NUL written \u0000 by the check
    // every comment goes through (the review page's forms too).
    const auto answer = reviewer.post(path + "approve", body, "application/json");
    EXPECT_EQ(answer.status, 400) << answer.body;
  }
  EXPECT_NE(reviewer.post(path + "approve", "{\"comment\": \"cut\\u0000here\"}", "application/json").body.find("UTF-8"),
            std::string::npos);
  const auto after = reviewer.get(path + "review");
  EXPECT_EQ(after.json()->getValue<std::string>("state"), before);
  EXPECT_EQ(after.json()->getArray("history")->size(), 1u) << after.body;
}

TEST_F(ServerApi, AnUploadedPdfIsCheckedAndFoundStoredOnlyWhenItIsTheStoredFileByteForByte) {
  const auto job = submitAndWait(withDocumentId(firstLetter(), "RP-VERIFY-UPLOAD"));
  ASSERT_NE(job, nullptr);
  const auto pdf = translator().get("/api/v1/documents/RP-VERIFY-UPLOAD/versions/1/fr.pdf").body;
  ASSERT_TRUE(pdf.starts_with("%PDF"));
  const auto stored = translator().post("/api/v1/verifications", pdf, "application/pdf");
  ASSERT_EQ(stored.status, 200) << stored.body;
  EXPECT_TRUE(stored.json()->getValue<bool>("stored"));
  EXPECT_EQ(stored.json()->getValue<std::string>("sha256"), sha256Hex(pdf));
  // The test server has no seal: stored, but unsigned, so not a valid signed letter.
  EXPECT_FALSE(stored.json()->getValue<bool>("valid"));
  std::string changed = pdf;
  changed[changed.size() / 2] = static_cast<char>(changed[changed.size() / 2] ^ 0x01);
  const auto tampered = translator().post("/api/v1/verifications", changed, "application/pdf");
  ASSERT_EQ(tampered.status, 200) << tampered.body;
  EXPECT_FALSE(tampered.json()->getValue<bool>("stored"));
  // Refused before the body is read (small bodies: the server closes after answering).
  EXPECT_EQ(translator().post("/api/v1/verifications", "%PDF-1.7", "application/xml").status, 415);
  EXPECT_EQ(anonymous().post("/api/v1/verifications", "%PDF-1.7", "application/pdf").status, 401);
}
