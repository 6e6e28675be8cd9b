// The mail-room files of the server's batches (docs/batch.md): one thread that, whenever a
// batch with posted letters has all its jobs finished, assembles one PDF per language from
// the letters' stored PDFs (document::MailRoom: only the first page is printed) and records
// them in the store, so that they are served again without being made again. Which batches
// still wait is asked of the store, so the work resumes after a restart or a crash.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "http/JsonLog.h"
#include "document/DocumentService.h"
#include "store/Store.h"

namespace paraph::http {

class BatchMailRoom {
 public:
  BatchMailRoom(const document::DocumentService& service, store::Store& store, JsonLog& log);
  ~BatchMailRoom();
  BatchMailRoom(const BatchMailRoom&) = delete;
  BatchMailRoom& operator=(const BatchMailRoom&) = delete;

  void start();
  void stop();

 private:
  void run();
  void build(const std::string& batchId);

  const document::DocumentService& service_;
  store::Store& store_;
  JsonLog& log_;
  std::mutex mutex_;
  std::condition_variable wakeUp_;
  bool stopping_ = false;
  std::map<std::string, int> attempts_;  // failures so far, per batch, in this process
  std::thread thread_;
};

}  // namespace paraph::http
