// What paraph tells the systems around it (docs/integrations.md): the senders that deliver
// events to registered callbacks and feed updates to WebSub subscribers (with retries,
// backoff and a record of every attempt, all in the store so that nothing is lost in a
// restart), the verification of WebSub intents, and the open event streams' slots.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <Poco/JSON/Object.h>

#include "http/OutboundRequest.h"
#include "store/Records.h"

namespace paraph::http {

struct ServerContext;

// The event types, as callbacks name them.
const std::vector<std::string>& eventTypes();

// The JSON body of an event: {id, type, time, document, version, job, state, …, links}.
Poco::JSON::Object eventJson(const ServerContext& context, const store::EventRecord& event);

// The feeds a WebSub subscriber may follow: /feed.atom, /feed/fr.atom, /feed/nl.atom.
bool isFeedPath(const std::string& path);

class Integrations {
 public:
  explicit Integrations(ServerContext& context);
  ~Integrations();
  Integrations(const Integrations&) = delete;
  Integrations& operator=(const Integrations&) = delete;

  // Starts callbacks.senders threads; stop() ends them (an attempt in progress finishes,
  // bounded by the timeouts) and ends every event stream at its next beat.
  void start();
  void stop();
  bool stopping() const { return stopping_; }
  // Something may be due now (a publication, a registration, a redelivery).
  void wake();
  // Waits up to `duration`, less when stopping or woken; for the event streams.
  void pause(std::chrono::milliseconds duration);

  const HostAllowList& allowList() const { return allowList_; }

  // A place among events.max_streams open streams, given back when it is destroyed.
  class StreamSlot {
   public:
    explicit StreamSlot(Integrations& owner) : owner_(&owner) {}
    StreamSlot(StreamSlot&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    StreamSlot(const StreamSlot&) = delete;
    StreamSlot& operator=(const StreamSlot&) = delete;
    StreamSlot& operator=(StreamSlot&&) = delete;
    ~StreamSlot() {
      if (owner_ != nullptr) --owner_->streams_;
    }

   private:
    Integrations* owner_;
  };
  std::optional<StreamSlot> openStream();

 private:
  void send();
  void deliver(const store::DueDelivery& due);
  void verify(const store::WebSubIntent& intent);
  std::chrono::milliseconds lease() const;

  ServerContext& context_;
  HostAllowList allowList_;
  std::mutex mutex_;
  std::condition_variable wakeUp_;
  unsigned pendingWakeUps_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<unsigned> streams_{0};
  std::vector<std::thread> threads_;
};

}  // namespace paraph::http
