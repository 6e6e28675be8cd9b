#include "http/Idempotency.h"

#include <chrono>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "xml/Sha256.h"

namespace paraph::http {
namespace {

// RFC 9110 token-ish: visible ASCII, so that a key is printable in a message and a log.
constexpr std::size_t kMaxKeyLength = 255;

bool acceptableKey(const std::string& key) {
  if (key.empty() || key.size() > kMaxKeyLength) return false;
  for (const unsigned char c : key) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

// Copies the answer while it is sent; stops copying when the request is done.
class AnswerCopy {
 public:
  explicit AnswerCopy(Exchange& exchange) : exchange_(exchange) { exchange_.answerCopy = &answer_; }
  ~AnswerCopy() { exchange_.answerCopy = nullptr; }
  AnswerCopy(const AnswerCopy&) = delete;
  AnswerCopy& operator=(const AnswerCopy&) = delete;
  const store::StoredAnswer& answer() const { return answer_; }

 private:
  Exchange& exchange_;
  store::StoredAnswer answer_;
};

}  // namespace

bool takesIdempotencyKey(const Route& route) {
  return route.method == "POST" && route.pattern.starts_with("/api/v1/") && route.access != Access::everyone &&
         !isPage(route.access);
}

void answerIdempotently(Exchange& exchange, const Route& route) {
  auto& context = exchange.context;
  const std::string key = exchange.request.get("Idempotency-Key");
  if (!acceptableKey(key)) {
    throw HttpError(400, "header Idempotency-Key: 1 to " + std::to_string(kMaxKeyLength) +
                             " visible ASCII characters (no spaces), such as a UUID");
  }
  // Read ahead, bounded like any body (a batch like a batch: batch.max_bytes); the route
  // then reads it from the exchange.
  exchange.body = readBody(exchange, route.pattern == "/api/v1/batches" ? context.settings.batch.maxBatchBytes
                                                                        : context.settings.server.maxRequestBytes);
  const std::string fingerprint = xml::sha256Hex(exchange.request.getMethod() + " " + exchange.request.getURI() + "\n" +
                                                 mediaTypeOf(exchange.request.getContentType()) + "\n" + *exchange.body);
  const auto retention = std::chrono::seconds(context.settings.integrations.idempotencyRetentionSeconds);
  const std::string& principal = exchange.who().name;
  const auto claim = context.store.claimIdempotencyKey(
      principal, key, fingerprint,
      store::Store::timestampIn(-std::chrono::duration_cast<std::chrono::milliseconds>(retention)));
  switch (claim.kind) {
    case store::IdempotencyClaim::Kind::mismatch:
      throw HttpError(422, "Idempotency-Key '" + key +
                               "' was already used with another request (method, path or body); use a new key for a "
                               "new request");
    case store::IdempotencyClaim::Kind::inProgress:
      exchange.response.set("Retry-After", "1");
      throw HttpError(409, "the first request with Idempotency-Key '" + key + "' is still being answered; try again shortly");
    case store::IdempotencyClaim::Kind::replay:
      exchange.response.set("Idempotent-Replayed", "true");
      if (!claim.answer.location.empty()) exchange.response.set("Location", claim.answer.location);
      sendBytes(exchange, claim.answer.status, claim.answer.contentType, claim.answer.body);
      return;
    case store::IdempotencyClaim::Kind::claimed: break;
  }
  store::StoredAnswer answer;
  try {
    AnswerCopy copy(exchange);
    route.handle(exchange);
    answer = copy.answer();
  } catch (...) {
    context.store.releaseIdempotencyKey(principal, key);
    throw;
  }
  if (answer.status >= 200 && answer.status < 300) {
    context.store.finishIdempotencyKey(principal, key, answer);
  } else {
    context.store.releaseIdempotencyKey(principal, key);
  }
}

}  // namespace paraph::http
