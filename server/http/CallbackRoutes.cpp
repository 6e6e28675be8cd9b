// Callbacks (docs/integrations.md): a token registers a URL for some events; paraph POSTs
// each such event there, signed, retried with backoff, and every attempt is recorded. A
// token sees and manages only its own callbacks.
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPResponse.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/Integrations.h"
#include "http/Routes.h"

namespace paraph::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr std::size_t kMaxRegistrationBytes = 16 * 1024;
constexpr std::size_t kMaxUrlLength = 2048;
constexpr int kDeliveriesShown = 100;

std::string callbackUrl(std::int64_t id) { return "/api/v1/callbacks/" + std::to_string(id); }

std::string knownEvents() {
  std::string text;
  for (const auto& type : eventTypes()) text += (text.empty() ? "" : ", ") + type;
  return text;
}

// 256 bits from the system's random source, as hex.
std::string newSecret() {
  std::random_device device;
  std::ostringstream text;
  text << std::hex;
  for (int word = 0; word < 8; ++word) {
    text.width(8);
    text.fill('0');
    text << device();
  }
  return text.str();
}

Object::Ptr callbackJson(const store::CallbackRecord& callback) {
  Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", callback.id);
  json->set("url", callback.url);
  Array::Ptr events = new Array;
  for (const auto& event : callback.events) events->add(event);
  json->set("events", events);
  json->set("created_at", callback.createdAt);
  json->set("self", callbackUrl(callback.id));
  json->set("deliveries_url", callbackUrl(callback.id) + "/deliveries");
  return json;
}

// The caller's own callback named in the path, or 404 (another token's is not shown).
store::CallbackRecord ownCallback(Exchange& exchange) {
  const std::string& text = exchange.parameter("callback");
  const int id = positiveNumber(text, "the callback", 404);
  const auto callback = exchange.context.store.callback(id);
  if (!callback || callback->owner != exchange.who().name) throw HttpError(404, "no callback " + text);
  return *callback;
}

Object::Ptr deliveryJson(const store::DeliveryRecord& delivery) {
  Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("id", delivery.id);
  json->set("event", delivery.event.id);
  json->set("type", delivery.event.type);
  json->set("state", store::toString(delivery.state));
  json->set("attempts", delivery.attempts);
  json->set("created_at", delivery.createdAt);
  json->set("next_attempt_at",
            delivery.state == store::DeliveryState::pending ? Poco::Dynamic::Var(delivery.dueAt) : Poco::Dynamic::Var());
  json->set("finished_at", delivery.finishedAt.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(delivery.finishedAt));
  Array::Ptr attempts = new Array;
  for (const auto& attempt : delivery.attemptLog) {
    Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("number", attempt.number);
    item->set("at", attempt.at);
    item->set("status", attempt.status > 0 ? Poco::Dynamic::Var(attempt.status) : Poco::Dynamic::Var());
    item->set("error", attempt.error.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(attempt.error));
    item->set("response", attempt.response);
    item->set("ms", attempt.ms);
    attempts->add(item);
  }
  json->set("attempt_log", attempts);
  return json;
}

}  // namespace

void registerCallback(Exchange& exchange) {
  auto& context = exchange.context;
  const std::string body = readBody(exchange, kMaxRegistrationBytes);
  const auto object = jsonObjectBody(exchange, body, "{\"url\": \"…\", \"events\": [\"job.done\"]}");
  store::CallbackRecord callback;
  callback.owner = exchange.who().name;
  bool hasUrl = false;
  for (const auto& [name, value] : *object) {
    if (name == "url") {
      if (!value.isString()) throw HttpError(400, "field 'url': must be a string");
      callback.url = value.extract<std::string>();
      hasUrl = true;
    } else if (name == "events") {
      const auto events = value.type() == typeid(Array::Ptr) ? value.extract<Array::Ptr>() : nullptr;
      if (!events || events->size() == 0) {
        throw HttpError(400, "field 'events': a non-empty array of event types (" + knownEvents() + ")");
      }
      for (std::size_t index = 0; index < events->size(); ++index) {
        const auto event = events->get(static_cast<unsigned>(index));
        const auto& known = eventTypes();
        if (!event.isString()) throw HttpError(400, "field 'events': each item is an event type (" + knownEvents() + ")");
        if (std::find(known.begin(), known.end(), event.toString()) == known.end()) {
          throw HttpError(400, "field 'events': unknown event '" + event.toString() + "' (known: " + knownEvents() + ")");
        }
        if (std::find(callback.events.begin(), callback.events.end(), event.toString()) == callback.events.end()) {
          callback.events.push_back(event.toString());
        }
      }
    } else {
      throw HttpError(400, "field '" + name + "': unknown (known: url, events)");
    }
  }
  if (!hasUrl) throw HttpError(400, "field 'url': required");
  if (callback.url.size() > kMaxUrlLength) {
    throw HttpError(400, "field 'url': at most " + std::to_string(kMaxUrlLength) + " characters");
  }
  if (callback.events.empty()) callback.events = eventTypes();
  // SSRF: paraph calls only hosts the operator allowed, and says which at once.
  if (const auto problem = context.integrations->allowList().problem(callback.url, "url")) throw HttpError(400, *problem);
  const auto& limit = context.settings.integrations.maxPerToken;
  if (context.store.callbacks(callback.owner).size() >= limit) {
    throw HttpError(409, "token '" + callback.owner + "' already has " + std::to_string(limit) +
                             " callbacks (callbacks.max_per_token); remove one first");
  }
  callback.secret = newSecret();
  const auto added = context.store.addCallback(callback);
  auto json = callbackJson(added);
  json->set("secret", added.secret);
  json->set("note", "the secret is shown only now: keep it to check each delivery's X-Paraph-Signature");
  exchange.response.set("Location", callbackUrl(added.id));
  sendJson(exchange, 201, *json);
}

void listCallbacks(Exchange& exchange) {
  Array::Ptr callbacks = new Array;
  for (const auto& callback : exchange.context.store.callbacks(exchange.who().name)) callbacks->add(callbackJson(callback));
  Object body = orderedObject();
  body.set("callbacks", callbacks);
  sendJson(exchange, 200, body);
}

void showCallback(Exchange& exchange) { sendJson(exchange, 200, *callbackJson(ownCallback(exchange))); }

void removeCallback(Exchange& exchange) {
  const auto callback = ownCallback(exchange);
  exchange.context.store.removeCallback(callback.id);
  exchange.response.setStatus(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
  exchange.response.setContentLength(0);
  exchange.response.send();
}

void listDeliveries(Exchange& exchange) {
  const auto callback = ownCallback(exchange);
  Array::Ptr deliveries = new Array;
  for (const auto& delivery : exchange.context.store.deliveries(callback.id, kDeliveriesShown)) {
    deliveries->add(deliveryJson(delivery));
  }
  Object body = orderedObject();
  body.set("callback", callback.id);
  body.set("deliveries", deliveries);
  sendJson(exchange, 200, body);
}

void redeliver(Exchange& exchange) {
  auto& context = exchange.context;
  const auto callback = ownCallback(exchange);
  const std::string& text = exchange.parameter("delivery");
  const int id = positiveNumber(text, "the delivery", 404);
  const auto delivery = context.store.delivery(id);
  if (!delivery || delivery->kind != "callback" || delivery->target != callback.id) {
    throw HttpError(404, "no delivery " + text + " of callback " + std::to_string(callback.id));
  }
  const auto again = context.store.redeliver(id);
  context.integrations->wake();
  exchange.response.set("Location", callbackUrl(callback.id) + "/deliveries");
  sendJson(exchange, 202, *deliveryJson(*context.store.delivery(again)));
}

}  // namespace paraph::http
