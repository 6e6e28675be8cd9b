// The HTTP transport through the real server over raw sockets: where a request ends
// (no smuggling behind a proxy), bodiless requests answered at once, and the headers every
// response carries.
#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>

#include "http/ApiClient.h"
#include "http/Letters.h"
#include "http/ServerProcess.h"
#include "xml/Sha256.h"

using namespace paraph::testing;

namespace {

constexpr const char* kAllRolesToken = "test-all-roles-token";

struct RawExchange {
  std::string received;  // every byte the server sent
  bool closed = false;   // the server closed the connection (rather than the wait running out)
  std::chrono::milliseconds elapsed{0};
};

// Sends bytes as they are and reads until the server closes or is silent for `patience`.
RawExchange exchange(std::uint16_t port, const std::string& bytes,
                     std::chrono::milliseconds patience = std::chrono::milliseconds(3000)) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
  socket.setReceiveTimeout(Poco::Timespan(static_cast<long>(patience.count() / 1000),
                                          static_cast<long>((patience.count() % 1000) * 1000)));
  const auto start = std::chrono::steady_clock::now();
  socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
  RawExchange result;
  char buffer[4096];
  try {
    for (;;) {
      const int count = socket.receiveBytes(buffer, sizeof buffer);
      if (count <= 0) {
        result.closed = true;
        break;
      }
      result.received.append(buffer, static_cast<std::size_t>(count));
      result.elapsed =
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    }
  } catch (const Poco::TimeoutException&) {
  } catch (const Poco::Net::ConnectionResetException&) {
    result.closed = true;
  }
  return result;
}

std::size_t countAnswers(const std::string& received) {
  std::size_t count = 0;
  for (std::size_t at = received.find("HTTP/1.1 "); at != std::string::npos; at = received.find("HTTP/1.1 ", at + 1)) {
    ++count;
  }
  return count;
}

int firstStatus(const std::string& received) {
  return received.size() > 12 && received.starts_with("HTTP/1.1 ") ? std::stoi(received.substr(9, 3)) : 0;
}

class Transport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(testFolder("transport"),
                                "queue.accept_only = true\nauth.token.all = " +
                                    paraph::xml::sha256Hex(kAllRolesToken) +
                                    ":submitter,translator,reviewer,publisher,admin\n");
    server_->start();
  }
  static void TearDownTestSuite() {
    server_->stop();
    delete server_;
    server_ = nullptr;
  }
  static std::uint16_t port() { return server_->port(); }
  static ServerProcess* server_;
};

ServerProcess* Transport::server_ = nullptr;

void expectOneAnswerThenClose(const RawExchange& answer, int status) {
  EXPECT_EQ(countAnswers(answer.received), 1u) << answer.received;
  EXPECT_EQ(firstStatus(answer.received), status) << answer.received;
  EXPECT_TRUE(answer.closed) << "the connection stayed open after:\n" << answer.received;
}

}  // namespace

TEST_F(Transport, ABodyAnsweredUnreadIsNeverParsedAsTheNextRequest) {
  const std::string smuggled = "GET /healthz?x HTTP/1.1\r\nHost: localhost\r\n\r\n";
  const auto answer = exchange(port(), "POST /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: " +
                                           std::to_string(smuggled.size()) + "\r\n\r\n" + smuggled);
  expectOneAnswerThenClose(answer, 405);
}

TEST_F(Transport, ContentLengthWithChunkedIsRefusedAndClosed) {
  const auto answer = exchange(port(),
                               "POST /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /healthz?x HTTP/1.1\r\nHost: x\r\n\r\n");
  expectOneAnswerThenClose(answer, 400);
}

TEST_F(Transport, TwoDifferentContentLengthsAreRefusedAndClosed) {
  const auto answer = exchange(port(),
                               "POST /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                               "Content-Length: 38\r\n\r\nGET /healthz?x HTTP/1.1\r\nHost: x\r\n\r\n");
  expectOneAnswerThenClose(answer, 400);
}

TEST_F(Transport, ANegativeContentLengthIsRefusedAndClosed) {
  const auto answer = exchange(port(),
                               "POST /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\n"
                               "GET /healthz?x HTTP/1.1\r\nHost: x\r\n\r\n");
  expectOneAnswerThenClose(answer, 400);
}

TEST_F(Transport, AKeepAliveGetStillServesTheNextRequestOnTheSameConnection) {
  const auto answer = exchange(port(),
                               "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
                               "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(countAnswers(answer.received), 2u) << answer.received;
}

// Issue 19: a POST with neither Content-Length nor Transfer-Encoding has no body (RFC 9112
// §6.3); every POST route of the API answers it at once instead of waiting for a body.
TEST_F(Transport, EveryPostRouteAnswersABodilessRequestAtOnce) {
  std::ifstream file(std::string(PARAPH_SOURCE_HOME) + "/docs/openapi.json");
  std::stringstream text;
  text << file.rdbuf();
  const auto paths =
      Poco::JSON::Parser().parse(text.str()).extract<Poco::JSON::Object::Ptr>()->getObject("paths");
  std::size_t routes = 0;
  for (const auto& [path, operations] : *paths) {
    if (!operations.extract<Poco::JSON::Object::Ptr>()->has("post")) continue;
    ++routes;
    const std::string concrete = std::regex_replace(path, std::regex("\\{[^}]*\\}"), "1");
    const auto answer = exchange(port(), "POST " + concrete +
                                             " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                             "Authorization: Bearer " + std::string(kAllRolesToken) + "\r\n\r\n");
    EXPECT_GT(firstStatus(answer.received), 0) << concrete << " gave no answer";
    EXPECT_LT(answer.elapsed.count(), 1000) << concrete << " took " << answer.elapsed.count() << " ms";
  }
  EXPECT_GE(routes, 10u);
}

TEST_F(Transport, EveryResponseSaysNoSniff) {
  ApiClient client(port(), kSubmitterToken);
  for (const std::string path : {"/healthz", "/api/v1/documents/NONE", "/no-such-page", "/api/v1/openapi.json"}) {
    EXPECT_EQ(client.get(path).header("X-Content-Type-Options"), "nosniff") << path;
  }
  const auto refused = exchange(port(), "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n");
  EXPECT_NE(refused.received.find("X-Content-Type-Options: nosniff"), std::string::npos) << refused.received;
}
