// What the batch tests share: sending a batch, waiting for it, reading its report.
#pragma once

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "http/ApiClient.h"

namespace paraph::testing {

inline Answer postBatch(const ApiClient& client, const std::string& bytes, const std::string& fileName,
                        std::map<std::string, std::string> headers = {}) {
  headers["Content-Disposition"] = "attachment; filename=\"" + fileName + "\"";
  const bool zip = fileName.ends_with(".zip");
  return client.post("/api/v1/batches", bytes, zip ? "application/zip" : "application/xml", headers);
}

// Polls the batch until `done` says so (bounded: a broken server must not hang the run).
template <typename Done>
Poco::JSON::Object::Ptr waitForBatch(const ApiClient& client, const std::string& id, Done done,
                                     std::chrono::seconds bound = std::chrono::seconds(900)) {
  const auto deadline = std::chrono::steady_clock::now() + bound;
  for (;;) {
    const auto answer = client.get("/api/v1/batches/" + id);
    if (answer.status != 200) throw std::runtime_error("GET batch " + id + ": " + answer.body);
    auto json = answer.json();
    if (done(*json) || std::chrono::steady_clock::now() > deadline) return json;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

inline bool batchFinished(const Poco::JSON::Object& batch) { return batch.getValue<std::string>("state") == "finished"; }
inline bool mailRoomSettled(const Poco::JSON::Object& batch) {
  const auto state = batch.getValue<std::string>("mail_room");
  return batchFinished(batch) && state != "pending";
}

// The lines of a CSV without quoted line breaks (the tests' messages have none).
inline std::vector<std::vector<std::string>> csvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted) {
        if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          field += c;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.push_back(field);
        field.clear();
      } else {
        field += c;
      }
    }
    fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

}  // namespace paraph::testing
