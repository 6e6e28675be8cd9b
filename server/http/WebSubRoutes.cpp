// POST /websub/hub: the WebSub hub of paraph's feeds (W3C WebSub, docs/integrations.md). A
// subscriber asks to follow a feed; the hub checks the request, answers 202 and verifies
// the subscriber's intent (a GET with hub.challenge that it must echo); once verified, each
// publication or withdrawal sends it the feed as it now is, signed with X-Hub-Signature
// when it gave a hub.secret. Subscribers are called only at callbacks.allowed_hosts.
#include <Poco/URI.h>

#include <algorithm>
#include <map>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/Integrations.h"
#include "http/Routes.h"

namespace paraph::http {
namespace {

constexpr std::size_t kMaxRequestBytes = 8 * 1024;
constexpr std::size_t kMaxSecretBytes = 199;  // WebSub §5.1: "less than 200 bytes"
constexpr std::size_t kMaxUrlLength = 2048;

}  // namespace

void webSubHub(Exchange& exchange) {
  auto& context = exchange.context;
  const std::string body = readBody(exchange, kMaxRequestBytes);
  if (mediaTypeOf(exchange.request.getContentType()) != "application/x-www-form-urlencoded") {
    throw HttpError(415, "send the hub.* fields as Content-Type: application/x-www-form-urlencoded, not '" +
                             exchange.request.getContentType() + "'");
  }
  std::map<std::string, std::string> fields;
  Poco::URI::QueryParameters parameters;
  try {
    parameters = Poco::URI("/?" + body).getQueryParameters();
  } catch (const Poco::Exception& error) {
    throw HttpError(400, "the body is not form-encoded: " + error.displayText());
  }
  for (const auto& [name, value] : parameters) {
    static const std::vector<std::string> known{"hub.mode", "hub.topic", "hub.callback", "hub.lease_seconds", "hub.secret"};
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      throw HttpError(400, "field '" + name + "': unknown (known: hub.mode, hub.topic, hub.callback, hub.lease_seconds, hub.secret)");
    }
    if (fields.contains(name)) throw HttpError(400, "field '" + name + "': given more than once");
    fields[name] = value;
  }
  store::WebSubIntent intent;
  intent.mode = fields["hub.mode"];
  if (intent.mode != "subscribe" && intent.mode != "unsubscribe") {
    throw HttpError(400, "field 'hub.mode': subscribe or unsubscribe, not '" + intent.mode + "'");
  }
  intent.topic = fields["hub.topic"];
  std::string topicPath;
  try {
    topicPath = Poco::URI(intent.topic).getPath();
  } catch (const Poco::Exception&) {
    // Not a URL: refused just below, like any other topic that is not a feed.
  }
  if (intent.topic.size() > kMaxUrlLength || !intent.topic.starts_with("http") || !isFeedPath(topicPath) ||
      !Poco::URI(intent.topic).getQuery().empty()) {
    throw HttpError(400, "field 'hub.topic': the URL of one of paraph's feeds (…/feed.atom, …/feed/fr.atom, "
                         "…/feed/nl.atom), not '" + intent.topic + "'");
  }
  intent.callback = fields["hub.callback"];
  if (intent.callback.size() > kMaxUrlLength) {
    throw HttpError(400, "field 'hub.callback': at most " + std::to_string(kMaxUrlLength) + " characters");
  }
  if (const auto problem = context.integrations->allowList().problem(intent.callback, "hub.callback")) {
    throw HttpError(400, *problem);
  }
  const auto& settings = context.settings.integrations;
  intent.leaseSeconds = settings.leaseDefaultSeconds;
  if (fields.contains("hub.lease_seconds")) {
    intent.leaseSeconds = positiveNumber(fields["hub.lease_seconds"], "field 'hub.lease_seconds'", 400);
  }
  intent.leaseSeconds = std::min<std::int64_t>(intent.leaseSeconds, settings.leaseMaxSeconds);
  intent.secret = fields["hub.secret"];
  if (intent.secret.size() > kMaxSecretBytes) throw HttpError(400, "field 'hub.secret': less than 200 bytes");
  context.store.addWebSubIntent(intent);
  context.integrations->wake();
  Poco::JSON::Object answer = orderedObject();
  answer.set("mode", intent.mode);
  answer.set("topic", intent.topic);
  answer.set("callback", intent.callback);
  if (intent.mode == "subscribe") answer.set("lease_seconds", intent.leaseSeconds);
  answer.set("note", "accepted; the hub now verifies the callback's intent (a GET with hub.challenge to echo)");
  sendJson(exchange, 202, answer);
}

}  // namespace paraph::http
