#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/JSON/Object.h>

#include "http/Authenticator.h"
#include "http/ServerContext.h"

namespace paraph::http {

// One request of API v1 (docs/openapi.json), /healthz or /metrics: authenticates, routes,
// answers in JSON (errors too), and writes one log line with the request id.
class ApiRequestHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit ApiRequestHandler(ServerContext& context) : context_(context) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

 private:
  void route(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
  const Principal& requireRole(Poco::Net::HTTPServerRequest& request, const std::set<std::string>& roles);

  void health(Poco::Net::HTTPServerResponse& response);
  void metrics(Poco::Net::HTTPServerResponse& response);
  void submit(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
  void listDocuments(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
  void showDocument(const std::string& id, Poco::Net::HTTPServerResponse& response);
  void showVersion(const std::string& id, const std::string& number, Poco::Net::HTTPServerResponse& response);
  void sendVersionFile(const std::string& id, const std::string& number, const std::string& name,
                       Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
  void showJob(const std::string& id, Poco::Net::HTTPServerResponse& response);
  void retryJob(const std::string& id, Poco::Net::HTTPServerResponse& response);
  // Validates (a draft is accepted, marked), stores and queues an input, then answers like a
  // submission; `extra`, when given, is added to the answer under `extraName`.
  void enqueue(const std::string& body, Poco::Net::HTTPServerResponse& response, const std::string& extraName = {},
               const Poco::JSON::Object::Ptr& extra = nullptr);

  // Review and translation exchange (ReviewRoutes.cpp).
  void showReview(const std::string& id, const std::string& number, Poco::Net::HTTPServerResponse& response);
  void versionStep(const std::string& id, const std::string& number, const std::string& step,
                   Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
  void acknowledgeFinding(const std::string& id, const std::string& number, const std::string& findingId,
                          Poco::Net::HTTPServerResponse& response);
  void commentOnSegment(const std::string& id, const std::string& number, const std::string& segmentId,
                        Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
  void exportTranslation(const std::string& id, const std::string& number, Poco::Net::HTTPServerRequest& request,
                         Poco::Net::HTTPServerResponse& response);
  void importTranslation(const std::string& id, const std::string& number, Poco::Net::HTTPServerRequest& request,
                         Poco::Net::HTTPServerResponse& response);
  std::string readComment(Poco::Net::HTTPServerRequest& request);

  // What the website pulls, without a token (PublicRoutes.cpp).
  void publicFile(const std::vector<std::string>& segments, Poco::Net::HTTPServerRequest& request,
                  Poco::Net::HTTPServerResponse& response);
  void feed(const std::string& name, Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

  // The paired review page, for a browser (ReviewPageRoutes.cpp).
  void reviewPage(const std::vector<std::string>& segments, Poco::Net::HTTPServerRequest& request,
                  Poco::Net::HTTPServerResponse& response);
  std::string formToken(const std::string& documentId) const;
  void sendNotModified(Poco::Net::HTTPServerResponse& response);
  void sendStoredFile(Poco::Net::HTTPServerResponse& response, const store::FileRecord& file,
                      const std::string& fileName);
  void sendBytes(Poco::Net::HTTPServerResponse& response, int status, const std::string& contentType,
                 const std::string& bytes);

  std::string readBody(Poco::Net::HTTPServerRequest& request, std::size_t limit);
  void sendJson(Poco::Net::HTTPServerResponse& response, int status, const Poco::JSON::Object& body);
  void sendError(Poco::Net::HTTPServerResponse& response, int status, const std::string& message,
                 const Poco::JSON::Array::Ptr& errors);

  ServerContext& context_;
  std::string requestId_;
  std::optional<Principal> principal_;
  int status_ = 0;
  bool browserPage_ = false;  // errors as an HTML page and a Basic challenge (the review page)
};

}  // namespace paraph::http
