// A full disk (a small tmpfs as the data folder): submissions are refused with 507 and
// nothing stored, /healthz is not ready, no job stays running without a worker, and
// service resumes by itself once space returns.
#include <gtest/gtest.h>

#include <sys/mount.h>
#include <sys/statvfs.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "http/ApiClient.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"

using namespace paraph::testing;

namespace {

using namespace std::chrono_literals;

std::uint64_t freeBytes(const std::filesystem::path& folder) {
  struct statvfs stats {};
  if (::statvfs(folder.c_str(), &stats) != 0) return 0;
  return static_cast<std::uint64_t>(stats.f_bavail) * stats.f_frsize;
}

// Fills the file system of `folder` until at most `leave` bytes are free.
void fillLeaving(const std::filesystem::path& file, std::uint64_t leave) {
  std::ofstream out(file, std::ios::binary | std::ios::app);
  const std::string chunk(64 * 1024, 'x');
  while (out && freeBytes(file.parent_path()) > leave + chunk.size()) {
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    out.flush();
  }
  const std::string small(4096, 'x');
  while (out && freeBytes(file.parent_path()) > leave + small.size()) {
    out.write(small.data(), static_cast<std::streamsize>(small.size()));
    out.flush();
  }
}

bool readyWithin(const ApiClient& client, bool wanted, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    const auto health = client.get("/healthz");
    if (health.status == 200 && health.json()->getValue<bool>("ready") == wanted) return true;
    std::this_thread::sleep_for(200ms);
  }
  return false;
}

std::string runningJobs(const ApiClient& admin) {
  std::istringstream metrics(admin.get("/metrics").body);
  for (std::string line; std::getline(metrics, line);) {
    if (line.starts_with("paraph_jobs{state=\"running\"}")) return line.substr(line.rfind(' ') + 1);
  }
  return "?";
}

class MountedTmpfs {
 public:
  MountedTmpfs(const std::filesystem::path& at, const std::string& size) : at_(at) {
    std::filesystem::create_directories(at);
    mounted_ = ::mount("tmpfs", at.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
  }
  ~MountedTmpfs() {
    if (mounted_) ::umount2(at_.c_str(), MNT_DETACH);
  }
  MountedTmpfs(const MountedTmpfs&) = delete;
  MountedTmpfs& operator=(const MountedTmpfs&) = delete;
  bool mounted() const { return mounted_; }

 private:
  std::filesystem::path at_;
  bool mounted_ = false;
};

}  // namespace

TEST(DiskFull, SubmissionsGet507HealthIsNotReadyNoJobIsStuckAndServiceResumesWithSpace) {
  const auto folder = testFolder("disk-full");
  MountedTmpfs data(folder / "data", "48m");
  if (!data.mounted()) GTEST_SKIP() << "mounting a tmpfs needs root (CAP_SYS_ADMIN)";
  ServerProcess server(folder);
  server.start();
  const ApiClient submitter(server.port(), kSubmitterToken);
  const ApiClient admin(server.port(), kAdminToken);
  const auto letters = fixtureLetters();
  const auto first = submitter.post("/api/v1/documents", readFile(letters.at(0)));
  ASSERT_EQ(first.status, 202) << first.body;
  ASSERT_EQ(submitter.waitForJob(first.json()->getValue<std::int64_t>("job"))->getValue<std::string>("state"), "done");

  // Full: a submission is refused, nothing stored, and the server says it is not ready.
  const auto filler = folder / "data" / "filler";
  fillLeaving(filler, 0);
  const auto refused = submitter.post("/api/v1/documents", readFile(letters.at(1)));
  EXPECT_EQ(refused.status, 507) << refused.body;
  EXPECT_FALSE(refused.header("Retry-After").empty());
  EXPECT_TRUE(readyWithin(submitter, false, 5s)) << submitter.get("/healthz").body;
  EXPECT_EQ(submitter.get("/api/v1/documents/" + documentIdOf(readFile(letters.at(1)))).status, 404);

  // Almost full: room for a submission's input and its job, not for its outputs. The job
  // must not fail for good, nor stay running without a worker.
  std::filesystem::remove(filler);
  fillLeaving(filler, 96 * 1024);
  const auto waiting = submitter.post("/api/v1/documents", readFile(letters.at(2)));
  std::int64_t waitingJob = 0;
  if (waiting.status == 202) {
    waitingJob = waiting.json()->getValue<std::int64_t>("job");
    std::this_thread::sleep_for(6s);
    const auto job = submitter.get("/api/v1/jobs/" + std::to_string(waitingJob)).json();
    EXPECT_NE(job->getValue<std::string>("state"), "failed") << job->getValue<std::string>("error");
  } else {
    EXPECT_EQ(waiting.status, 507) << waiting.body;
  }

  // Space returns: ready again by itself, the waiting job finishes, new submissions work.
  std::filesystem::remove(filler);
  EXPECT_TRUE(readyWithin(submitter, true, 10s)) << submitter.get("/healthz").body;
  if (waitingJob != 0) {
    EXPECT_EQ(submitter.waitForJob(waitingJob)->getValue<std::string>("state"), "done") << server.log();
  }
  const auto again = submitter.post("/api/v1/documents", readFile(letters.at(1)));
  ASSERT_EQ(again.status, 202) << again.body;
  EXPECT_EQ(submitter.waitForJob(again.json()->getValue<std::int64_t>("job"))->getValue<std::string>("state"), "done");
  EXPECT_EQ(runningJobs(admin), "0");
  EXPECT_EQ(server.stop(), 0) << server.log();
  // The mount point itself stays until the tmpfs is unmounted (MountedTmpfs); what is in it goes.
  for (const auto& entry : std::filesystem::directory_iterator(folder / "data")) std::filesystem::remove_all(entry.path());
}
