// Who may open each workspace page and post each of its forms, against the real server:
// no session, each role, a disabled account, a wrong or missing CSRF token, a form from
// another Origin, an expired session; and that a refusal changes nothing.
#include <gtest/gtest.h>

#include <Poco/String.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <regex>
#include <thread>

#include "http/ApiClient.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"
#include "http/WebSession.h"
#include "support/Command.h"
#include "support/Fixtures.h"

using namespace paraph::testing;

namespace {

constexpr const char* kPassword = "a workspace password";
const std::vector<std::string> kRoles{"submitter", "translator", "reviewer", "publisher"};

class WorkspaceAuth : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<ServerProcess>(testFolder("workspace-auth"));
    for (const auto& role : kRoles) server_->addUser(role, role, kPassword);
    server_->addUser("admin", "admin", kPassword);
    server_->addUser("gone", "reviewer", kPassword);
    const auto disabled = runParaph("user disable gone --data " + server_->dataDir().string());
    ASSERT_EQ(disabled.exitCode, 0) << disabled.output;
    const auto issued = runParaph("token issue robot --role submitter --data " + server_->dataDir().string());
    ASSERT_EQ(issued.exitCode, 0) << issued.output;
    robotToken_ = issued.output.substr(0, issued.output.find('\n'));
    server_->start();
    ApiClient submitter(server_->port(), kSubmitterToken);
    const std::string letter = withDocumentId(firstLetter(), "WS-AUTH-1");
    const auto accepted = submitter.post("/api/v1/documents", letter);
    ASSERT_EQ(accepted.status, 202) << accepted.body;
    const auto job = submitter.waitForJob(accepted.json()->getValue<std::int64_t>("job"));
    ASSERT_EQ(job->getValue<std::string>("state"), "done") << server_->log();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->stop(), 0) << server_->log();
    server_.reset();
    std::filesystem::remove_all(testFolder("workspace-auth"));
  }

  static WebSession signedIn(const std::string& name) {
    WebSession session(server_->port());
    const auto answer = session.signIn(name, kPassword);
    EXPECT_EQ(answer.status, 303) << name << ": " << answer.body;
    EXPECT_FALSE(session.cookie("paraph_session").empty()) << name;
    return session;
  }
  static std::int64_t documentCount() {
    return ApiClient(server_->port(), kAdminToken).get("/api/v1/documents").json()->getValue<std::int64_t>("total");
  }
  static std::string state(const std::string& id, int number) {
    return ApiClient(server_->port(), kAdminToken)
        .get("/api/v1/documents/" + id + "/versions/" + std::to_string(number) + "/review")
        .json()
        ->getValue<std::string>("state");
  }
  static std::map<std::string, std::string> letterForm(const std::string& id) {
    return {{"xml", withDocumentId(firstLetter(), id)}};
  }

  static std::unique_ptr<ServerProcess> server_;
  static std::string robotToken_;
};

std::unique_ptr<ServerProcess> WorkspaceAuth::server_;
std::string WorkspaceAuth::robotToken_;

const std::vector<std::string> kPages{"/", "/submit", "/documents/WS-AUTH-1", "/review/WS-AUTH-1"};

}  // namespace

TEST_F(WorkspaceAuth, WithoutASessionEveryPageSendsToSignInAndEveryFormIsRefused) {
  ApiClient anonymous(server_->port());
  for (const auto& page : kPages) {
    const auto answer = anonymous.get(page);
    EXPECT_EQ(answer.status, 303) << page;
    EXPECT_TRUE(answer.header("Location").starts_with("/signin?next=")) << page << ": " << answer.header("Location");
  }
  const auto before = documentCount();
  WebSession stranger(server_->port());
  stranger.get("/signin");  // a sign-in cookie and token, but no session
  EXPECT_EQ(stranger.postForm("/submit", letterForm("WS-AUTH-ANON")).status, 403);
  EXPECT_EQ(stranger.postForm("/documents/WS-AUTH-1/versions/1/approve", {{"confirm", "yes"}}).status, 403);
  EXPECT_EQ(stranger.postForm("/language", {{"language", "nl"}}).status, 403);
  EXPECT_EQ(stranger.postForm("/signout", {}).status, 403);
  EXPECT_EQ(documentCount(), before);
  EXPECT_EQ(state("WS-AUTH-1", 1), "in-review");
}

TEST_F(WorkspaceAuth, EachRoleOpensThePagesItMayAndNoOther) {
  for (const auto& name : {"submitter", "translator", "reviewer", "publisher", "admin"}) {
    auto session = signedIn(name);
    for (const auto& page : kPages) {
      const bool submitPage = page == "/submit";
      const bool allowed = !submitPage || std::string(name) == "submitter" || std::string(name) == "admin";
      const auto answer = session.get(page);
      EXPECT_EQ(answer.status, allowed ? 200 : 403) << name << " " << page << ": " << answer.body.substr(0, 300);
      EXPECT_NE(answer.header("Content-Type").find("text/html"), std::string::npos) << page;
      EXPECT_EQ(answer.header("Cache-Control"), "no-store") << page;
      EXPECT_NE(answer.header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos) << page;
      EXPECT_EQ(answer.header("Content-Security-Policy").find("script-src"), std::string::npos) << page;
    }
  }
}

TEST_F(WorkspaceAuth, TheSessionCookieIsHttpOnlyStrictAndTheSignInMessageSaysNothingAboutTheAccount) {
  WebSession browser(server_->port());
  browser.get("/signin");
  const auto wrong = browser.postForm("/signin", {{"name", "reviewer"}, {"password", "not the password"}, {"next", "/"}});
  EXPECT_EQ(wrong.status, 401);
  browser.get("/signin");
  const auto unknown = browser.postForm("/signin", {{"name", "nobody-here"}, {"password", kPassword}, {"next", "/"}});
  EXPECT_EQ(unknown.status, 401);
  browser.get("/signin");
  const auto disabled = browser.postForm("/signin", {{"name", "gone"}, {"password", kPassword}, {"next", "/"}});
  EXPECT_EQ(disabled.status, 401);
  const std::string message = "Nom d’utilisateur ou mot de passe incorrect.";
  for (const auto* answer : {&wrong, &unknown, &disabled}) {
    EXPECT_NE(answer->body.find(message), std::string::npos) << answer->body;
    EXPECT_EQ(answer->setCookies.size(), 1u);  // a new sign-in cookie only, no session
  }
  EXPECT_TRUE(browser.cookie("paraph_session").empty());

  WebSession fine(server_->port());
  const auto signedInAnswer = fine.signIn("reviewer", kPassword, "/documents/WS-AUTH-1");
  ASSERT_EQ(signedInAnswer.status, 303);
  EXPECT_EQ(signedInAnswer.header("Location"), "/documents/WS-AUTH-1");
  std::string sessionCookie;
  for (const auto& cookie : signedInAnswer.setCookies) {
    if (cookie.starts_with("paraph_session=")) sessionCookie = cookie;
  }
  EXPECT_NE(sessionCookie.find("HttpOnly"), std::string::npos) << sessionCookie;
  EXPECT_NE(sessionCookie.find("SameSite=Strict"), std::string::npos) << sessionCookie;
  EXPECT_NE(Poco::toLower(sessionCookie).find("path=/"), std::string::npos) << sessionCookie;
  EXPECT_EQ(sessionCookie.find("Secure"), std::string::npos) << "http://: no Secure";
  EXPECT_EQ(fine.cookie("paraph_session").size(), 64u);  // 256 random bits as hex
  // Somewhere outside this server is never where sign-in goes on to.
  WebSession elsewhere(server_->port());
  EXPECT_EQ(elsewhere.signIn("reviewer", kPassword, "//evil.example/").header("Location"), "/");
}

TEST_F(WorkspaceAuth, AFormWithoutTheRightCsrfTokenOrFromAnotherOriginChangesNothing) {
  auto submitter = signedIn("submitter");
  auto reviewer = signedIn("reviewer");
  ASSERT_EQ(submitter.get("/submit").status, 200);
  ASSERT_EQ(reviewer.get("/documents/WS-AUTH-1").status, 200);
  const auto before = documentCount();
  auto noToken = letterForm("WS-AUTH-CSRF");
  noToken["csrf"] = "";
  EXPECT_EQ(submitter.postForm("/submit", noToken).status, 403);
  auto wrongToken = letterForm("WS-AUTH-CSRF");
  wrongToken["csrf"] = std::string(64, 'a');
  EXPECT_EQ(submitter.postForm("/submit", wrongToken).status, 403);
  // Another user's token is worth nothing in this session.
  auto othersToken = letterForm("WS-AUTH-CSRF");
  othersToken["csrf"] = reviewer.csrf();
  EXPECT_EQ(submitter.postForm("/submit", othersToken).status, 403);
  EXPECT_EQ(submitter.postForm("/submit", letterForm("WS-AUTH-CSRF"), {{"Origin", "https://evil.example"}}).status, 403);
  EXPECT_EQ(submitter.postForm("/submit", letterForm("WS-AUTH-CSRF"), {{"Origin", "null"}}).status, 403);
  EXPECT_EQ(documentCount(), before);

  EXPECT_EQ(reviewer.postForm("/documents/WS-AUTH-1/versions/1/approve", {{"confirm", "yes"}, {"csrf", ""}}).status, 403);
  EXPECT_EQ(reviewer.postForm("/documents/WS-AUTH-1/versions/1/approve", {{"confirm", "yes"}},
                              {{"Origin", "http://127.0.0.1:1"}}).status, 403);
  EXPECT_EQ(reviewer.postForm("/signout", {{"csrf", "0"}}).status, 403);
  EXPECT_EQ(reviewer.get("/").status, 200);  // still signed in
  EXPECT_EQ(state("WS-AUTH-1", 1), "in-review");
}

TEST_F(WorkspaceAuth, TheStepsFollowTheRolesAndNeedConfirmation) {
  auto submitter = signedIn("submitter");
  ASSERT_EQ(submitter.get("/documents/WS-AUTH-1").status, 200);
  EXPECT_EQ(submitter.postForm("/documents/WS-AUTH-1/versions/1/approve", {{"confirm", "yes"}}).status, 403);
  auto translator = signedIn("translator");
  ASSERT_EQ(translator.get("/").status, 200);
  EXPECT_EQ(translator.postForm("/submit", letterForm("WS-AUTH-T")).status, 403);
  auto reviewer = signedIn("reviewer");
  const auto page = reviewer.get("/documents/WS-AUTH-1");
  EXPECT_NE(page.body.find("data-step=\"approve\""), std::string::npos);
  EXPECT_EQ(page.body.find("data-step=\"publish\""), std::string::npos);  // a reviewer does not publish
  EXPECT_EQ(reviewer.postForm("/documents/WS-AUTH-1/versions/1/approve", {}).status, 400);  // not confirmed
  EXPECT_EQ(state("WS-AUTH-1", 1), "in-review");
  const auto approved = reviewer.postForm("/documents/WS-AUTH-1/versions/1/approve", {{"confirm", "yes"}});
  EXPECT_EQ(approved.status, 303) << approved.body;
  EXPECT_EQ(approved.header("Location"), "/documents/WS-AUTH-1?done=1");
  EXPECT_EQ(state("WS-AUTH-1", 1), "approved");
}

TEST_F(WorkspaceAuth, ASubmitterSubmitsThroughThePageAndAnInvalidDocumentIsNotStored) {
  auto submitter = signedIn("submitter");
  ASSERT_EQ(submitter.get("/submit").status, 200);
  const auto before = documentCount();
  std::string broken = withDocumentId(firstLetter(), "WS-AUTH-BAD");
  broken = std::regex_replace(broken, std::regex("</decision>"), "</decision><unexpected/>",
                              std::regex_constants::format_first_only);
  const auto refused = submitter.postForm("/submit", {{"xml", broken}});
  EXPECT_EQ(refused.status, 422) << refused.body.substr(0, 500);
  EXPECT_NE(refused.body.find("class=\"ws-error\" data-line=\""), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("<mark>"), std::string::npos);
  EXPECT_EQ(documentCount(), before);
  const auto accepted = submitter.postForm("/submit", letterForm("WS-AUTH-NEW"));
  EXPECT_EQ(accepted.status, 303) << accepted.body.substr(0, 500);
  EXPECT_TRUE(accepted.header("Location").starts_with("/documents/WS-AUTH-NEW?submitted=")) << accepted.header("Location");
  // The document's page answers at once (its job pending), and the document is made.
  EXPECT_EQ(submitter.get(accepted.header("Location")).status, 200);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (documentCount() == before && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_EQ(documentCount(), before + 1);
}

TEST_F(WorkspaceAuth, SignOutEndsTheSessionOnTheServer) {
  auto session = signedIn("publisher");
  const std::string cookie = session.cookie("paraph_session");
  ASSERT_EQ(session.get("/").status, 200);
  const auto out = session.postForm("/signout", {});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.header("Location"), "/signin?signed-out=1");
  // The old cookie, replayed, opens nothing.
  WebSession replay(server_->port());
  replay.setCookie("paraph_session", cookie);
  EXPECT_EQ(replay.get("/").status, 303);
}

TEST_F(WorkspaceAuth, TheApiTakesIssuedTokensAndASessionOnlyWithItsCsrfHeader) {
  EXPECT_EQ(ApiClient(server_->port(), robotToken_).get("/api/v1/documents").status, 200);
  EXPECT_EQ(ApiClient(server_->port(), "paraph_" + std::string(64, '0')).get("/api/v1/documents").status, 401);
  auto session = signedIn("submitter");
  ASSERT_EQ(session.get("/").status, 200);
  EXPECT_EQ(session.get("/api/v1/documents").status, 200);
  const auto before = documentCount();
  const std::string letter = withDocumentId(firstLetter(), "WS-AUTH-API");
  EXPECT_EQ(session.postRaw("/api/v1/documents", letter, "application/xml").status, 403);
  EXPECT_EQ(documentCount(), before);
  const auto accepted = session.postRaw("/api/v1/documents", letter, "application/xml", {{"X-CSRF-Token", session.csrf()}});
  EXPECT_EQ(accepted.status, 202) << accepted.body;
}

TEST_F(WorkspaceAuth, AfterFiveFailuresForOneAccountTheNextAttemptWaitsAndIsLogged) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    WebSession guess(server_->port());
    EXPECT_EQ(guess.signIn("translator", "wrong " + std::to_string(attempt)).status, 401);
  }
  WebSession owner(server_->port());
  const auto throttled = owner.signIn("translator", kPassword);  // even the right password waits
  EXPECT_EQ(throttled.status, 429) << throttled.body.substr(0, 400);
  EXPECT_FALSE(throttled.header("Retry-After").empty());
  EXPECT_NE(throttled.body.find("Trop de tentatives"), std::string::npos);
  EXPECT_TRUE(owner.cookie("paraph_session").empty());
  EXPECT_NE(server_->log().find("\"event\":\"sign_in_throttled\""), std::string::npos);
  EXPECT_EQ(server_->log().find(kPassword), std::string::npos) << "a password reached the log";
  // Another account is not held back.
  signedIn("publisher");
}

TEST(WorkspaceSession, AnIdleSessionExpiresAndItsFormsAreRefused) {
  const auto folder = testFolder("workspace-idle");
  ServerProcess server(folder, "queue.accept_only = true\nauth.session_idle_timeout_s = 2\n");
  server.addUser("reviewer", "reviewer", kPassword);
  server.start();
  WebSession session(server.port());
  ASSERT_EQ(session.signIn("reviewer", kPassword).status, 303);
  ASSERT_EQ(session.get("/").status, 200);
  std::this_thread::sleep_for(std::chrono::seconds(4));
  const auto expired = session.get("/");
  EXPECT_EQ(expired.status, 303);
  EXPECT_NE(expired.header("Location").find("expired=1"), std::string::npos) << expired.header("Location");
  EXPECT_EQ(session.postForm("/language", {{"language", "nl"}}).status, 403);
  const auto signInPage = session.get(expired.header("Location"));
  EXPECT_NE(signInPage.body.find("Votre session a pris fin."), std::string::npos);
  EXPECT_EQ(server.stop(), 0) << server.log();
  std::filesystem::remove_all(folder);
}

TEST(WorkspaceBrowser, ANewcomerSignsInSubmitsAfterAnErrorAndSignsOutInChromium) {
  const auto folder = testFolder("workspace-browser");
  ServerProcess server(folder);
  server.addUser("alice", "submitter", kPassword);
  server.start();
  const std::string valid = withDocumentId(firstLetter(), "WS-BROWSER-1");
  const auto at = valid.find("</decision>");
  ASSERT_NE(at, std::string::npos);
  const int line = 1 + static_cast<int>(std::count(valid.begin(), valid.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  std::string invalid = valid;
  invalid.insert(at, "<unexpected/>");
  std::ofstream(folder / "invalid.xml", std::ios::binary) << invalid;
  std::ofstream(folder / "valid.xml", std::ios::binary) << valid;
  const std::string script = (kHome / "tests" / "browser" / "workspace.js").string();
  const auto run = runCommand("node " + script + " http://127.0.0.1:" + std::to_string(server.port()) + " alice '" +
                              kPassword + "' " + (folder / "invalid.xml").string() + " " + std::to_string(line) + " " +
                              (folder / "valid.xml").string() + " WS-BROWSER-1");
  EXPECT_EQ(run.exitCode, 0) << run.output << server.log();
  EXPECT_EQ(server.stop(), 0) << server.log();
  std::filesystem::remove_all(folder);
}
