// Print benchmark: PDFs per second and latency, in one run, for
//  (a) paraph's warm Chromium pool (one browser, tabs kept open, concurrency = pool size),
//      at each concurrency asked for (1, 2 and 4 by default),
//  (p) Playwright (playwright-core) driving the same Chromium with paraph's flags, same
//      HTML, same settings, as many pages as the concurrency, run right after (a) at the
//      same concurrency (tools/bench_src/playwright-peer.js): what a common client gets;
//  (b) wkhtmltopdf started once per document (what the wkhtmltopdf engine does),
//  (c) cold Chromium started once per document with --print-to-pdf, the naive integration;
// and the peak PSS of each browser's process tree. Ratios, never verdicts.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "Bench.h"
#include "pipeline/Pipeline.h"
#include "print/ArchiveStep.h"
#include "print/ChildProcess.h"
#include "print/ChromiumBrowser.h"
#include "print/ChromiumEngine.h"
#include "print/TempDirectory.h"
#include "print/WkhtmltopdfEngine.h"

namespace paraph::bench {
namespace {

using Clock = std::chrono::steady_clock;

std::string readFile(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

struct RunResult {
  std::string label;
  std::size_t documents = 0;
  std::size_t failures = 0;
  double wallSeconds = 0;
  std::vector<double> latenciesMs;

  double perSecond() const { return wallSeconds > 0 ? static_cast<double>(documents - failures) / wallSeconds : 0; }
  double percentileMs(double fraction) const {
    if (latenciesMs.empty()) return 0;
    std::vector<double> sorted = latenciesMs;
    std::sort(sorted.begin(), sorted.end());
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(index, sorted.size() - 1)];
  }
};

// Runs `documents` jobs over `threads` threads; each job returns normally or throws.
template <typename Job>
RunResult runParallel(const std::string& label, unsigned threads, std::size_t documents, Job job) {
  RunResult result;
  result.label = label;
  result.documents = documents;
  std::mutex mutex;
  std::atomic<std::size_t> next{0};
  const auto start = Clock::now();
  std::vector<std::thread> workers;
  for (unsigned worker = 0; worker < threads; ++worker) {
    workers.emplace_back([&] {
      for (std::size_t index = next++; index < documents; index = next++) {
        const auto begin = Clock::now();
        bool ok = true;
        try {
          job(index);
        } catch (const std::exception& error) {
          ok = false;
          std::lock_guard lock(mutex);
          std::cerr << "  " << label << " document " << index << ": " << error.what() << '\n';
        }
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - begin).count();
        std::lock_guard lock(mutex);
        if (ok) result.latenciesMs.push_back(ms);
        else ++result.failures;
      }
    });
  }
  for (auto& worker : workers) worker.join();
  result.wallSeconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

// Memory of a process and all its descendants, from /proc: RSS summed (what `ps` shows;
// counts pages shared between Chromium's processes several times) and PSS summed (shares
// them out; closer to what the machine really spends).
struct TreeMemory {
  double rssMb = 0;
  double pssMb = 0;
};

TreeMemory memoryOfTree(pid_t root) {
  std::map<pid_t, std::vector<pid_t>> children;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    const auto afterName = line.rfind(')');  // the command name may contain spaces
    if (afterName == std::string::npos) continue;
    std::istringstream fields(line.substr(afterName + 2));
    char state;
    pid_t parent = 0;
    fields >> state >> parent;
    children[parent].push_back(static_cast<pid_t>(std::stol(name)));
  }
  TreeMemory memory;
  std::vector<pid_t> pending{root};
  while (!pending.empty()) {
    const pid_t pid = pending.back();
    pending.pop_back();
    for (pid_t child : children[pid]) pending.push_back(child);
    std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
    std::string key;
    double kilobytes = 0;
    std::string unit;
    std::string line;
    while (std::getline(rollup, line)) {
      std::istringstream words(line);
      if (!(words >> key >> kilobytes >> unit)) continue;
      if (key == "Rss:") memory.rssMb += kilobytes / 1024;
      if (key == "Pss:") memory.pssMb += kilobytes / 1024;
    }
  }
  return memory;
}

// Samples the warm pool's memory every 100 ms while a run is going on.
class PeakMemorySampler {
 public:
  explicit PeakMemorySampler(const print::ChromiumEngine& engine)
      : thread_([this, &engine] {
          while (!stop_) {
            const pid_t browser = engine.browserPid();
            if (browser > 0) {
              const TreeMemory now = memoryOfTree(browser);
              std::lock_guard lock(mutex_);
              peak_.rssMb = std::max(peak_.rssMb, now.rssMb);
              peak_.pssMb = std::max(peak_.pssMb, now.pssMb);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
          }
        }) {}
  ~PeakMemorySampler() {
    stop_ = true;
    thread_.join();
  }
  TreeMemory peak() {
    std::lock_guard lock(mutex_);
    return peak_;
  }

 private:
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  TreeMemory peak_;
  std::thread thread_;  // last: starts after the members it uses exist
};

// The naive integration: a fresh browser per document, reading the file from disk.
void printWithColdChromium(const std::string& chromiumPath, const std::filesystem::path& html) {
  const print::TempDirectory work("paraph-bench-cold-");
  const std::string output = work.path() + "/out.pdf";
  print::ChildProcess chromium(chromiumPath,
                               {"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                "--disable-extensions", "--user-data-dir=" + work.path() + "/profile",
                                "--no-pdf-header-footer", "--print-to-pdf=" + output,
                                "file://" + std::filesystem::absolute(html).string()},
                               {"HOME=" + work.path()}, print::ChildProcess::Streams{});
  const auto outcome = chromium.communicate("", print::deadlineIn(std::chrono::seconds(120)));
  if (outcome.timedOut) throw std::runtime_error("cold Chromium took longer than 120 s");
  if (!std::filesystem::exists(output) || std::filesystem::file_size(output) == 0) {
    throw std::runtime_error("cold Chromium wrote no PDF (exit code " + std::to_string(outcome.exitCode) + ")");
  }
}

struct PeerOptions {
  std::string node = "node";
  std::string script;  // empty: no Playwright peer
};

// Runs the Playwright peer at one concurrency; its JSON line becomes a RunResult.
RunResult runPlaywright(const PeerOptions& peer, const std::string& chromiumPath, unsigned concurrency,
                        std::size_t rounds, const std::vector<std::filesystem::path>& files, double& pssMb) {
  std::vector<std::string> arguments{peer.script, "--chromium", chromiumPath, "--concurrency",
                                     std::to_string(concurrency), "--n", std::to_string(rounds)};
  for (const auto& flag : print::ChromiumBrowser::arguments("unused")) {
    arguments.push_back("--flag");
    arguments.push_back(flag);
  }
  for (const auto& file : files) arguments.push_back(std::filesystem::absolute(file).string());
  print::ChildProcess node(peer.node, arguments, {}, print::ChildProcess::Streams{false, true, true});
  const auto outcome = node.communicate("", print::deadlineIn(std::chrono::minutes(10)));
  RunResult result;
  result.label = "playwright, " + std::to_string(concurrency) + (concurrency == 1 ? " page" : " pages");
  result.documents = rounds;
  if (!outcome.exited || outcome.exitCode != 0) {
    std::cerr << "  " << result.label << ": the peer failed:\n" << outcome.err << '\n';
    result.failures = rounds;
    return result;
  }
  if (!outcome.err.empty()) std::cerr << outcome.err;
  Poco::JSON::Parser parser;
  const auto answer = parser.parse(outcome.out).extract<Poco::JSON::Object::Ptr>();
  result.failures = answer->getValue<std::size_t>("failures");
  result.wallSeconds = answer->getValue<double>("wallSeconds");
  const auto latencies = answer->getArray("latenciesMs");
  for (std::size_t index = 0; index < latencies->size(); ++index) result.latenciesMs.push_back(latencies->getElement<double>(static_cast<unsigned>(index)));
  pssMb = answer->getValue<double>("pssMb");
  return result;
}

void printRow(const RunResult& run) {
  std::cout << "  " << std::left << std::setw(34) << run.label << std::right << std::setw(6) << run.documents
            << std::setw(8) << run.failures << std::setw(10) << std::fixed << std::setprecision(2) << run.perSecond()
            << std::setw(12) << std::setprecision(0) << run.percentileMs(0.5) << std::setw(10) << run.percentileMs(0.95)
            << '\n';
}

double ratio(double numerator, double denominator) { return denominator > 0 ? numerator / denominator : 0; }

// The 1-minute load average: numbers taken on a busy machine say so.
std::string loadAverage() {
  std::ifstream stream("/proc/loadavg");
  std::string oneMinute;
  stream >> oneMinute;
  return oneMinute.empty() ? "unknown" : oneMinute;
}

}  // namespace

int benchPrint(const std::vector<std::string>& args) {
  std::size_t rounds = 40;
  std::size_t coldRounds = 0;  // 0: decided below
  std::vector<unsigned> concurrencies;
  bool trace = false;
  std::string sealFile, sealPasswordFile, sourceFile;  // the archive step's cost
  PeerOptions peer;
  std::vector<std::filesystem::path> files;
  for (std::size_t index = 0; index < args.size(); ++index) {
    if (args[index] == "--n" && index + 1 < args.size()) rounds = std::stoul(args[++index]);
    else if (args[index] == "--cold-n" && index + 1 < args.size()) coldRounds = std::stoul(args[++index]);
    else if (args[index] == "--concurrency" && index + 1 < args.size()) {
      std::istringstream list(args[++index]);
      std::string item;
      while (std::getline(list, item, ',')) concurrencies.push_back(static_cast<unsigned>(std::stoul(item)));
    } else if (args[index] == "--playwright" && index + 1 < args.size()) peer.script = args[++index];
    else if (args[index] == "--node" && index + 1 < args.size()) peer.node = args[++index];
    else if (args[index] == "--trace") trace = true;
    else if (args[index] == "--seal" && index + 1 < args.size()) sealFile = args[++index];
    else if (args[index] == "--seal-password-file" && index + 1 < args.size()) sealPasswordFile = args[++index];
    else if (args[index] == "--source" && index + 1 < args.size()) sourceFile = args[++index];
    else files.emplace_back(args[index]);
  }
  if (files.empty()) {
    std::cerr << "usage: paraph_bench print [--n N] [--cold-n M] [--concurrency C[,C...]] [--playwright PEER.js] "
                 "[--node NODE] [--trace] [--source INPUT.xml [--seal SEAL.p12 --seal-password-file F]] FILE.html...\n";
    return 2;
  }
  if (concurrencies.empty()) concurrencies = {1, 2, 4};
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  // A cold browser costs seconds per document: a handful measures it well enough.
  if (coldRounds == 0) coldRounds = std::min<std::size_t>(rounds, 8);
  std::vector<std::string> documents;
  for (const auto& file : files) documents.push_back(readFile(file));
  auto documentFor = [&](std::size_t index) -> const std::string& { return documents[index % documents.size()]; };

  print::EngineConfig config;
  config.timeout = std::chrono::seconds(120);
  config.restartAfter = 0;  // no planned restart inside a measurement
  config.trace = trace;
  print::PrintSettings settings;
  settings.title = "paraph print benchmark";
  settings.author = "INAMI – RIZIV";
  settings.language = "fr-BE";

  std::cout << "paraph print benchmark: " << files.size() << " file(s), " << rounds << " documents per run, "
            << coldRounds << " for cold Chromium" << (coldRounds < rounds ? " (fewer: each starts a browser)" : "")
            << ", " << cores << " cores, load average " << loadAverage() << "\n";

  struct PoolRun {
    unsigned concurrency = 0;
    RunResult paraph, playwright;
    double startSeconds = 0;
    TreeMemory peak;
    double playwrightPssMb = 0;
  };
  std::vector<PoolRun> pools;
  std::string samplePdf;  // one printed PDF, for the archive step's cost
  for (const unsigned concurrency : concurrencies) {
    PoolRun pool;
    pool.concurrency = concurrency;
    config.poolSize = concurrency;
    {
      const auto startBegin = Clock::now();
      print::ChromiumEngine warm(config);
      pool.startSeconds = std::chrono::duration<double>(Clock::now() - startBegin).count();
      // One document per tab first, so the measurement sees warm tabs (fonts, caches).
      runParallel("warm-up", concurrency, concurrency, [&](std::size_t index) { warm.print(documentFor(index), settings); });
      PeakMemorySampler sampler(warm);
      pool.paraph = runParallel("paraph, warm pool of " + std::to_string(concurrency), concurrency, rounds,
                                [&](std::size_t index) { warm.print(documentFor(index), settings); });
      pool.peak = sampler.peak();
      if (samplePdf.empty()) samplePdf = warm.print(documentFor(0), settings);
    }
    if (!peer.script.empty()) {
      pool.playwright = runPlaywright(peer, config.chromiumPath, concurrency, rounds, files, pool.playwrightPssMb);
    }
    pools.push_back(std::move(pool));
  }
  config.poolSize = cores;
  print::WkhtmltopdfEngine wkhtmltopdf(config);
  const RunResult wkRun = runParallel("wkhtmltopdf, process per document", cores, rounds,
                                      [&](std::size_t index) { wkhtmltopdf.print(documentFor(index), settings); });
  const RunResult coldRun = runParallel("chromium, cold per document", cores, coldRounds, [&](std::size_t index) {
    printWithColdChromium(config.chromiumPath, files[index % files.size()]);
  });

  std::cout << "\n  " << std::left << std::setw(34) << "engine" << std::right << std::setw(6) << "docs" << std::setw(8)
            << "failed" << std::setw(10) << "PDF/s" << std::setw(12) << "median ms" << std::setw(10) << "p95 ms" << '\n';
  std::size_t failures = wkRun.failures + coldRun.failures;
  const PoolRun* atCores = &pools.front();
  for (const auto& pool : pools) {
    printRow(pool.paraph);
    if (!peer.script.empty()) printRow(pool.playwright);
    failures += pool.paraph.failures + pool.playwright.failures;
    if (pool.concurrency == cores) atCores = &pool;
  }
  printRow(wkRun);
  printRow(coldRun);
  std::cout << '\n';
  for (const auto& pool : pools) {
    std::cout << std::fixed << std::setprecision(2) << "  concurrency " << pool.concurrency << ": paraph/Playwright "
              << (peer.script.empty() ? std::string("(no peer)") : [&] {
                   std::ostringstream text;
                   text << std::fixed << std::setprecision(2) << ratio(pool.paraph.perSecond(), pool.playwright.perSecond())
                        << "x the throughput, " << ratio(pool.playwright.percentileMs(0.5), pool.paraph.percentileMs(0.5))
                        << "x its median latency (>1: paraph faster)";
                   return text.str();
                 }())
              << std::setprecision(0) << "; peak PSS paraph " << pool.peak.pssMb << " MB (RSS summed "
              << pool.peak.rssMb << " MB)";
    if (!peer.script.empty()) std::cout << ", Playwright " << pool.playwrightPssMb << " MB";
    std::cout << std::setprecision(1) << "; pool start " << pool.startSeconds << " s\n";
  }
  std::cout << std::setprecision(2) << "  warm pool of " << atCores->concurrency << " vs wkhtmltopdf ("
            << cores << " at once): " << ratio(atCores->paraph.perSecond(), wkRun.perSecond())
            << "x the throughput\n  warm pool of " << atCores->concurrency << " vs cold Chromium (" << cores
            << " at once): " << ratio(atCores->paraph.perSecond(), coldRun.perSecond()) << "x the throughput, "
            << ratio(coldRun.percentileMs(0.5), atCores->paraph.percentileMs(0.5)) << "x lower median latency\n"
            << "  (PSS: smaps_rollup of every process in the browser's tree, peak of samples every 100 ms;\n"
               "   cold Chromium loads the file from disk and prints with its defaults: no request blocking, no "
               "metadata step;\n   wkhtmltopdf and paraph include the qpdf metadata step, Playwright does not)\n"
            << "  load average at the end: " << loadAverage() << "\n";
  if (!sourceFile.empty() && !samplePdf.empty()) {
    // What every stored PDF costs after printing (print::ArchiveStep), one thread.
    const pipeline::Pipeline pipeline(pipeline::Home::locate());
    print::ArchiveInput input;
    input.title = settings.title;
    input.languages = {l10n::Lang::fr};
    input.sourceXml = readFile(sourceFile);
    input.sourceFileName = "input.xml";
    auto costMs = [&](const print::ArchiveStep& step, bool sign) {
      input.sign = sign;
      constexpr int kRounds = 20;
      const auto start = Clock::now();
      for (int round = 0; round < kRounds; ++round) step.archive(samplePdf, input);
      return std::chrono::duration<double, std::milli>(Clock::now() - start).count() / kRounds;
    };
    print::ArchiveConfig archiveConfig;
    const print::ArchiveStep unsignedStep(archiveConfig, pipeline.texts());
    std::cout << std::setprecision(1) << "  archive step per PDF, next to printing (median "
              << atCores->paraph.percentileMs(0.5) << " ms at " << atCores->concurrency << " tabs): PDF/A-3u with the source "
              << "attached " << costMs(unsignedStep, false) << " ms";
    if (!sealFile.empty()) {
      archiveConfig.sealFile = sealFile;
      archiveConfig.sealPasswordFile = sealPasswordFile;
      const print::ArchiveStep signingStep(archiveConfig, pipeline.texts());
      std::cout << ", with the PAdES B-B signature " << costMs(signingStep, true) << " ms";
    }
    std::cout << " (" << samplePdf.size() / 1024 << " KB printed)\n";
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace paraph::bench
