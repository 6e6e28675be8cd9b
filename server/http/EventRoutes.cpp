// GET /api/v1/events: the events callbacks receive, as a Server-Sent Events stream
// (docs/integrations.md). Each stream holds an HTTP thread, so events.max_streams bounds
// them; a stream ends after events.max_stream_ms and the client resumes with Last-Event-ID.
#include <Poco/NumberParser.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>
#include <sstream>

#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/Integrations.h"
#include "http/Routes.h"

namespace paraph::http {
namespace {

constexpr int kEventsPerRead = 100;
// How soon a quiet stream looks again for new events.
constexpr std::chrono::milliseconds kLookEvery{250};

std::int64_t eventIdOf(const std::string& text, const std::string& what) {
  Poco::Int64 id = 0;
  if (!Poco::NumberParser::tryParse64(text, id) || id < 0 || text.find_first_not_of("0123456789") != std::string::npos) {
    throw HttpError(400, what + " must be an event id (a whole number from 0), not '" + text + "'");
  }
  return id;
}

}  // namespace

void eventStream(Exchange& exchange) {
  auto& context = exchange.context;
  std::vector<std::string> wanted;
  std::optional<std::int64_t> after;
  for (const auto& [name, value] : Poco::URI(exchange.request.getURI()).getQueryParameters()) {
    if (name == "types") {
      std::istringstream list(value);
      for (std::string type; std::getline(list, type, ',');) {
        const auto& known = eventTypes();
        if (std::find(known.begin(), known.end(), type) == known.end()) {
          std::string names;
          for (const auto& each : known) names += (names.empty() ? "" : ", ") + each;
          throw HttpError(400, "query parameter 'types': unknown event '" + type + "' (known: " + names + ")");
        }
        wanted.push_back(type);
      }
    } else if (name == "last_event_id") {
      after = eventIdOf(value, "query parameter 'last_event_id'");
    } else {
      throw HttpError(400, "unknown query parameter '" + name + "' (known: types, last_event_id)");
    }
  }
  if (exchange.request.has("Last-Event-ID")) after = eventIdOf(exchange.request.get("Last-Event-ID"), "header Last-Event-ID");
  auto slot = context.integrations->openStream();
  if (!slot) {
    exchange.response.set("Retry-After", std::to_string(context.settings.queue.retryAfterSeconds));
    throw HttpError(503, "too many event streams are open (events.max_streams = " +
                             std::to_string(context.settings.integrations.maxStreams) +
                             "); try again later, or register a callback instead");
  }
  // Without a place to resume from, the stream starts now.
  std::int64_t last = after.value_or(context.store.latestEventId());

  auto& response = exchange.response;
  response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
  response.setContentType("text/event-stream; charset=utf-8");
  response.set("Cache-Control", "no-store");
  response.set("X-Accel-Buffering", "no");  // a proxy must pass each event on at once
  response.setChunkedTransferEncoding(true);
  response.setKeepAlive(false);
  std::ostream& out = response.send();
  out << ": paraph events after " << last << "\nretry: 2000\n\n";
  out.flush();

  using Clock = std::chrono::steady_clock;
  const auto& settings = context.settings.integrations;
  const auto ends = Clock::now() + settings.maxStream;
  auto lastWrite = Clock::now();
  try {
    while (out && !context.integrations->stopping() && Clock::now() < ends) {
      const auto events = context.store.eventsAfter(last, kEventsPerRead);
      for (const auto& event : events) {
        last = event.id;
        if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), event.type) == wanted.end()) continue;
        std::ostringstream data;
        eventJson(context, event).stringify(data);
        out << "id: " << event.id << "\nevent: " << event.type << "\ndata: " << data.str() << "\n\n";
        lastWrite = Clock::now();
      }
      if (!events.empty()) {
        out.flush();
        if (events.size() == static_cast<std::size_t>(kEventsPerRead)) continue;
      }
      if (Clock::now() - lastWrite >= settings.heartbeat) {
        // A comment: keeps proxies from closing a quiet stream, and finds a client gone.
        out << ": heartbeat\n\n";
        out.flush();
        lastWrite = Clock::now();
      }
      context.integrations->pause(std::min<std::chrono::milliseconds>(kLookEvery, settings.heartbeat));
    }
  } catch (const Poco::Exception&) {
    // The client went away: nothing more to send.
  }
}

}  // namespace paraph::http
