// Server-path benchmark without printing: what a letter costs from submission to a stored
// version, in-process — accept (parse once, validate, canonical hash), review (translation
// status and QA against the previous version), render every HTML edition, store the files
// and the version (real SQLite store in a temporary data folder, fsync included). Compared
// in the same run with the work the path did before the document service (each edition's
// languages transformed again for the side-by-side edition, the input parsed for
// validation, for its canonical hash and for review at submission and again in the job),
// replayed with today's functions. Jobs per second; ratios, never pass/fail.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "Bench.h"
#include "document/CanonicalInput.h"
#include "document/DocumentService.h"
#include "xml/Sha256.h"
#include "store/SqliteStore.h"

namespace paraph::bench {
namespace {

using Clock = std::chrono::steady_clock;
using l10n::Lang;

std::string readFile(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

// A document id of its own per round, so that every round stores a new version.
std::string withId(const std::string& xml, std::size_t round) {
  const auto at = xml.find(" id=\"");
  if (at == std::string::npos) return xml;
  return xml.substr(0, at + 5) + "bench-" + std::to_string(round) + "-" + xml.substr(at + 5);
}

void storeVersion(store::Store* store, const std::string& input, const document::AcceptedInput& accepted,
                  const std::vector<document::OutputFile>& files, std::size_t round) {
  if (store == nullptr) return;  // the compute-only figure
  store::Submission submission;
  submission.documentId = accepted.document.id;
  submission.documentType = accepted.document.type->name;
  submission.inputSha256 = store->files().put(input);
  submission.canonicalSha256 = accepted.canonicalSha256;
  submission.submittedBy = "bench";
  submission.requestId = "bench-" + std::to_string(round);
  store->submit(submission, 1u << 30);
  const auto job = store->claimNext();
  store::NewVersion made;
  made.reference = accepted.document.reference;
  made.inputSize = static_cast<std::int64_t>(input.size());
  for (const auto& file : files) {
    made.outputs.push_back({file.name, file.mediaType, static_cast<std::int64_t>(file.bytes.size()), store->files().put(file.bytes)});
  }
  store->complete(job->id, made);
}

}  // namespace

int benchServicePath(const std::vector<std::string>& args) {
  std::size_t rounds = 100;
  std::vector<std::filesystem::path> files;
  for (std::size_t index = 0; index < args.size(); ++index) {
    if (args[index] == "--n" && index + 1 < args.size()) {
      rounds = std::stoul(args[++index]);
    } else {
      files.emplace_back(args[index]);
    }
  }
  if (files.empty()) throw std::runtime_error("service: no input files");
  std::vector<std::string> inputs;
  for (const auto& file : files) inputs.push_back(readFile(file));

  const pipeline::Pipeline pipeline(pipeline::Home::locate());
  const review::QaChecker qa(pipeline.texts());
  const document::DocumentService service(pipeline, qa, nullptr, {});
  document::RenderRequest htmlOnly;
  htmlOnly.formats = {"html"};
  const auto folder = std::filesystem::temp_directory_path() / ("paraph-bench-service-" + std::to_string(::getpid()));

  auto measure = [&](const std::string& name, bool storing, auto&& path) {
    std::filesystem::remove_all(folder);
    std::optional<store::SqliteStore> store;
    if (storing) store.emplace(folder / "data", std::chrono::milliseconds(5000));
    const auto transformsBefore = pipeline.transformCount();
    const auto start = Clock::now();
    for (std::size_t round = 0; round < rounds; ++round) path(store ? &*store : nullptr, withId(inputs[round % inputs.size()], round), round);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const double rate = static_cast<double>(rounds) / seconds;
    std::printf("  %-77s %7.1f jobs/s (%zu in %.2f s, %.1f transforms per job)\n", name.c_str(), rate, rounds,
                seconds, static_cast<double>(pipeline.transformCount() - transformsBefore) / static_cast<double>(rounds));
    return rate;
  };

  std::printf("server path without printing: %zu letters, accept + review + render every HTML edition + store\n", rounds);
  auto servicePath = [&](store::Store* store, const std::string& input, std::size_t round) {
    service.accept(input, "input.xml");                        // at submission
    const auto accepted = service.accept(input, "input.xml");  // in the job
    service.review(input, {});
    storeVersion(store, input, accepted, service.render(accepted, htmlOnly).files, round);
  };
  auto formerPath = [&](store::Store* store, const std::string& input, std::size_t round) {
    // Submission: validate, then a parse of its own for the canonical hash.
    service.accept(input, "input.xml");
    xml::sha256Hex(document::canonicalForm(xml::parseUntrusted(input, "input.xml", {}).document.get()));
    // Job: validate again, review, French and Dutch, then both again for the side by side.
    const auto accepted = service.accept(input, "input.xml");
    service.review(input, {});
    const auto& document = accepted.document;
    std::vector<document::OutputFile> outputs;
    outputs.push_back({"fr.html", "text/html", pipeline.renderHtml(document, Lang::fr).html});
    outputs.push_back({"nl.html", "text/html", pipeline.renderHtml(document, Lang::nl).html});
    const auto french = pipeline.renderTree(document, Lang::fr);
    const auto dutch = pipeline.renderTree(document, Lang::nl);
    outputs.push_back({"fr-nl.html", "text/html", pipeline.renderSideBySide(document, french, dutch).html});
    storeVersion(store, input, accepted, outputs, round);
  };
  for (const bool storing : {false, true}) {
    const std::string what = storing ? " + SQLite store (fsync'ed)" : ", compute only";
    const double now = measure("document service (3 transforms)" + what, storing, servicePath);
    const double before = measure("before it, replayed (5 transforms, more parses)" + what, storing, formerPath);
    std::printf("  ratio document service / before%-46s %7.2fx\n", what.c_str(), now / before);
  }
  std::filesystem::remove_all(folder);
  return 0;
}

}  // namespace paraph::bench
