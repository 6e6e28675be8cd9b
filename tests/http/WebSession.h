// A browser's side of the workspace for the tests: a cookie jar, sign-in through the real
// form, and forms posted with this server's Origin and the page's CSRF token.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "http/ApiClient.h"

namespace paraph::testing {

class WebSession {
 public:
  explicit WebSession(std::uint16_t port) : client_(port) {}

  // GET /signin, then POST its form; the answer of the POST (303 on success).
  Answer signIn(const std::string& name, const std::string& password, const std::string& next = "/");
  Answer get(const std::string& path, const std::map<std::string, std::string>& headers = {});
  // A urlencoded form, with csrf = the last page's token unless `fields` has one, and
  // Origin = this server unless `headers` has one.
  Answer postForm(const std::string& path, std::map<std::string, std::string> fields,
                  std::map<std::string, std::string> headers = {});
  Answer postRaw(const std::string& path, const std::string& body, const std::string& contentType,
                 std::map<std::string, std::string> headers = {});

  // The CSRF token of the last page that had one (the hidden field "csrf").
  const std::string& csrf() const { return csrf_; }
  std::string cookie(const std::string& name) const;
  void setCookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(client_.port()); }

 private:
  Answer send(const std::string& method, const std::string& path, const std::string& body, const std::string& type,
              std::map<std::string, std::string> headers);
  void remember(const Answer& answer);

  ApiClient client_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

// application/x-www-form-urlencoded
std::string formBody(const std::map<std::string, std::string>& fields);

}  // namespace paraph::testing
