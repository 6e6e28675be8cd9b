#include "print/ChromiumTab.h"

#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <sstream>

#include "print/DevToolsConnection.h"
#include "print/PrintEngine.h"

namespace paraph::print {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// Documents embed their CSS and use system fonts; images may come inline as data: URIs.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "frame-src 'none'; form-action 'none'; base-uri 'none'";

Object::Ptr parameters(std::initializer_list<std::pair<const char*, Poco::Dynamic::Var>> entries) {
  Object::Ptr object = new Object;
  for (const auto& [key, value] : entries) object->set(key, value);
  return object;
}

std::string base64Encoded(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder << bytes;
  encoder.close();
  return out.str();
}

// A table decoder: the PDF comes back base64-encoded, and Poco's stream decoder costs a
// virtual call per character. Characters outside the alphabet (none in Chromium's output)
// are skipped; decoding stops at the first '='.
std::string base64Decoded(const std::string& text) {
  static const auto table = [] {
    std::array<std::int8_t, 256> values{};
    values.fill(-1);
    const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int index = 0; index < 64; ++index) values[static_cast<unsigned char>(alphabet[index])] = static_cast<std::int8_t>(index);
    return values;
  }();
  std::string bytes;
  bytes.reserve(text.size() / 4 * 3);
  std::uint32_t accumulator = 0;
  int bits = 0;
  for (const char character : text) {
    if (character == '=') break;
    const std::int8_t value = table[static_cast<unsigned char>(character)];
    if (value < 0) continue;
    accumulator = (accumulator << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<char>((accumulator >> bits) & 0xFF));
    }
  }
  return bytes;
}

// The page every tab loads once; documents replace its content.
constexpr const char* kShell = "<!DOCTYPE html><html><head></head><body></body></html>";

Object::Ptr header(const char* name, const std::string& value) {
  return parameters({{"name", std::string(name)}, {"value", value}});
}

}  // namespace

// State shared between the printing thread and the event handler on the reader thread.
struct ChromiumTab::Events {
  std::mutex mutex;
  std::condition_variable changed;
  bool documentServed = false; // kDocumentUrl (the empty shell) was answered, once per tab
  bool loaded = false;         // load event since the last reset
  bool crashed = false;        // the renderer died
};

ChromiumTab::ChromiumTab(std::shared_ptr<DevToolsConnection> connection, Deadline deadline)
    : connection_(std::move(connection)), events_(std::make_shared<Events>()) {
  browserContextId_ =
      connection_->call("Target.createBrowserContext", parameters({{"disposeOnDetach", true}}), "", deadline)
          ->getValue<std::string>("browserContextId");
  try {
    targetId_ = connection_
                    ->call("Target.createTarget",
                           parameters({{"url", std::string("about:blank")}, {"browserContextId", browserContextId_}}), "",
                           deadline)
                    ->getValue<std::string>("targetId");
    sessionId_ = connection_
                     ->call("Target.attachToTarget", parameters({{"targetId", targetId_}, {"flatten", true}}), "",
                            deadline)
                     ->getValue<std::string>("sessionId");

    // The handler holds the connection by raw pointer (it runs on that connection's reader
    // thread, so the connection outlives it) and the state by shared pointer.
    DevToolsConnection* devtools = connection_.get();
    std::shared_ptr<Events> events = events_;
    const std::string mainFrameId = targetId_;  // a page's main frame id is its target id
    connection_->subscribe(sessionId_, [devtools, events, mainFrameId, sessionId = sessionId_](
                                           const std::string& method, const Object::Ptr& params) {
      if (method == "Fetch.requestPaused") {
        const std::string requestId = params->getValue<std::string>("requestId");
        const std::string url = params->getObject("request")->getValue<std::string>("url");
        const bool navigation = params->optValue<std::string>("resourceType", "") == "Document";
        const bool mainDocument =
            navigation && url == kDocumentUrl && params->optValue<std::string>("frameId", "") == mainFrameId;
        std::string body;
        {
          std::lock_guard lock(events->mutex);
          if (mainDocument && !events->documentServed) {
            events->documentServed = true;
            body = base64Encoded(kShell);
          }
        }
        if (!body.empty()) {
          Array::Ptr headers = new Array;
          headers->add(header("Content-Type", "text/html; charset=utf-8"));
          headers->add(header("Content-Security-Policy", kContentSecurityPolicy));
          headers->add(header("Cache-Control", "no-store"));
          devtools->send("Fetch.fulfillRequest",
                           parameters({{"requestId", requestId}, {"responseCode", 200}, {"responseHeaders", headers},
                                       {"body", body}}),
                           sessionId);
        } else {
          // A navigation (meta refresh, iframe, link target) is aborted rather than blocked:
          // an aborted navigation commits no error page, so the document stays in place.
          devtools->send("Fetch.failRequest",
                         parameters({{"requestId", requestId},
                                     {"errorReason", std::string(navigation ? "Aborted" : "BlockedByClient")}}),
                         sessionId);
        }
      } else if (method == "Page.loadEventFired") {
        std::lock_guard lock(events->mutex);
        events->loaded = true;
        events->changed.notify_all();
      } else if (method == "Inspector.targetCrashed" || method == "Target.targetCrashed") {
        std::lock_guard lock(events->mutex);
        events->crashed = true;
        events->changed.notify_all();
      }
    });

    Array::Ptr everything = new Array;
    everything->add(parameters({{"urlPattern", std::string("*")}}));
    connection_->call("Fetch.enable", parameters({{"patterns", everything}}), sessionId_, deadline);
    connection_->call("Emulation.setScriptExecutionDisabled", parameters({{"value", true}}), sessionId_, deadline);
    connection_->call("Page.enable", nullptr, sessionId_, deadline);
    connection_->call("Inspector.enable", nullptr, sessionId_, deadline);

    // The shell: the one navigation this tab makes. It gives the tab its fake origin and the
    // Content-Security-Policy header; every document then replaces the shell's content
    // (Page.setDocumentContent, i.e. document.open/write/close, which keeps the policy)
    // instead of navigating: no new document loader, no renderer swap, ~4x faster loads.
    resetLoaded();
    const auto navigation =
        connection_->call("Page.navigate", parameters({{"url", std::string(kDocumentUrl)}}), sessionId_, deadline);
    const std::string navigationError = navigation->optValue<std::string>("errorText", "");
    if (!navigationError.empty()) {
      throw PrintError(PrintError::Kind::Failed, "Chromium could not load the tab's shell: " + navigationError);
    }
    waitForLoad(deadline, "the tab's shell");
  } catch (...) {
    if (!sessionId_.empty()) connection_->unsubscribe(sessionId_);
    connection_->send("Target.disposeBrowserContext", parameters({{"browserContextId", browserContextId_}}), "");
    throw;
  }
}

ChromiumTab::~ChromiumTab() {
  connection_->unsubscribe(sessionId_);
  connection_->send("Target.disposeBrowserContext", parameters({{"browserContextId", browserContextId_}}), "");
}

void ChromiumTab::resetLoaded() {
  std::lock_guard lock(events_->mutex);
  events_->loaded = false;
}

void ChromiumTab::waitForLoad(Deadline deadline, const std::string& what) {
  // Wait in short slices: a browser that dies sends no event, only its socket closes.
  std::unique_lock lock(events_->mutex);
  while (!events_->loaded && !events_->crashed && connection_->alive() && std::chrono::steady_clock::now() < deadline) {
    events_->changed.wait_for(lock, std::chrono::milliseconds(50));
  }
  if (events_->crashed) throw PrintError(PrintError::Kind::EngineCrashed, "Chromium's renderer crashed while loading " + what);
  if (!connection_->alive()) throw PrintError(PrintError::Kind::EngineCrashed, "Chromium died while loading " + what);
  if (!events_->loaded) throw PrintError(PrintError::Kind::Timeout, what + " did not finish loading");
}

bool ChromiumTab::crashed() const {
  std::lock_guard lock(events_->mutex);
  return events_->crashed;
}

bool ChromiumTab::crashedWithin(std::chrono::milliseconds grace) const {
  std::unique_lock lock(events_->mutex);
  return events_->changed.wait_for(lock, grace, [&] { return events_->crashed; });
}

std::string ChromiumTab::print(const std::string& html, Deadline deadline, PrintSteps* steps) {
  try {
    return printLoaded(html, deadline, steps);
  } catch (const PrintError& error) {
    // The answer to a call cut short by a renderer crash says little ("Printing failed");
    // the crash event is what happened, and it is worth another try on another tab.
    // The crash event may come just after the answer it cut short.
    if (error.kind() != PrintError::Kind::EngineCrashed && crashedWithin(std::chrono::milliseconds(500))) {
      throw PrintError(PrintError::Kind::EngineCrashed, std::string("Chromium's renderer crashed (") + error.what() + ")");
    }
    throw;
  }
}

std::string ChromiumTab::printLoaded(const std::string& html, Deadline deadline, PrintSteps* steps) {
  if (html.empty()) throw PrintError(PrintError::Kind::Failed, "the document is empty");
  auto lap = Clock::now();
  auto measure = [&](double PrintSteps::*field) {
    const auto now = Clock::now();
    if (steps) steps->*field = std::chrono::duration<double, std::milli>(now - lap).count();
    lap = now;
  };

  resetLoaded();
  // The main frame's id is the target's id. The answer comes once the HTML is parsed; the
  // load event once its inline images and fonts are decoded too.
  connection_->call("Page.setDocumentContent", parameters({{"frameId", targetId_}, {"html", html}}), sessionId_,
                    deadline);
  waitForLoad(deadline, "the document");
  measure(&PrintSteps::loadMs);

  // A4 in inches for documents without an @page size; CSS @page wins (preferCSSPageSize).
  const auto printed = connection_->call("Page.printToPDF",
                                         parameters({{"printBackground", true},
                                                     {"preferCSSPageSize", true},
                                                     {"paperWidth", 8.27},
                                                     {"paperHeight", 11.69},
                                                     {"generateTaggedPDF", true},
                                                     {"generateDocumentOutline", true},
                                                     {"displayHeaderFooter", false}}),
                                         sessionId_, deadline);
  measure(&PrintSteps::printMs);
  std::string pdf = base64Decoded(printed->getValue<std::string>("data"));
  measure(&PrintSteps::decodeMs);
  return pdf;
}

}  // namespace paraph::print
