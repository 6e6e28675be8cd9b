// Usage: paraph_loadtest --port N --token T --letter FILE [--clients N] [--seconds T] [--server-pid PID]
// Loopback only. Each client submits the letter under a fresh document id (so every
// submission is a new version, not a dedup hit), polls its job until done, and repeats.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include "LoadResult.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr auto kPollInterval = 10ms;
constexpr auto kDrainBound = 120s;  // after T, in-flight jobs get this long to finish
constexpr unsigned kMaxClients = 256;

struct Options {
  std::uint16_t port = 0;
  std::string token;
  std::string letter;
  unsigned clients = 1;
  unsigned seconds = 20;
  long serverPid = 0;
};

Options parse(int argc, char** argv) {
  Options options;
  std::map<std::string, std::string> values;
  for (int index = 1; index + 1 < argc; index += 2) values[argv[index]] = argv[index + 1];
  options.port = static_cast<std::uint16_t>(std::stoul(values.at("--port")));
  options.token = values.at("--token");
  options.letter = values.at("--letter");
  if (values.contains("--clients")) options.clients = static_cast<unsigned>(std::stoul(values["--clients"]));
  if (values.contains("--seconds")) options.seconds = static_cast<unsigned>(std::stoul(values["--seconds"]));
  if (values.contains("--server-pid")) options.serverPid = std::stol(values["--server-pid"]);
  if (options.clients == 0 || options.clients > kMaxClients) throw std::runtime_error("--clients: 1 to 256");
  if (options.seconds == 0 || options.seconds > 3600) throw std::runtime_error("--seconds: 1 to 3600");
  return options;
}

struct Reply {
  int status = 0;
  std::string body;
};

Reply exchange(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& path,
               const std::string& token, const std::string& body) {
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setKeepAlive(true);
  request.set("Authorization", "Bearer " + token);
  if (method == "POST") {
    request.setContentType("application/xml");
    request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  }
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  auto& stream = session.receiveResponse(response);
  Reply reply;
  reply.status = static_cast<int>(response.getStatus());
  Poco::StreamCopier::copyToString(stream, reply.body);
  return reply;
}

std::string field(const std::string& json, const std::string& name) {
  Poco::JSON::Parser parser;
  return parser.parse(json).extract<Poco::JSON::Object::Ptr>()->get(name).toString();
}

// kB from /proc/<pid>/status: the server's own memory; Chromium runs in child processes.
long statusKb(long pid, const std::string& key) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with(key + ":")) return std::stol(line.substr(key.size() + 1));
  }
  return 0;
}

void client(const Options& options, unsigned number, const std::string& letter, Clock::time_point end,
            paraph::loadtest::LoadResult& result) {
  Poco::Net::HTTPClientSession session("127.0.0.1", options.port);
  session.setKeepAlive(true);
  session.setTimeout(Poco::Timespan(60, 0));
  const std::regex idAttribute(R"re( id="[^"]*")re");
  const std::string run = std::to_string(::getpid());
  for (unsigned long sequence = 0; Clock::now() < end; ++sequence) {
    const std::string id = "LOAD-" + run + "-" + std::to_string(number) + "-" + std::to_string(sequence);
    const std::string xml =
        std::regex_replace(letter, idAttribute, " id=\"" + id + "\"", std::regex_constants::format_first_only);
    try {
      const auto submitted = Clock::now();
      const auto answer = exchange(session, "POST", "/api/v1/documents", options.token, xml);
      result.status(answer.status);
      if (answer.status == 503) {
        std::this_thread::sleep_for(100ms);  // backpressure: a real client would honour Retry-After
        continue;
      }
      if (answer.status != 202) continue;
      result.accepted();
      const std::string statusUrl = field(answer.body, "status_url");
      const auto drainEnd = end + kDrainBound;
      for (;;) {
        std::this_thread::sleep_for(kPollInterval);
        const auto job = exchange(session, "GET", statusUrl, options.token, "");
        const std::string state = job.status == 200 ? field(job.body, "state") : "http " + std::to_string(job.status);
        if (state == "done") {
          result.completed(Clock::now() - submitted);
          break;
        }
        if (state == "failed" || job.status != 200) {
          result.failedJob();
          break;
        }
        if (Clock::now() > drainEnd) {
          result.error("job not finished in time");
          break;
        }
      }
    } catch (const std::exception& error) {
      result.error(std::string("connection: ") + error.what());
      session.reset();
      std::this_thread::sleep_for(100ms);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  try {
    options = parse(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "paraph_loadtest: " << error.what()
              << "\nusage: paraph_loadtest --port N --token T --letter FILE [--clients N] [--seconds T] "
                 "[--server-pid PID]\n";
    return 2;
  }
  std::ifstream stream(options.letter, std::ios::binary);
  std::ostringstream letter;
  letter << stream.rdbuf();

  paraph::loadtest::LoadResult result;
  const auto start = Clock::now();
  const auto end = start + std::chrono::seconds(options.seconds);
  std::atomic<bool> running{true};
  long peakRssKb = 0;
  std::thread sampler([&] {
    while (running && options.serverPid > 0) {
      peakRssKb = std::max(peakRssKb, statusKb(options.serverPid, "VmRSS"));
      std::this_thread::sleep_for(200ms);
    }
  });
  std::vector<std::thread> clients;
  for (unsigned number = 0; number < options.clients; ++number) {
    clients.emplace_back(client, std::cref(options), number, letter.str(), end, std::ref(result));
  }
  for (auto& thread : clients) thread.join();
  running = false;
  sampler.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::cout << "clients    " << options.clients << ", submitting for " << options.seconds << " s (run "
            << static_cast<int>(seconds) << " s with the last jobs)\n"
            << result.report(seconds);
  if (options.serverPid > 0) {
    std::cout << "server RSS " << peakRssKb / 1024 << " MB peak during the run, " << statusKb(options.serverPid, "VmHWM") / 1024
              << " MB high-water mark (pid " << options.serverPid << ", without its Chromium children)\n";
  }
  return 0;
}
