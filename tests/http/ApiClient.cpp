#include "http/ApiClient.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace paraph::testing {

std::string Answer::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (Poco::icompare(key, name) == 0) return value;
  }
  return {};
}

Poco::JSON::Object::Ptr Answer::json() const {
  Poco::JSON::Parser parser;
  return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

Answer ApiClient::get(const std::string& path, const std::map<std::string, std::string>& headers) const {
  return request("GET", path, {}, headers);
}

Answer ApiClient::post(const std::string& path, const std::string& body, const std::string& contentType,
                       const std::map<std::string, std::string>& headers) const {
  auto withType = headers;
  if (!contentType.empty()) withType["Content-Type"] = contentType;
  return request("POST", path, body, withType);
}

Answer ApiClient::request(const std::string& method, const std::string& path, const std::string& body,
                          const std::map<std::string, std::string>& headers) const {
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  session.setTimeout(Poco::Timespan(120, 0));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!token_.empty()) request.set("Authorization", "Bearer " + token_);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (method == "POST") request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  auto& stream = session.receiveResponse(response);
  Answer answer;
  answer.status = static_cast<int>(response.getStatus());
  for (const auto& [name, value] : response) {
    answer.headers[name] = value;
    if (Poco::icompare(name, "Set-Cookie") == 0) answer.setCookies.push_back(value);
  }
  Poco::StreamCopier::copyToString(stream, answer.body);
  return answer;
}

bool ApiClient::isReady() const {
  try {
    const auto answer = get("/healthz");
    return answer.status == 200 && answer.json()->getValue<bool>("ready");
  } catch (const Poco::Exception&) {
    return false;
  }
}

Poco::JSON::Object::Ptr ApiClient::waitForJob(std::int64_t job) const {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
  for (;;) {
    const auto answer = get("/api/v1/jobs/" + std::to_string(job));
    if (answer.status != 200) throw std::runtime_error("GET job " + std::to_string(job) + ": " + answer.body);
    auto json = answer.json();
    const auto state = json->getValue<std::string>("state");
    if (state == "done" || state == "failed") return json;
    if (std::chrono::steady_clock::now() > deadline) return json;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace paraph::testing
