#include "cli/BatchRender.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "document/AtomicFile.h"
#include "document/MailRoom.h"
#include "publication/Embargo.h"

namespace paraph::cli {
namespace {

using Clock = std::chrono::steady_clock;

enum class RecordState { waiting, rendered, invalid, failed };

const char* toString(RecordState state) {
  switch (state) {
    case RecordState::waiting: return "waiting";
    case RecordState::rendered: return "rendered";
    case RecordState::invalid: return "invalid";
    case RecordState::failed: return "failed";
  }
  return "failed";
}

struct RecordOutcome {
  RecordState state = RecordState::waiting;
  std::string documentId;
  std::string documentType;
  std::vector<xml::Diagnostic> problems;  // placed in the batch's file
  std::string error;                      // a failure that is not the input's
  std::vector<std::string> written;
  std::optional<std::string> postalCode;
  std::string reference;
  std::map<std::string, std::string> pdfByEdition;  // posted letters only, kept for the mail room
};

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

// What the terminal shows: a bar redrawn in place on a terminal, a plain line now and then
// otherwise (a log, a pipe).
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), terminal_(isatty(STDOUT_FILENO) == 1), start_(Clock::now()) {}

  void update(std::size_t done, std::size_t failed, bool final = false) {
    const auto now = Clock::now();
    if (!final && now - lastShown_ < (terminal_ ? std::chrono::milliseconds(200) : std::chrono::seconds(5))) return;
    lastShown_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    const std::size_t finished = done + failed;
    const double left = rate > 0 ? static_cast<double>(total_ - finished) / rate : 0;
    std::ostringstream line;
    line << finished << '/' << total_ << "  " << failed << " invalid or failed  " << std::fixed << std::setprecision(1)
         << rate << " documents/s  " << static_cast<long>(left + 0.5) << " s left";
    if (terminal_) {
      constexpr std::size_t kWidth = 30;
      const std::size_t filled = total_ == 0 ? kWidth : kWidth * finished / total_;
      std::cout << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] " << line.str()
                << (final ? "\n" : "") << std::flush;
    } else {
      std::cout << "paraph: batch: " << line.str() << '\n' << std::flush;
    }
  }

 private:
  std::size_t total_;
  bool terminal_;
  Clock::time_point start_;
  Clock::time_point lastShown_{};
};

}  // namespace

int renderBatch(const std::string& batchFile, const std::string& bytes, const document::BatchReader& reader,
                const document::DocumentService& service, const BatchRenderOptions& options) {
  const document::Batch batch = reader.read(bytes, batchFile);
  std::vector<RecordOutcome> outcomes(batch.records.size());
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> rendered{0};
  std::atomic<std::size_t> refused{0};
  std::mutex progressMutex;
  Progress progress(batch.records.size());

  auto renderOne = [&](const document::BatchRecord& record, RecordOutcome& outcome) {
    if (!record.unreadable.empty()) {
      outcome.state = RecordState::invalid;
      outcome.problems = {xml::Diagnostic{record.sourceName, 0, 0, "", record.unreadable, "batch", {}, {}}};
      return;
    }
    outcome.documentId = record.declaredId;
    outcome.documentType = record.declaredRoot;
    document::AcceptedInput accepted;
    try {
      accepted = service.accept(record.bytes, record.sourceName);
    } catch (const xml::InvalidInput& invalid) {
      outcome.state = RecordState::invalid;
      outcome.problems = record.placed(invalid.diagnostics());
      return;
    }
    outcome.documentId = accepted.document.id;
    outcome.documentType = accepted.document.type->name;
    outcome.reference = accepted.document.reference;
    outcome.postalCode = document::MailRoom::postalCodeOf(accepted);
    try {
      for (auto& output : service.render(accepted, options.request).files) {
        const auto path = options.outFolder / (accepted.document.id + "." + output.name);
        document::writeFileAtomically(path, output.bytes);
        outcome.written.push_back(path.string());
        if (outcome.postalCode && output.mediaType == "application/pdf") {
          outcome.pdfByEdition[output.name.substr(0, output.name.rfind('.'))] = std::move(output.bytes);
        }
      }
      outcome.state = RecordState::rendered;
    } catch (const std::exception& error) {
      outcome.state = RecordState::failed;
      outcome.error = error.what();
    }
  };

  auto work = [&] {
    for (std::size_t index = next++; index < batch.records.size(); index = next++) {
      renderOne(batch.records[index], outcomes[index]);
      (outcomes[index].state == RecordState::rendered ? rendered : refused)++;
      const std::lock_guard lock(progressMutex);
      progress.update(rendered, refused);
    }
  };
  std::vector<std::thread> workers;
  const unsigned threads = std::max(1u, std::min<unsigned>(options.concurrency, static_cast<unsigned>(batch.records.size())));
  for (unsigned i = 0; i < threads; ++i) workers.emplace_back(work);
  for (auto& worker : workers) worker.join();
  progress.update(rendered, refused, true);

  // The mail room's files: one per language edition that was printed, posted letters only.
  std::map<std::string, std::vector<document::MailRoomLetter>> posted;
  for (auto& outcome : outcomes) {
    for (auto& [edition, pdf] : outcome.pdfByEdition) {
      if (edition == "fr" || edition == "nl") {
        posted[edition].push_back(document::MailRoomLetter{*outcome.postalCode, outcome.reference, std::move(pdf)});
      }
    }
  }
  if (!posted.empty()) {
    const document::MailRoom mailRoom(service);
    const auto nowSeconds = std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::system_clock::now().time_since_epoch()).count();
    const std::string today = publication::brusselsWallClock(nowSeconds).substr(0, 10);  // YYYY-MM-DD
    for (auto& [edition, letters] : posted) {
      const auto lang = l10n::parseLang(edition);
      const auto file = mailRoom.assemble(batch.id, *lang, std::move(letters), today);
      const auto path = options.outFolder / (batch.id + ".mail-room." + edition + ".pdf");
      document::writeFileAtomically(path, file.pdf);
      std::cout << path.string() << " (" << file.pageCount << " pages)\n";
    }
  }

  std::ostringstream report;
  report << "position,place,document,type,state,file,line,column,message\n";
  bool allRendered = true;
  for (std::size_t index = 0; index < outcomes.size(); ++index) {
    const auto& record = batch.records[index];
    const auto& outcome = outcomes[index];
    const std::string lead = std::to_string(record.position) + ',' + csvField(record.place) + ',' +
                             csvField(outcome.documentId) + ',' + csvField(outcome.documentType) + ',' +
                             toString(outcome.state) + ',';
    if (outcome.state == RecordState::rendered) {
      report << lead << ",,,\n";
      continue;
    }
    allRendered = false;
    if (outcome.problems.empty()) report << lead << ",,," << csvField(outcome.error) << '\n';
    for (auto problem : outcome.problems) {
      problem.message = options.told(problem);
      report << lead << csvField(problem.file) << ',' << problem.line << ',' << problem.column << ','
             << csvField(problem.message) << '\n';
      std::cerr << problem.toLine() << '\n';
    }
    if (!outcome.error.empty()) std::cerr << record.place << ": " << outcome.error << '\n';
  }
  const auto reportPath = options.outFolder / (batch.id + ".report.csv");
  document::writeFileAtomically(reportPath, report.str());
  std::cout << reportPath.string() << '\n';
  return allRendered ? 0 : 1;
}

}  // namespace paraph::cli
