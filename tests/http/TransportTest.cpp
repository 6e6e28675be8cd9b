// The HTTP transport through the real server over raw sockets: where a request ends
// (no smuggling behind a proxy), bodiless requests answered at once, and the headers every
// response carries.
#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

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

// Issue 13: no answer may be used by a browser as a page that runs, fetches or is framed.
TEST_F(Transport, EveryAnswerCarriesAContentSecurityPolicy) {
  ApiClient client(port(), kSubmitterToken);
  for (const std::string path : {"/healthz", "/api/v1/documents/NONE", "/no-such-page", "/api/v1/openapi.json"}) {
    EXPECT_EQ(client.get(path).header("Content-Security-Policy"), "default-src 'none'; frame-ancestors 'none'") << path;
  }
  const auto refused = exchange(port(), "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n");
  EXPECT_NE(refused.received.find("Content-Security-Policy: default-src 'none'"), std::string::npos) << refused.received;
  const auto tooLarge = exchange(port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(70000, 'a'));
  EXPECT_EQ(firstStatus(tooLarge.received), 431) << tooLarge.received;
  EXPECT_NE(tooLarge.received.find("Content-Security-Policy: default-src 'none'"), std::string::npos);
}

// Issue 13: a page of another site must not make a visitor's browser change anything.
TEST_F(Transport, AStateChangingApiRequestFromAForeignOriginIsRefused) {
  const std::string host = "localhost:" + std::to_string(port());
  auto post = [&](const std::string& origin) {
    return exchange(port(), "POST /api/v1/documents HTTP/1.1\r\nHost: " + host +
                                "\r\nConnection: close\r\nContent-Type: application/xml\r\n"
                                "Authorization: Bearer " + std::string(kAllRolesToken) + "\r\n" +
                                (origin.empty() ? "" : "Origin: " + origin + "\r\n") +
                                "Content-Length: 4\r\n\r\n<a/>");
  };
  const auto foreign = post("https://evil.example");
  EXPECT_EQ(firstStatus(foreign.received), 403) << foreign.received;
  EXPECT_NE(foreign.received.find("another site"), std::string::npos) << foreign.received;
  EXPECT_EQ(firstStatus(post("null").received), 403);
  // paraph's own origin, and a client that is not a browser (no Origin), get to the route.
  EXPECT_EQ(firstStatus(post("http://" + host).received), 400);
  EXPECT_EQ(firstStatus(post("").received), 400);
  // Reading is not changing: a foreign Origin on a GET is answered as usual.
  const auto read = exchange(port(), "GET /healthz HTTP/1.1\r\nHost: " + host +
                                         "\r\nOrigin: https://evil.example\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(firstStatus(read.received), 200) << read.received;
}

// ------------------------------------------------------------------ slow and idle clients
// Issue 13: a few connections that send nothing, trickle their headers or sit idle after a
// request must not keep anyone else waiting.

namespace {

class Stall : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Every stalling client below comes from 127.0.0.1: the cap per address is raised so
    // that they all stay open (the cap itself is tested in Deadlines).
    server_ = new ServerProcess(testFolder("transport-stall"),
                                "queue.accept_only = true\nserver.max_connections_per_address = 400\n"
                                "server.max_connections = 600\n");
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

ServerProcess* Stall::server_ = nullptr;

std::unique_ptr<Poco::Net::StreamSocket> openConnection(std::uint16_t port) {
  return std::make_unique<Poco::Net::StreamSocket>(Poco::Net::SocketAddress("127.0.0.1", port));
}

// Clients that send a request head one byte a second, as long as the object lives.
class Slowloris {
 public:
  Slowloris(std::uint16_t port, int clients) {
    for (int index = 0; index < clients; ++index) sockets_.push_back(openConnection(port));
    thread_ = std::thread([this] {
      const std::string head = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + std::string(200, 'a');
      for (std::size_t at = 0; at < head.size() && !stop_; ++at) {
        for (auto& socket : sockets_) {
          try {
            socket->sendBytes(&head[at], 1);
          } catch (const Poco::Exception&) {
          }
        }
        for (int tick = 0; tick < 10 && !stop_; ++tick) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
  }
  ~Slowloris() {
    stop_ = true;
    thread_.join();
  }

 private:
  std::vector<std::unique_ptr<Poco::Net::StreamSocket>> sockets_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

std::string healthzClosing() { return "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"; }

}  // namespace

TEST_F(Stall, SilentAndSlowlorisConnectionsDoNotDelayHealthz) {
  std::vector<std::unique_ptr<Poco::Net::StreamSocket>> silent;
  for (int index = 0; index < 16; ++index) silent.push_back(openConnection(port()));
  const Slowloris slowloris(port(), 8);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // every one of them has begun
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto answer = exchange(port(), healthzClosing());
    EXPECT_EQ(firstStatus(answer.received), 200) << answer.received;
    EXPECT_LT(answer.elapsed.count(), 1000) << "healthz took " << answer.elapsed.count() << " ms";
  }
}

TEST_F(Stall, TwoHundredIdleKeepAliveConnectionsDoNotDelayAFreshRequest) {
  std::vector<std::unique_ptr<Poco::Net::StreamSocket>> idle;
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n";
  for (int index = 0; index < 200; ++index) {
    idle.push_back(openConnection(port()));
    idle.back()->sendBytes(request.data(), static_cast<int>(request.size()));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // answered, now idle
  const auto answer = exchange(port(), healthzClosing());
  EXPECT_EQ(firstStatus(answer.received), 200) << answer.received;
  EXPECT_LT(answer.elapsed.count(), 1000) << "a fresh request took " << answer.elapsed.count() << " ms";
  // The idle ones were answered too, and are still open for their next request.
  char buffer[1024];
  idle.front()->setReceiveTimeout(Poco::Timespan(2, 0));
  const int count = idle.front()->receiveBytes(buffer, sizeof buffer);
  ASSERT_GT(count, 12);
  EXPECT_EQ(firstStatus(std::string(buffer, static_cast<std::size_t>(count))), 200);
}

namespace {

class Deadlines : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(testFolder("transport-deadlines"),
                                "queue.accept_only = true\nserver.header_timeout_ms = 1500\n"
                                "server.receive_timeout_ms = 1000\nserver.min_body_bytes_per_s = 100\n"
                                "server.max_connections_per_address = 4\n");
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

ServerProcess* Deadlines::server_ = nullptr;

// Sends `head`, then `trickle` one byte every `pace`, until the server answers or closes.
RawExchange trickle(std::uint16_t port, const std::string& head, const std::string& trickle,
                    std::chrono::milliseconds pace, std::chrono::seconds patience) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
  const auto start = std::chrono::steady_clock::now();
  socket.sendBytes(head.data(), static_cast<int>(head.size()));
  RawExchange result;
  char buffer[4096];
  std::size_t at = 0;
  while (std::chrono::steady_clock::now() - start < patience) {
    if (socket.poll(Poco::Timespan(static_cast<long>(pace.count()) * 1000), Poco::Net::Socket::SELECT_READ)) {
      try {
        const int count = socket.receiveBytes(buffer, sizeof buffer);
        if (count <= 0) {
          result.closed = true;
          break;
        }
        result.received.append(buffer, static_cast<std::size_t>(count));
        continue;
      } catch (const Poco::Exception&) {
        result.closed = true;
        break;
      }
    }
    if (at < trickle.size()) {
      try {
        socket.sendBytes(&trickle[at++], 1);
      } catch (const Poco::Exception&) {
        result.closed = true;
        break;
      }
    }
  }
  result.elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  return result;
}

}  // namespace

TEST_F(Deadlines, AHeadTrickledByteByByteGets408AtTheHeaderDeadline) {
  const auto answer = trickle(port(), "G", "ET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + std::string(500, 'a'),
                              std::chrono::milliseconds(300), std::chrono::seconds(20));
  EXPECT_EQ(firstStatus(answer.received), 408) << answer.received;
  EXPECT_TRUE(answer.closed);
  EXPECT_LT(answer.elapsed.count(), 10000) << "the slow head held its connection " << answer.elapsed.count() << " ms";
}

TEST_F(Deadlines, ABodyTrickledAtOneBytePerSecondIsCutOff) {
  const std::string head =
      "POST /api/v1/documents HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/xml\r\n"
      "Authorization: Bearer " + std::string(kSubmitterToken) + "\r\nContent-Length: 100000\r\n\r\n<";
  const auto answer = trickle(port(), head, std::string(100, 'a'), std::chrono::milliseconds(1000),
                              std::chrono::seconds(20));
  EXPECT_EQ(firstStatus(answer.received), 408) << answer.received;
  EXPECT_TRUE(answer.closed);
  EXPECT_LT(answer.elapsed.count(), 10000) << "the slow body held a thread " << answer.elapsed.count() << " ms";
}

TEST_F(Deadlines, AnIdleKeepAliveConnectionIsClosedAfterItsIdleTime) {
  // server.keep_alive_timeout_ms is 2000 by default.
  const auto answer = exchange(port(), "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n", std::chrono::seconds(10));
  EXPECT_EQ(firstStatus(answer.received), 200) << answer.received;
  EXPECT_TRUE(answer.closed);
}

TEST_F(Deadlines, OneAddressOverItsCapLosesItsOldestIdleConnection) {
  std::vector<std::unique_ptr<Poco::Net::StreamSocket>> silent;
  for (int index = 0; index < 4; ++index) {
    silent.push_back(openConnection(port()));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // an order of age
  }
  const auto answer = exchange(port(), healthzClosing());
  EXPECT_EQ(firstStatus(answer.received), 200) << answer.received;
  // The oldest silent connection was closed for the newcomer; the youngest is still open.
  char byte = 0;
  silent.front()->setReceiveTimeout(Poco::Timespan(1, 0));
  int count = -1;
  try {
    count = silent.front()->receiveBytes(&byte, 1);
  } catch (const Poco::TimeoutException&) {
    count = -1;
  } catch (const Poco::Net::ConnectionResetException&) {
    count = 0;
  }
  EXPECT_EQ(count, 0) << "the oldest connection is still open";
  silent.back()->setReceiveTimeout(Poco::Timespan(0, 300000));
  EXPECT_THROW(silent.back()->receiveBytes(&byte, 1), Poco::TimeoutException);
}

// ------------------------------------------------------------------ stopping
// Issue 13: SIGTERM must answer the connections that have a request, not reset them.

namespace {

bool saysClose(const std::string& answer) {
  return std::regex_search(answer, std::regex("\r\nConnection: *close\r\n", std::regex::icase));
}

}  // namespace

TEST(Drain, SigtermLetsARequestInFlightFinishAndAnswersAWaitingOne503) {
  // Two HTTP threads: two requests whose bodies are still arriving hold them, a third waits.
  ServerProcess server(testFolder("transport-drain"), "queue.accept_only = true\nserver.http_threads = 2\n");
  server.start();
  const std::string body = "<not-a-letter/>    \n";  // 20 bytes
  const std::string head = "POST /api/v1/documents HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/xml\r\n"
                           "Authorization: Bearer " + std::string(kSubmitterToken) +
                           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  const std::string firstPart = head + body.substr(0, 5);
  std::vector<std::unique_ptr<Poco::Net::StreamSocket>> inFlight;
  for (int index = 0; index < 2; ++index) {
    inFlight.push_back(openConnection(server.port()));
    inFlight.back()->sendBytes(firstPart.data(), static_cast<int>(firstPart.size()));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // their bodies are being read
  Poco::Net::StreamSocket waiting(Poco::Net::SocketAddress("127.0.0.1", server.port()));
  const std::string request = healthzClosing();
  waiting.sendBytes(request.data(), static_cast<int>(request.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));

  ASSERT_EQ(::kill(server.pid(), SIGTERM), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const std::string rest = body.substr(5);
  for (auto& socket : inFlight) {
    try {
      socket->sendBytes(rest.data(), static_cast<int>(rest.size()));
    } catch (const Poco::Exception& error) {
      ADD_FAILURE() << "a request in flight was cut off: " << error.displayText();
    }
  }
  auto readAll = [](Poco::Net::StreamSocket& socket) {
    RawExchange result;
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    char buffer[4096];
    try {
      for (int count; (count = socket.receiveBytes(buffer, sizeof buffer)) > 0;) {
        result.received.append(buffer, static_cast<std::size_t>(count));
      }
      result.closed = true;
    } catch (const Poco::Exception& error) {
      result.received += "\n[" + error.displayText() + "]";
    }
    return result;
  };
  for (auto& socket : inFlight) {
    const auto finished = readAll(*socket);
    EXPECT_EQ(firstStatus(finished.received), 400) << finished.received;  // not a letter: refused, but answered
    EXPECT_TRUE(saysClose(finished.received)) << finished.received;
    EXPECT_TRUE(finished.closed) << finished.received;
  }
  const auto refused = readAll(waiting);
  EXPECT_EQ(firstStatus(refused.received), 503) << refused.received;
  EXPECT_TRUE(saysClose(refused.received)) << refused.received;
  EXPECT_TRUE(refused.closed) << refused.received;
  EXPECT_EQ(server.stop(), 0);
}
