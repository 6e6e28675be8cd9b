// What every page for a person at a browser shares (workspace, sign-in, review page): its
// security headers, its model's common part, sending it, and the 303 after a form.
#pragma once

#include <string>

#include "http/Exchange.h"
#include "workspace/WorkspacePage.h"

namespace paraph::http {

// No script, nothing from anywhere, framed by nobody, never cached (so the back button after
// sign-out asks the server again, and gets the sign-in page).
void securePage(Poco::Net::HTTPServerResponse& response);

// <w:page name> with who is signed in, the session's CSRF token, the roles' links and the
// path of the page (to come back to after changing language).
workspace::PageModel newPage(const Exchange& exchange, const std::string& name);

void sendPage(Exchange& exchange, int status, const workspace::PageModel& model);
// Post/Redirect/Get: 303 to a path of this server.
void redirect(Exchange& exchange, const std::string& location);
// The workspace's error page, in the interface language, for an HttpError of a page.
std::string errorPageFor(Exchange& exchange, int status, const std::string& message);

// A path on this server to go on to after a form ("/…", not "//host"); "/" otherwise.
std::string localPath(const std::string& wanted);

}  // namespace paraph::http
