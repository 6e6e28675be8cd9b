// One warm Chromium tab, in its own browser context (no cookies, cache or storage shared
// with any other document), attached over a flattened DevTools session.
//
// Nothing leaks: the tab has JavaScript disabled and intercepts every request (Fetch domain).
// When it opens, the tab navigates once to a fixed fake origin, kDocumentUrl, whose one
// request is answered with an empty shell; each document then replaces the shell's content
// (Page.setDocumentContent) without a navigation. Every other request (network, file://,
// cloud metadata, iframes, images, a second request for kDocumentUrl) is failed before it
// leaves the browser:
// subresources with BlockedByClient, navigations (frames, meta refresh) with Aborted, which
// leaves the current document in place instead of an error page. The response also carries a Content-Security-Policy allowing only inline styles
// and data: images and fonts, as a second wall.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "print/Deadline.h"

namespace paraph::print {

class DevToolsConnection;

// Where one print's time went, in milliseconds (print.trace).
struct PrintSteps {
  double waitMs = 0;      // waiting for a free tab (filled in by the engine)
  double loadMs = 0;      // setDocumentContent until the load event
  double printMs = 0;     // Page.printToPDF, answer received and parsed
  double decodeMs = 0;    // base64 to bytes
  double metadataMs = 0;  // applyPdfMetadata (filled in by the engine)
};

class ChromiumTab {
 public:
  static constexpr const char* kDocumentUrl = "http://paraph.invalid/document";

  // Opens and prepares a tab; throws PrintError (EngineCrashed, Timeout, Failed).
  ChromiumTab(std::shared_ptr<DevToolsConnection> connection, Deadline deadline);
  // Closes the tab and its browser context without waiting for the browser's answer.
  ~ChromiumTab();
  ChromiumTab(const ChromiumTab&) = delete;
  ChromiumTab& operator=(const ChromiumTab&) = delete;

  // Loads html and prints it: A4 unless the CSS @page says otherwise, backgrounds, tagged,
  // outline from the headings. Returns the PDF as Chromium wrote it.
  // When steps is given, it receives the time each step took.
  // A renderer that crashes meanwhile (killed, out of memory) throws EngineCrashed, whatever
  // Chromium answered the call in progress ("Printing failed", net::ERR_ABORTED).
  std::string print(const std::string& html, Deadline deadline, PrintSteps* steps = nullptr);
  // True once this tab's renderer crashed: the tab is of no use any more.
  bool crashed() const;
  // The same, waiting up to `grace` for the crash event.
  bool crashedWithin(std::chrono::milliseconds grace) const;

 private:
  struct Events;

  void resetLoaded();
  void waitForLoad(Deadline deadline, const std::string& what);
  std::string printLoaded(const std::string& html, Deadline deadline, PrintSteps* steps);

  std::shared_ptr<DevToolsConnection> connection_;
  std::shared_ptr<Events> events_;
  std::string browserContextId_;
  std::string targetId_;
  std::string sessionId_;
};

}  // namespace paraph::print
