#include "http/Integrations.h"

#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "http/ApiSupport.h"
#include "http/HmacSha256.h"
#include "http/Routes.h"
#include "http/ServerContext.h"
#include "xml/Escape.h"

namespace paraph::http {
namespace {

using Clock = std::chrono::system_clock;

std::chrono::milliseconds sinceEpoch(const std::string& timestamp) {
  int zone = 0;
  const Poco::DateTime parsed = Poco::DateTimeParser::parse("%Y-%m-%dT%H:%M:%S.%iZ", timestamp, zone);
  return std::chrono::milliseconds(parsed.timestamp().epochMicroseconds() / 1000);
}

std::chrono::milliseconds nowSinceEpoch() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch());
}

std::string randomHex(int words) {
  std::random_device device;
  std::ostringstream text;
  text << std::hex;
  for (int word = 0; word < words; ++word) text << device();
  return text.str();
}

// scheme://host[:port] of a URL, for the links of the feed sent to its subscribers.
std::string originOf(const Poco::URI& uri) {
  std::string origin = uri.getScheme() + "://" + uri.getHost();
  if (!uri.getAuthority().ends_with(uri.getHost())) origin += ":" + std::to_string(uri.getPort());
  return origin;
}

}  // namespace

const std::vector<std::string>& eventTypes() {
  static const std::vector<std::string> types{"job.done", "job.failed", "version.state-changed",
                                              "publication.published", "publication.withdrawn", "batch.progress"};
  return types;
}

bool isFeedPath(const std::string& path) {
  return path == "/feed.atom" || path == "/feed/fr.atom" || path == "/feed/nl.atom";
}

Poco::JSON::Object eventJson(const ServerContext& context, const store::EventRecord& event) {
  Poco::JSON::Object json = orderedObject();
  json.set("id", event.id);
  json.set("type", event.type);
  json.set("time", event.at);
  if (event.type == "batch.progress") {
    // A batch's counts as its transaction saw them (docs/batch.md); the batch's URL has the rest.
    json.set("batch", event.documentId);
    json.set("state", event.state);
    const auto counts = Poco::JSON::Parser().parse(event.detail.empty() ? "{}" : event.detail).extract<Poco::JSON::Object::Ptr>();
    for (const auto& name : {"total", "done", "failed", "waiting", "mail_room"}) {
      if (counts->has(name)) json.set(name, counts->get(name));
    }
    Poco::JSON::Object::Ptr links = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    links->set("batch", "/api/v1/batches/" + encodeSegment(event.documentId));
    json.set("links", links);
    return json;
  }
  json.set("document", event.documentId);
  json.set("document_type", event.documentType);
  json.set("version", event.version > 0 ? Poco::Dynamic::Var(event.version) : Poco::Dynamic::Var());
  json.set("job", event.job > 0 ? Poco::Dynamic::Var(event.job) : Poco::Dynamic::Var());
  json.set("state", event.state);
  if (!event.previousState.empty()) json.set("previous_state", event.previousState);
  if (!event.detail.empty()) json.set("error", event.detail);
  Poco::JSON::Object::Ptr links = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  links->set("document", documentUrl(event.documentId));
  if (event.job > 0) links->set("job", jobUrl(event.job));
  if (event.version > 0) {
    links->set("version", versionUrl(event.documentId, event.version));
    links->set("review", versionUrl(event.documentId, event.version) + "/review");
  }
  if (event.type == "publication.published") {
    if (const auto* type = context.pipeline.types().byName(event.documentType)) {
      Poco::JSON::Object::Ptr files = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      for (const auto& file : type->outputFileNames()) files->set(file, publicPath(event.documentType, event.documentId, file));
      links->set("public", files);
    }
    links->set("feed", "/feed.atom");
  }
  json.set("links", links);
  return json;
}

Integrations::Integrations(ServerContext& context)
    : context_(context), allowList_(context.settings.integrations.allowedHosts) {}

Integrations::~Integrations() { stop(); }

void Integrations::start() {
  for (unsigned index = 0; index < context_.settings.integrations.senders; ++index) {
    threads_.emplace_back([this] { send(); });
  }
}

void Integrations::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeUp_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

void Integrations::wake() {
  {
    std::lock_guard lock(mutex_);
    pendingWakeUps_ += static_cast<unsigned>(threads_.size());
  }
  wakeUp_.notify_all();
}

void Integrations::pause(std::chrono::milliseconds duration) {
  std::unique_lock lock(mutex_);
  wakeUp_.wait_for(lock, duration, [this] { return stopping_.load(); });
}

std::optional<Integrations::StreamSlot> Integrations::openStream() {
  unsigned open = streams_.load();
  do {
    if (open >= context_.settings.integrations.maxStreams) return std::nullopt;
  } while (!streams_.compare_exchange_weak(open, open + 1));
  return StreamSlot(*this);
}

std::chrono::milliseconds Integrations::lease() const {
  // Longer than any one attempt can take, so that a claimed delivery is not sent twice at once.
  const auto& settings = context_.settings.integrations;
  return settings.connectTimeout + 2 * settings.timeout + std::chrono::seconds(30);
}

void Integrations::send() {
  while (!stopping_) {
    bool worked = false;
    try {
      const std::string now = store::Store::timestamp();
      const std::string until = store::Store::timestampIn(lease());
      if (const auto intent = context_.store.claimWebSubIntent(now, until)) {
        verify(*intent);
        worked = true;
      } else if (const auto due = context_.store.claimDueDelivery(now, until)) {
        deliver(*due);
        worked = true;
      }
    } catch (const std::exception& error) {
      Poco::JSON::Object fields;
      fields.set("error", error.what());
      context_.log.error("delivery_failed", fields);
    }
    if (worked) continue;
    std::unique_lock lock(mutex_);
    wakeUp_.wait_for(lock, context_.settings.integrations.poll,
                     [this] { return stopping_.load() || pendingWakeUps_ > 0; });
    if (pendingWakeUps_ > 0) --pendingWakeUps_;
  }
}

void Integrations::deliver(const store::DueDelivery& due) {
  const auto& settings = context_.settings.integrations;
  const auto& delivery = due.delivery;
  store::AttemptRecord attempt;
  attempt.at = store::Store::timestamp();
  OutboundAnswer answer;
  if (due.targetGone) {
    answer.error = delivery.kind == "callback" ? "not sent: the callback was removed" : "not sent: the subscription ended";
  } else if (delivery.kind == "callback") {
    std::ostringstream body;
    eventJson(context_, delivery.event).stringify(body);
    // The receiver checks the HMAC of "<timestamp>.<body>" under its secret, and refuses an
    // old timestamp: a captured delivery cannot be replayed later.
    const std::string payload = body.str() + "\n";
    const std::string timestamp = std::to_string(nowSinceEpoch().count() / 1000);
    answer = sendOutbound(settings, allowList_, "POST", due.url,
                          {{"X-Paraph-Event", delivery.event.type},
                           {"X-Paraph-Delivery", std::to_string(delivery.id)},
                           {"X-Paraph-Timestamp", timestamp},
                           {"X-Paraph-Signature", "sha256=" + hmacSha256Hex(due.secret, timestamp + "." + payload)}},
                          "application/json; charset=utf-8", payload);
  } else {
    // WebSub §7: the feed as it is now, with its hub and self links.
    const Poco::URI topic(due.topic);
    const std::string origin = context_.settings.server.publicUrl.empty() ? originOf(topic) : context_.settings.server.publicUrl;
    const auto feed = renderFeed(context_, topic.getPath(), 1, origin);
    std::map<std::string, std::string> headers{
        {"Link", "<" + origin + kWebSubHubPath + ">; rel=\"hub\", <" + due.topic + ">; rel=\"self\""}};
    if (!due.secret.empty()) headers["X-Hub-Signature"] = "sha256=" + hmacSha256Hex(due.secret, *feed);
    answer = sendOutbound(settings, allowList_, "POST", due.url, headers, "application/atom+xml; charset=utf-8", *feed);
  }
  attempt.status = answer.status;
  attempt.error = answer.error;
  attempt.response = answer.body;
  attempt.ms = answer.ms;
  store::DeliveryState state = store::DeliveryState::delivered;
  std::string dueAt = attempt.at;
  if (!answer.error.empty()) {
    // Exponential backoff, bounded; given up once the next try would come too late.
    const int failures = delivery.attempts + 1;
    auto wait = settings.backoffInitial;
    for (int doubled = 1; doubled < failures && wait < settings.backoffMax; ++doubled) wait *= 2;
    wait = std::min(wait, settings.backoffMax);
    const auto next = nowSinceEpoch() + wait;
    const bool giveUp = due.targetGone || answer.error.starts_with("not sent:") ||
                        next > sinceEpoch(delivery.createdAt) + settings.retryFor;
    state = giveUp ? store::DeliveryState::failed : store::DeliveryState::pending;
    dueAt = store::Store::timestampIn(wait);
  }
  context_.store.recordAttempt(delivery.id, attempt, state, dueAt);
  Poco::JSON::Object fields(Poco::JSON_PRESERVE_KEY_ORDER);
  fields.set("delivery", delivery.id);
  fields.set("kind", delivery.kind);
  fields.set("event", delivery.event.type);
  fields.set("attempt", delivery.attempts + 1);
  fields.set("status", answer.status);
  fields.set("state", store::toString(state));
  if (!answer.error.empty()) {
    fields.set("error", answer.error);
    context_.log.warning("delivery_attempt", fields);
  } else {
    context_.log.info("delivery_attempt", fields);
  }
}

void Integrations::verify(const store::WebSubIntent& intent) {
  const auto& settings = context_.settings.integrations;
  // WebSub §5.3: the subscriber proves it asked by echoing the challenge.
  const std::string challenge = randomHex(4);
  std::string url = intent.callback + (intent.callback.find('?') == std::string::npos ? "?" : "&");
  url += "hub.mode=" + intent.mode + "&hub.topic=" + xml::percentEncoded(intent.topic) + "&hub.challenge=" + challenge;
  if (intent.mode == "subscribe") url += "&hub.lease_seconds=" + std::to_string(intent.leaseSeconds);
  const auto answer = sendOutbound(settings, allowList_, "GET", url, {}, "", "");
  const bool verified = answer.error.empty() && answer.body == challenge;
  context_.store.finishWebSubIntent(intent.id, verified,
                                    store::Store::timestampIn(std::chrono::seconds(intent.leaseSeconds)));
  Poco::JSON::Object fields(Poco::JSON_PRESERVE_KEY_ORDER);
  fields.set("mode", intent.mode);
  fields.set("topic", intent.topic);
  fields.set("callback", intent.callback);
  fields.set("verified", verified);
  if (!verified) fields.set("error", answer.error.empty() ? "the answer was not the challenge" : answer.error);
  context_.log.info("websub_verification", fields);
}

}  // namespace paraph::http
