#pragma once

#include <mutex>
#include <ostream>
#include <string>

#include <Poco/JSON/Object.h>

namespace paraph::http {

// One JSON object per line: {"ts":…, "level":…, "event":…, …fields}. Requests and the jobs
// they submit carry the same request_id, so one grep follows a document through the server.
class JsonLog {
 public:
  explicit JsonLog(std::ostream& out) : out_(out) {}

  void info(const std::string& event, Poco::JSON::Object fields = Poco::JSON::Object()) {
    write("info", event, std::move(fields));
  }
  void warning(const std::string& event, Poco::JSON::Object fields = Poco::JSON::Object()) {
    write("warning", event, std::move(fields));
  }
  void error(const std::string& event, Poco::JSON::Object fields = Poco::JSON::Object()) {
    write("error", event, std::move(fields));
  }
  void write(const std::string& level, const std::string& event, Poco::JSON::Object fields);

 private:
  std::mutex mutex_;
  std::ostream& out_;
};

}  // namespace paraph::http
