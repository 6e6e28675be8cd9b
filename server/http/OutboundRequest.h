// The requests paraph itself makes (callbacks, WebSub): only to allowed hosts, plain HTTP,
// short timeouts, no redirects followed, a bounded answer read (docs/integrations.md).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/Settings.h"

namespace paraph::http {

// callbacks.allowed_hosts: "host" (any port) or "host:port" entries, compared without case
// with the URL's host as written; nothing is resolved to decide.
class HostAllowList {
 public:
  explicit HostAllowList(const std::string& setting);
  // Why `url` may not be called, or nothing when it may. `field` names it in the message.
  std::optional<std::string> problem(const std::string& url, const std::string& field) const;
  bool empty() const { return entries_.empty(); }

 private:
  struct Entry {
    std::string host;
    int port = 0;  // 0: any
  };
  std::vector<Entry> entries_;
};

struct OutboundAnswer {
  int status = 0;      // 0: no HTTP answer (refused, timed out, not allowed)
  std::string error;   // empty when the answer was a 2xx
  std::string body;    // at most callbacks.max_response_bytes of it
  std::int64_t ms = 0;
};

// One request; never throws. A 3xx is an error (the redirect is not followed).
OutboundAnswer sendOutbound(const config::IntegrationSettings& settings, const HostAllowList& allowed,
                            const std::string& method, const std::string& url,
                            const std::map<std::string, std::string>& headers, const std::string& contentType,
                            const std::string& body);

}  // namespace paraph::http
