#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "http/Exchange.h"

namespace paraph::http {

// Who may call a route.
enum class Access {
  everyone,    // no credentials: health, public files, feeds
  readers,     // a bearer token with any role
  submitters,  // submitter or admin
  admins,      // admin
  signIn,      // the sign-in page: no credentials (its form has a CSRF token of its own)
  pages,       // a signed-in person (session cookie), any role: workspace and review pages
  submitterPages,  // a signed-in submitter or admin: the submit page
};

// Pages for a person at a browser: signed in by session, forms checked for CSRF and Origin,
// errors as HTML pages in the interface language.
bool isPage(Access access);

// One row of the route table: the method and path (as docs/openapi.json writes them, with
// {parameters}; a segment may be "{lang}.html"), who may call it, and its handler.
struct Route {
  std::string method;
  std::string pattern;
  Access access = Access::readers;
  void (*handle)(Exchange&) = nullptr;
  bool alsoHead = false;  // GET routes a reader may check without the body (Poco sends none)
};

// Every route paraph serves, in matching order (a literal segment before a parameter).
const std::vector<Route>& routeTable();

// The roles an access level asks for (empty: none), as docs/openapi.json lists them.
std::set<std::string> rolesOf(Access access);

struct RouteMatch {
  const Route* route = nullptr;                   // the route for this method and path
  std::map<std::string, std::string> parameters;  // decoded path parameters
  std::vector<const Route*> samePath;             // every route with this path, any method
};

// The route for a method and a (decoded) path; route is null when none has that method
// (samePath says whether the path exists at all).
RouteMatch matchRoute(const std::string& method, const std::string& path);

}  // namespace paraph::http
