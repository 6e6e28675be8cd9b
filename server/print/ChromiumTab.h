// One warm Chromium tab, in its own browser context (no cookies, cache or storage shared
// with any other document), attached over a flattened DevTools session.
//
// Nothing leaks: the tab has JavaScript disabled and intercepts every request (Fetch domain).
// A document is loaded by navigating to a fixed fake origin, kDocumentUrl, whose one request
// is answered with the HTML; every other request (network, file://, cloud metadata, iframes,
// images, a second request for kDocumentUrl) is failed before it leaves the browser:
// subresources with BlockedByClient, navigations (frames, meta refresh) with Aborted, which
// leaves the current document in place instead of an error page. The response also carries a Content-Security-Policy allowing only inline styles
// and data: images and fonts, as a second wall.
#pragma once

#include <memory>
#include <string>

#include "print/Deadline.h"

namespace paraph::print {

class DevToolsConnection;

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
  std::string print(const std::string& html, Deadline deadline);

  // Requests blocked since the tab opened (diagnostics and tests).
  unsigned blockedRequests() const;

 private:
  struct Events;

  std::shared_ptr<DevToolsConnection> connection_;
  std::shared_ptr<Events> events_;
  std::string browserContextId_;
  std::string targetId_;
  std::string sessionId_;
};

}  // namespace paraph::print
