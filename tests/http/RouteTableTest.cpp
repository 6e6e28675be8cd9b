// The route table and docs/openapi.json describe the same routes, methods and roles, both
// ways, so neither can drift from the other.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "http/RouteTable.h"

namespace {

using paraph::http::rolesOf;
using paraph::http::routeTable;

// "GET /api/v1/documents" → its roles.
using Operations = std::map<std::string, std::set<std::string>>;

Operations fromOpenApi() {
  std::ifstream file(std::string(PARAPH_SOURCE_HOME) + "/docs/openapi.json");
  std::ostringstream text;
  text << file.rdbuf();
  const auto root = Poco::JSON::Parser().parse(text.str()).extract<Poco::JSON::Object::Ptr>();
  Operations operations;
  const auto paths = root->getObject("paths");
  for (const auto& [path, item] : *paths) {
    const auto methods = item.extract<Poco::JSON::Object::Ptr>();
    for (const auto& [method, operation] : *methods) {
      if (method == "parameters") continue;
      std::string upper = method;
      for (auto& character : upper) character = static_cast<char>(std::toupper(static_cast<unsigned char>(character)));
      std::set<std::string> roles;
      const auto object = operation.extract<Poco::JSON::Object::Ptr>();
      const auto listed = object->getArray("x-paraph-roles");
      EXPECT_FALSE(listed.isNull()) << upper << " " << path << " has no x-paraph-roles";
      if (!listed.isNull()) {
        for (const auto& role : *listed) roles.insert(role.convert<std::string>());
      }
      operations[upper + " " + path] = roles;
    }
  }
  return operations;
}

Operations fromRouteTable() {
  Operations operations;
  for (const auto& route : routeTable()) {
    operations[route.method + " " + route.pattern] = rolesOf(route.access);
    if (route.alsoHead) operations["HEAD " + route.pattern] = rolesOf(route.access);
  }
  return operations;
}

}  // namespace

TEST(RouteTable, EveryRouteIsInTheOpenApiFileWithTheSameRoles) {
  const auto documented = fromOpenApi();
  for (const auto& [operation, roles] : fromRouteTable()) {
    const auto found = documented.find(operation);
    ASSERT_NE(found, documented.end()) << operation << " is served but not in docs/openapi.json";
    EXPECT_EQ(found->second, roles) << operation;
  }
}

TEST(RouteTable, EveryOperationOfTheOpenApiFileIsServed) {
  const auto served = fromRouteTable();
  for (const auto& [operation, roles] : fromOpenApi()) {
    EXPECT_TRUE(served.contains(operation)) << operation << " is in docs/openapi.json but no route serves it";
  }
}

TEST(RouteTable, APathWithAParameterSuffixMatchesOnlyThatSuffix) {
  const auto pdf = paraph::http::matchRoute("GET", "/api/v1/documents/RP-1/versions/2/fr-nl.pdf");
  ASSERT_NE(pdf.route, nullptr);
  EXPECT_EQ(pdf.route->pattern, "/api/v1/documents/{id}/versions/{n}/{lang}.pdf");
  EXPECT_EQ(pdf.parameters.at("lang"), "fr-nl");
  EXPECT_EQ(pdf.parameters.at("id"), "RP-1");
  const auto wrongMethod = paraph::http::matchRoute("DELETE", "/api/v1/documents/RP-1");
  EXPECT_EQ(wrongMethod.route, nullptr);
  EXPECT_EQ(wrongMethod.samePath.size(), 1u);
  EXPECT_TRUE(paraph::http::matchRoute("GET", "/api/v1/documents/RP-1/versions/2/.pdf").samePath.empty());
}
