// Render benchmark: documents per second, in-process (warm: compiled stylesheets, loaded
// catalog, cached ICU formatters) against xsltproc started once per document, in one run.
//
// xsltproc cannot call paraph's C++ extension functions, so it runs the same stylesheets
// through tools/bench_src/xsltproc-functions.xsl, which defines the p: functions in XSLT
// (EXSLT func:function: catalog look-ups with document(), numbers left unformatted). It does
// less work than ICU formatting, so the ratio printed is a conservative one.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "Bench.h"
#include "pipeline/Pipeline.h"

namespace paraph::bench {
namespace {

using Clock = std::chrono::steady_clock;

std::string readFile(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Runs `jobs` closures over `threads` threads; returns wall seconds.
template <typename Job>
double runParallel(unsigned threads, std::size_t jobs, Job job) {
  std::atomic<std::size_t> next{0};
  const auto start = Clock::now();
  std::vector<std::thread> workers;
  for (unsigned worker = 0; worker < threads; ++worker) {
    workers.emplace_back([&] {
      for (std::size_t index = next++; index < jobs; index = next++) job(index);
    });
  }
  for (auto& worker : workers) worker.join();
  return secondsSince(start);
}

int runProcess(const std::vector<std::string>& command) {
  // The child's freopen would otherwise flush a copy of our pending output.
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t child = fork();
  if (child == 0) {
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    std::vector<char*> argv;
    for (const auto& word : command) argv.push_back(const_cast<char*>(word.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

}  // namespace

int benchRender(const std::vector<std::string>& args) {
  std::size_t rounds = 200;
  std::size_t xsltprocRounds = 5;
  std::vector<std::filesystem::path> files;
  std::vector<std::filesystem::path> hostileFiles;
  bool withPeer = true;
  for (std::size_t index = 0; index < args.size(); ++index) {
    if (args[index] == "--no-peer") {
      withPeer = false;
      continue;
    }
    if (args[index] == "--n" && index + 1 < args.size()) rounds = std::stoul(args[++index]);
    else if (args[index] == "--refuse" && index + 1 < args.size()) hostileFiles.emplace_back(args[++index]);
    else if (args[index] == "--xsltproc-n" && index + 1 < args.size()) xsltprocRounds = std::stoul(args[++index]);
    else files.emplace_back(args[index]);
  }
  if (files.empty()) throw std::runtime_error("no documents given");
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  const pipeline::Pipeline pipeline(pipeline::Home::locate());

  std::vector<std::string> inputs;
  for (const auto& file : files) inputs.push_back(readFile(file));
  std::vector<pipeline::ValidatedDocument> validated;
  for (std::size_t index = 0; index < inputs.size(); ++index) {
    validated.push_back(pipeline.validate(inputs[index], files[index].string()));
  }
  const std::size_t documentLanguages = inputs.size() * 2;

  // Warm-up: fills per-thread ICU caches and pages in the stylesheets.
  runParallel(threads, documentLanguages, [&](std::size_t job) {
    (void)pipeline.renderHtml(validated[job / 2], job % 2 == 0 ? l10n::Lang::fr : l10n::Lang::nl);
  });

  // A submission is validated once and rendered in both languages: one job, two
  // document-languages.
  const std::size_t fullJobs = rounds * documentLanguages;
  const double fullSeconds = runParallel(threads, fullJobs / 2, [&](std::size_t job) {
    const std::size_t document = job % inputs.size();
    auto fresh = pipeline.validate(inputs[document], files[document].string());
    (void)pipeline.renderHtml(fresh, l10n::Lang::fr);
    (void)pipeline.renderHtml(fresh, l10n::Lang::nl);
  });
  const double transformSeconds = runParallel(threads, fullJobs, [&](std::size_t job) {
    (void)pipeline.renderHtml(validated[(job / 2) % inputs.size()], job % 2 == 0 ? l10n::Lang::fr : l10n::Lang::nl);
  });

  const double fullRate = static_cast<double>(fullJobs) / fullSeconds;
  const double transformRate = static_cast<double>(fullJobs) / transformSeconds;
  std::printf("render benchmark: %zu %s documents x 2 languages, %u threads\n", inputs.size(),
              validated.front().type->name.c_str(), threads);
  std::printf("  paraph in-process, parse+validate+enrich+transform: %9.0f document-languages/s (%zu in %.2f s)\n",
              fullRate, fullJobs, fullSeconds);
  std::printf("  paraph in-process, transform only:                  %9.0f document-languages/s\n", transformRate);
  if (!withPeer) return 0;

  // The peer: xsltproc, one process per document-language, as many at once as cores.
  const auto scratch = std::filesystem::temp_directory_path() / ("paraph-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(scratch);
  std::vector<std::string> enrichedFiles;
  for (std::size_t index = 0; index < validated.size(); ++index) {
    const auto path = scratch / ("doc" + std::to_string(index) + ".xml");
    xmlSaveFile(path.c_str(), validated[index].parsed.document.get());
    enrichedFiles.push_back(path.string());
  }
  const auto shim = pipeline.home().root / "tools" / "bench_src" / "xsltproc-functions.xsl";
  std::atomic<int> failures{0};
  const std::size_t processJobs = xsltprocRounds * documentLanguages;
  const double processSeconds = runParallel(threads, processJobs, [&](std::size_t job) {
    const std::size_t document = (job / 2) % enrichedFiles.size();
    const std::string lang = job % 2 == 0 ? "fr" : "nl";
    if (runProcess({"xsltproc", "--nonet", "--stringparam", "lang", lang, "--stringparam", "paraph-home",
                    pipeline.home().root.string(), shim.string(), enrichedFiles[document]}) != 0) {
      ++failures;
    }
  });
  std::filesystem::remove_all(scratch);

  const double processRate = static_cast<double>(processJobs) / processSeconds;
  std::printf("  xsltproc, one process per document-language:        %9.1f document-languages/s (%zu in %.2f s%s)\n",
              processRate, processJobs, processSeconds, failures > 0 ? ", SOME FAILED" : "");
  std::printf("  ratio in-process (full path) / xsltproc:             %9.1fx\n", fullRate / processRate);

  // Hostile inputs must be refused at once, whatever they try.
  for (const auto& file : hostileFiles) {
    const std::string input = readFile(file);
    constexpr int kTries = 50;
    const auto start = Clock::now();
    int refused = 0;
    for (int attempt = 0; attempt < kTries; ++attempt) {
      try {
        (void)pipeline.validate(input, file.string());
      } catch (const xml::InvalidInput&) {
        ++refused;
      }
    }
    std::printf("  refusing %-28s %8.3f ms per attempt (%d/%d refused)\n", file.filename().c_str(),
                secondsSince(start) * 1000.0 / kTries, refused, kTries);
  }
  return failures > 0 ? 1 : 0;
}

}  // namespace paraph::bench
