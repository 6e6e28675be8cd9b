#include "http/OutboundRequest.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <chrono>
#include <sstream>

namespace paraph::http {
namespace {

Poco::Timespan timespanOf(std::chrono::milliseconds duration) {
  return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(duration.count()) * 1000);
}

std::string trimmed(const std::string& text) { return Poco::trim(text); }

}  // namespace

HostAllowList::HostAllowList(const std::string& setting) {
  std::istringstream stream(setting);
  for (std::string item; std::getline(stream, item, ',');) {
    item = Poco::toLower(trimmed(item));
    if (item.empty()) continue;
    Entry entry;
    const auto colon = item.rfind(':');
    // "[::1]:8080" or "host:8080"; a bare IPv6 address has more than one colon.
    if (colon != std::string::npos && item.find(':') == colon) {
      entry.host = item.substr(0, colon);
      Poco::NumberParser::tryParse(item.substr(colon + 1), entry.port);
    } else if (item.starts_with("[") && colon != std::string::npos && item[colon - 1] == ']') {
      entry.host = item.substr(1, colon - 2);
      Poco::NumberParser::tryParse(item.substr(colon + 1), entry.port);
    } else {
      entry.host = item.starts_with("[") && item.ends_with("]") ? item.substr(1, item.size() - 2) : item;
    }
    entries_.push_back(entry);
  }
}

std::optional<std::string> HostAllowList::problem(const std::string& url, const std::string& field) const {
  Poco::URI uri;
  try {
    uri = Poco::URI(url);
  } catch (const Poco::Exception&) {
    return "field '" + field + "': not a URL: '" + url + "'";
  }
  if (uri.getScheme() != "http") {
    return "field '" + field + "': an http:// URL, not '" + url +
           "' (paraph calls receivers on the institution's network; put TLS in a proxy beside the receiver)";
  }
  if (!uri.getUserInfo().empty()) return "field '" + field + "': a URL without user:password@";
  if (!uri.getFragment().empty()) return "field '" + field + "': a URL without a #fragment";
  const std::string host = Poco::toLower(uri.getHost());
  if (host.empty()) return "field '" + field + "': the URL has no host";
  for (const auto& entry : entries_) {
    if (entry.host == host && (entry.port == 0 || entry.port == uri.getPort())) return std::nullopt;
  }
  if (entries_.empty()) {
    return "field '" + field + "': no host is allowed (setting callbacks.allowed_hosts is empty)";
  }
  return "field '" + field + "': host '" + uri.getHost() + ":" + std::to_string(uri.getPort()) +
         "' is not in callbacks.allowed_hosts";
}

OutboundAnswer sendOutbound(const config::IntegrationSettings& settings, const HostAllowList& allowed,
                            const std::string& method, const std::string& url,
                            const std::map<std::string, std::string>& headers, const std::string& contentType,
                            const std::string& body) {
  OutboundAnswer answer;
  const auto start = std::chrono::steady_clock::now();
  auto finish = [&] {
    answer.ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    return answer;
  };
  // Checked again at each request: the setting may have changed since registration.
  if (const auto problem = allowed.problem(url, "url")) {
    answer.error = "not sent: " + *problem;
    return finish();
  }
  try {
    const Poco::URI uri(url);
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setTimeout(timespanOf(settings.connectTimeout), timespanOf(settings.timeout), timespanOf(settings.timeout));
    session.setKeepAlive(false);
    Poco::Net::HTTPRequest request(method, uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("User-Agent", "paraph/" PARAPH_VERSION);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (method == "POST") {
      request.setContentType(contentType);
      request.setContentLength64(static_cast<Poco::Int64>(body.size()));
      session.sendRequest(request) << body;
    } else {
      session.sendRequest(request);
    }
    Poco::Net::HTTPResponse response;
    std::istream& stream = session.receiveResponse(response);
    answer.status = static_cast<int>(response.getStatus());
    // Only so much of the answer is read; the connection is closed on the rest.
    std::string received(settings.maxResponseBytes, '\0');
    stream.read(received.data(), static_cast<std::streamsize>(received.size()));
    received.resize(static_cast<std::size_t>(stream.gcount()));
    answer.body = std::move(received);
    if (answer.status >= 300 && answer.status < 400) {
      answer.error = "answered " + std::to_string(answer.status) + " (redirect to '" + response.get("Location", "") +
                     "' not followed)";
    } else if (answer.status < 200 || answer.status >= 300) {
      answer.error = "answered " + std::to_string(answer.status);
    }
    session.reset();
  } catch (const Poco::TimeoutException&) {
    answer.error = "no answer within callbacks.connect_timeout_ms / callbacks.timeout_ms";
  } catch (const Poco::Exception& error) {
    answer.error = error.displayText();
  } catch (const std::exception& error) {
    answer.error = error.what();
  }
  return finish();
}

}  // namespace paraph::http
