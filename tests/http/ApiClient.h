// A small HTTP client for the tests: one request, one answer, over real TCP.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

namespace paraph::testing {

struct Answer {
  int status = 0;
  std::map<std::string, std::string> headers;  // names as sent
  std::vector<std::string> setCookies;         // every Set-Cookie, in order
  std::string body;

  std::string header(const std::string& name) const;
  Poco::JSON::Object::Ptr json() const;
};

class ApiClient {
 public:
  explicit ApiClient(std::uint16_t port, std::string token = {}) : port_(port), token_(std::move(token)) {}

  Answer get(const std::string& path, const std::map<std::string, std::string>& headers = {}) const;
  Answer post(const std::string& path, const std::string& body, const std::string& contentType = "application/xml",
              const std::map<std::string, std::string>& headers = {}) const;
  Answer request(const std::string& method, const std::string& path, const std::string& body,
                 const std::map<std::string, std::string>& headers) const;

  // /healthz answers and says ready.
  bool isReady() const;
  // Polls the job until done or failed (bounded, to keep a broken server from hanging the run);
  // returns the last job JSON.
  Poco::JSON::Object::Ptr waitForJob(std::int64_t job) const;
  std::uint16_t port() const { return port_; }

 private:
  std::uint16_t port_;
  std::string token_;
};

}  // namespace paraph::testing
