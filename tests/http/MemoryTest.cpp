// Memory returned after a large job: the server's resident memory falls back once a large
// document is done, instead of staying at the job's peak (issue 13: 45 MB → 1 GB, and stayed).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "http/ApiClient.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"

using namespace paraph::testing;

namespace {

// A field of /proc/PID/status in kB (VmRSS: resident now, VmHWM: the peak so far).
long statusKb(pid_t pid, const std::string& field) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  }
  return -1;
}

// The budget press release with `count` more paragraphs in its body (its schema takes 100
// blocks), each of 60 sentences per language: ~5.7 kB a paragraph, ~540 kB for 94, the size
// of the documents that held the workers in issue 13.
std::string pressReleaseWithParagraphs(int count) {
  const std::string release = readFile(kHome / "fixtures/press-release/psr-budget-2026-fr.xml");
  const auto bodyStart = release.find("<body>") + std::string("<body>").size();
  std::string french, dutch;
  for (int sentence = 0; sentence < 60; ++sentence) {
    french += " Phrase " + std::to_string(sentence) + " du budget des centres de référence.";
    dutch += " Zin " + std::to_string(sentence) + " van de begroting van de referentiecentra.";
  }
  std::string paragraphs;
  for (int number = 1; number <= count; ++number) {
    const auto n = std::to_string(number);
    paragraphs += "\n<p><fr>Paragraphe " + n + "." + french + "</fr><nl>Alinea " + n + "." + dutch + "</nl></p>";
  }
  return release.substr(0, bodyStart) + paragraphs + release.substr(bodyStart);
}

}  // namespace

TEST(ServerMemory, ResidentMemoryFallsBackAfterLargeDocuments) {
  const auto folder = testFolder("memory");
  // Two workers printing two large documents at once: each worker thread allocates in its
  // own malloc arena, and glibc keeps what is freed there unless the worker trims it (with
  // one worker, freed memory at the heap's top goes back by itself and the test shows
  // nothing). Generous print limits so that the documents print on a loaded machine.
  ServerProcess server(folder, "queue.workers = 2\nprint.pool_size = 2\nprint.timeout_ms = 240000\n"
                               "queue.job_timeout_ms = 600000\n");
  server.start();
  ApiClient client(server.port(), kSubmitterToken);
  const auto warm = client.post("/api/v1/documents", withDocumentId(firstLetter(), "MEMORY-WARM"));
  ASSERT_EQ(warm.status, 202) << warm.body;
  ASSERT_EQ(client.waitForJob(warm.json()->getValue<std::int64_t>("job"))->getValue<std::string>("state"), "done");
  const long before = statusKb(server.pid(), "VmRSS");
  ASSERT_GT(before, 0);

  std::vector<std::int64_t> jobs;
  for (const char* id : {"MEMORY-LARGE-1", "MEMORY-LARGE-2"}) {
    const auto submitted = client.post("/api/v1/documents", withDocumentId(pressReleaseWithParagraphs(94), id));
    ASSERT_EQ(submitted.status, 202) << submitted.body.substr(0, 2000);
    jobs.push_back(submitted.json()->getValue<std::int64_t>("job"));
  }
  for (const auto job : jobs) {
    const auto finished = client.waitForJob(job);
    ASSERT_EQ(finished->getValue<std::string>("state"), "done") << finished->optValue<std::string>("error", "")
                                                                << server.log();
  }
  std::this_thread::sleep_for(std::chrono::seconds(1));  // each worker trims once its job is recorded

  const long peak = statusKb(server.pid(), "VmHWM");
  const long after = statusKb(server.pid(), "VmRSS");
  const long used = peak - before;
  // The jobs must really have needed memory, or the test shows nothing.
  ASSERT_GT(used, 16 * 1024) << "peak " << peak << " kB, before " << before << " kB";
  // At least three quarters of what the jobs took is given back (glibc keeps the rest in its arenas
  // for the next job; that part is bounded by the trim).
  std::cout << "memory: before " << before << " kB, peak " << peak << " kB, after " << after << " kB\n";
  EXPECT_LT(after - before, used / 4) << "before " << before << " kB, peak " << peak << " kB, after " << after
                                      << " kB";
  EXPECT_EQ(server.stop(), 0);
  std::filesystem::remove_all(folder);
}
