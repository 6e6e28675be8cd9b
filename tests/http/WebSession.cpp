#include "http/WebSession.h"

#include <Poco/URI.h>

namespace paraph::testing {

std::string formBody(const std::map<std::string, std::string>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    std::string encoded;
    Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", encoded);
    body += (body.empty() ? "" : "&") + name + "=" + encoded;
  }
  return body;
}

std::string WebSession::cookie(const std::string& name) const {
  const auto found = cookies_.find(name);
  return found == cookies_.end() ? std::string() : found->second;
}

void WebSession::remember(const Answer& answer) {
  for (const auto& setCookie : answer.setCookies) {
    const auto equals = setCookie.find('=');
    const auto end = setCookie.find(';');
    if (equals == std::string::npos) continue;
    const std::string name = setCookie.substr(0, equals);
    const std::string value = setCookie.substr(equals + 1, end == std::string::npos ? end : end - equals - 1);
    if (value.empty() || setCookie.find("Max-Age=0") != std::string::npos || setCookie.find("max-age=0") != std::string::npos) {
      cookies_.erase(name);
    } else {
      cookies_[name] = value;
    }
  }
  const std::string field = "name=\"csrf\" value=\"";
  const auto at = answer.body.find(field);
  if (at != std::string::npos) {
    const auto start = at + field.size();
    csrf_ = answer.body.substr(start, answer.body.find('"', start) - start);
  }
}

Answer WebSession::send(const std::string& method, const std::string& path, const std::string& body,
                        const std::string& type, std::map<std::string, std::string> headers) {
  std::string jar;
  for (const auto& [name, value] : cookies_) jar += (jar.empty() ? "" : "; ") + name + "=" + value;
  if (!jar.empty() && !headers.contains("Cookie")) headers["Cookie"] = jar;
  if (!type.empty()) headers["Content-Type"] = type;
  auto answer = client_.request(method, path, body, headers);
  remember(answer);
  return answer;
}

Answer WebSession::get(const std::string& path, const std::map<std::string, std::string>& headers) {
  return send("GET", path, "", "", headers);
}

Answer WebSession::postRaw(const std::string& path, const std::string& body, const std::string& contentType,
                           std::map<std::string, std::string> headers) {
  if (!headers.contains("Origin")) headers["Origin"] = origin();
  return send("POST", path, body, contentType, std::move(headers));
}

Answer WebSession::postForm(const std::string& path, std::map<std::string, std::string> fields,
                            std::map<std::string, std::string> headers) {
  if (!fields.contains("csrf")) fields["csrf"] = csrf_;
  return postRaw(path, formBody(fields), "application/x-www-form-urlencoded", std::move(headers));
}

Answer WebSession::signIn(const std::string& name, const std::string& password, const std::string& next) {
  get("/signin");
  return postForm("/signin", {{"name", name}, {"password", password}, {"next", next}});
}

}  // namespace paraph::testing
