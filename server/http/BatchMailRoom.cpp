#include "http/BatchMailRoom.h"

#include <Poco/JSON/Object.h>

#include "document/MailRoom.h"
#include "l10n/Lang.h"
#include "publication/Embargo.h"

namespace paraph::http {
namespace {

// How often the store is asked for batches whose letters are all done: a mail-room file is
// ready at most this long after its last letter.
constexpr std::chrono::milliseconds kLookEvery{1000};
// A batch whose file cannot be made this many times in a row (a letter's PDF unreadable)
// is recorded as failed; an engine that is down only delays it.
constexpr int kAttempts = 3;

}  // namespace

BatchMailRoom::BatchMailRoom(const document::DocumentService& service, store::Store& store, JsonLog& log)
    : service_(service), store_(store), log_(log) {}

BatchMailRoom::~BatchMailRoom() { stop(); }

void BatchMailRoom::start() {
  thread_ = std::thread([this] { run(); });
}

void BatchMailRoom::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeUp_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BatchMailRoom::run() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (wakeUp_.wait_for(lock, kLookEvery, [this] { return stopping_; })) return;
    }
    std::vector<std::string> waiting;
    try {
      waiting = store_.batchesAwaitingMailRoom();
    } catch (const std::exception& error) {
      Poco::JSON::Object fields;
      fields.set("error", error.what());
      log_.warning("mail_room_store_unavailable", fields);
      continue;
    }
    for (const auto& id : waiting) {
      {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
      }
      build(id);
    }
  }
}

void BatchMailRoom::build(const std::string& batchId) {
  Poco::JSON::Object fields(Poco::JSON_PRESERVE_KEY_ORDER);
  fields.set("batch", batchId);
  try {
    // The letters' own stored PDFs, per language edition; one language's file at a time in memory.
    std::vector<store::FileRecord> made;
    for (const auto lang : {l10n::Lang::fr, l10n::Lang::nl}) {
      const std::string edition(l10n::code(lang));
      std::vector<document::MailRoomLetter> letters;
      for (const auto& record : store_.batchRecords(batchId)) {
        if (record.postalCode.empty() || record.jobState != store::JobState::done) continue;
        const auto version = store_.version(record.documentId, record.version);
        if (!version) continue;
        for (const auto& file : version->files) {
          if (file.name == edition + ".pdf") {
            letters.push_back({record.postalCode, record.reference, store_.files().read(file.sha256)});
          }
        }
      }
      if (letters.empty()) continue;
      const auto count = letters.size();
      const auto nowSeconds =
          std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
      const std::string today = publication::brusselsWallClock(nowSeconds).substr(0, 10);
      const auto file = document::MailRoom(service_).assemble(batchId, lang, std::move(letters), today);
      made.push_back({"mail-room." + edition + ".pdf", "application/pdf", static_cast<std::int64_t>(file.pdf.size()),
                      store_.files().put(file.pdf)});
      fields.set("letters_" + edition, count);
      fields.set("pages_" + edition, file.pageCount);
    }
    store_.finishMailRoom(batchId, made, made.empty() ? "no letter of the batch was done" : "");
    attempts_.erase(batchId);
    log_.info("mail_room_made", fields);
  } catch (const std::exception& error) {
    fields.set("error", error.what());
    const int failures = ++attempts_[batchId];
    fields.set("attempt", failures);
    const bool engineDown = dynamic_cast<const print::PrintError*>(&error) != nullptr &&
                            static_cast<const print::PrintError&>(error).kind() != print::PrintError::Kind::Failed;
    if (failures >= kAttempts && !engineDown) {
      try {
        store_.finishMailRoom(batchId, {}, error.what());
      } catch (const std::exception&) {
        // The store cannot write now: tried again next round.
      }
      log_.error("mail_room_failed", fields);
    } else {
      log_.warning("mail_room_retried", fields);
    }
  }
}

}  // namespace paraph::http
