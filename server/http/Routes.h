// The handlers of the route table (RouteTable.cpp), one file per resource.
#pragma once

#include <optional>
#include <functional>
#include <string>

#include <Poco/JSON/Object.h>

#include "http/Exchange.h"

namespace paraph::http {

// HealthRoutes.cpp: liveness and readiness, Prometheus metrics, the API description.
void health(Exchange& exchange);
void metrics(Exchange& exchange);
void openApi(Exchange& exchange);

// DocumentRoutes.cpp: submitting a document, listing and showing documents.
void submitDocument(Exchange& exchange);
void listDocuments(Exchange& exchange);
void showDocument(Exchange& exchange);
// Validates (a draft is accepted, marked), stores and queues an input (an amendment with
// its convention's consolidated next version), then answers like a submission; `extra`,
// when given, is added to the answer under `extraName`. Shared with the XLIFF import and the
// workspace's submit page, which gives `answered` to answer in its own way (a 303) instead
// of the JSON (status 200 or 202, and the JSON it would have sent).
using SubmissionAnswer = std::function<void(int status, const Poco::JSON::Object& answer)>;
void enqueueInput(Exchange& exchange, const std::string& body, const std::string& extraName = {},
                  const Poco::JSON::Object::Ptr& extra = nullptr, const SubmissionAnswer& answered = {});

// VersionRoutes.cpp: a version's manifest and its files.
void showVersion(Exchange& exchange);
void versionFile(Exchange& exchange);

// VerificationRoutes.cpp: an uploaded PDF's signature, and whether paraph stored it.
void verifyPdf(Exchange& exchange);

// JobRoutes.cpp: a job's state, and retrying a failed one.
void showJob(Exchange& exchange);
void retryJob(Exchange& exchange);

// ReviewRoutes.cpp: review status, the workflow steps, findings, comments, XLIFF.
void showReview(Exchange& exchange);
void submitForReview(Exchange& exchange);
void approveVersion(Exchange& exchange);
void rejectVersion(Exchange& exchange);
void publishVersion(Exchange& exchange);
void withdrawVersion(Exchange& exchange);
void acknowledgeFinding(Exchange& exchange);
void commentOnSegment(Exchange& exchange);
void exportTranslation(Exchange& exchange);
void importTranslation(Exchange& exchange);

// PublicRoutes.cpp: what the website pulls without a token.
void publicFile(Exchange& exchange);
void feed(Exchange& exchange);
// The feed at feedPath (/feed.atom, /feed/fr.atom, /feed/nl.atom), page `page`, its links on
// baseUrl (scheme://host[:port]); nothing when a page after the first is empty. What the
// feed routes serve and the WebSub hub sends its subscribers.
std::optional<std::string> renderFeed(const ServerContext& context, const std::string& feedPath, int page,
                                      const std::string& baseUrl);

// CallbackRoutes.cpp: registering callbacks, their deliveries, redelivering.
void registerCallback(Exchange& exchange);
void listCallbacks(Exchange& exchange);
void showCallback(Exchange& exchange);
void removeCallback(Exchange& exchange);
void listDeliveries(Exchange& exchange);
void redeliver(Exchange& exchange);

// EventRoutes.cpp: the same events as a Server-Sent Events stream.
void eventStream(Exchange& exchange);

// BatchRoutes.cpp: batches (docs/batch.md): submitting one, its progress, report and files.
void submitBatch(Exchange& exchange);
void showBatch(Exchange& exchange);
void batchReport(Exchange& exchange);
void batchMailRoom(Exchange& exchange);
void batchPdfs(Exchange& exchange);

// WebSubRoutes.cpp: the WebSub hub of the feeds (W3C WebSub).
inline constexpr const char* kWebSubHubPath = "/websub/hub";
void webSubHub(Exchange& exchange);

// ReviewPageRoutes.cpp: the paired review page and its forms.
void reviewPage(Exchange& exchange);
void reviewPageApprove(Exchange& exchange);
void reviewPageReject(Exchange& exchange);
void reviewPageAcknowledge(Exchange& exchange);
void reviewPageComment(Exchange& exchange);

// SignInRoutes.cpp: signing in and out, the interface language, the pages' error page.
void signInPage(Exchange& exchange);
void signIn(Exchange& exchange);
void signOut(Exchange& exchange);
void saveLanguage(Exchange& exchange);

// WorkspaceRoutes.cpp: the documents list, the submit page, a document's page and its steps.
void documentsPage(Exchange& exchange);
void submitPage(Exchange& exchange);
void submitForm(Exchange& exchange);
void documentPage(Exchange& exchange);
void documentAction(Exchange& exchange);

// WorkspaceBatchRoutes.cpp: the workspace's batch pages: sending a batch, its progress.
void batchNewPage(Exchange& exchange);
void batchForm(Exchange& exchange);
void batchPage(Exchange& exchange);

}  // namespace paraph::http
