#include "http/Serve.h"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>

#include "http/Authenticator.h"
#include "http/BatchMailRoom.h"
#include "http/ConnectionFront.h"
#include "http/Integrations.h"
#include "http/JobRunner.h"
#include "http/JsonLog.h"
#include "http/Metrics.h"
#include "http/RequestHandlerFactory.h"
#include "http/ServerContext.h"
#include "http/TerminationSignal.h"
#include "http/TransportHandlerFactory.h"
#include "http/WorkerPool.h"
#include "pipeline/Pipeline.h"
#include "review/QaChecker.h"
#include "review/ReviewPage.h"
#include "review/XliffExporter.h"
#include "store/Credentials.h"
#include "store/SqliteStore.h"
#include "workspace/WorkspacePage.h"

namespace paraph::http {
namespace {

std::string readOptionalFile(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return {};
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

// Request ids are <random prefix>-<counter>: unique across restarts, cheap to make.
std::string randomPrefix() {
  std::random_device device;
  std::ostringstream text;
  text << std::hex << (device() & 0xffffffu);
  return text.str();
}


}  // namespace

int serve(config::Settings settings) {
  JsonLog log(std::cout);
  TerminationSignal termination;  // before any thread starts, so every thread shares it

  const pipeline::Pipeline pipeline(pipeline::Home::locate(settings.home), settings.parse);
  settings.print.stylesDir = pipeline.home().styles().string();
  // Browser profiles live in the data folder, so that a restart finds and ends what a crashed
  // server left behind (print/BrowserProcessRecord).
  settings.print.profilesDir = (std::filesystem::path(settings.store.dataDir) / "browser-profiles").string();

  store::SqliteStore store(settings.store.dataDir, settings.store.busyTimeout);
  if (store.recoveredJobs() > 0) {
    Poco::JSON::Object fields;
    fields.set("jobs", store.recoveredJobs());
    log.warning("jobs_recovered", fields);
  }

  std::unique_ptr<print::PrintEngine> engine;
  if (!settings.queue.acceptOnly) engine = print::makeEngine(settings.print);

  const review::QaChecker qa(pipeline.texts());
  const print::ArchiveStep archive(settings.archive, pipeline.texts());
  if (!archive.signs()) log.warning("no_seal", Poco::JSON::Object());  // PDF/A, but unsigned
  const document::DocumentService service(pipeline, qa, engine.get(), settings.parse, &archive, settings.document);
  const review::XliffExporter xliff(pipeline.texts());
  const review::ReviewPage reviewPage(pipeline.texts());
  const workspace::WorkspacePage workspacePage(pipeline.texts());
  Metrics metrics;
  const Authenticator authenticator(settings.tokens, store);
  if (authenticator.empty()) log.warning("no_tokens", Poco::JSON::Object());

  std::unique_ptr<JobRunner> runner;
  std::unique_ptr<WorkerPool> workers;
  if (engine) {
    const unsigned count = settings.queue.workers > 0 ? settings.queue.workers
                                                      : std::max(1u, std::thread::hardware_concurrency());
    runner = std::make_unique<JobRunner>(service, *engine, store, metrics, log, settings.queue.jobTimeout);
    workers = std::make_unique<WorkerPool>(count, *runner, store, log);
  }

  ServerContext context{settings,      pipeline,      service,
                        xliff,         reviewPage,    engine.get(),
                        store,         metrics,       log,
                        authenticator, workers.get(), readOptionalFile(pipeline.home().root / "docs" / "openapi.json"),
                        randomPrefix(),
                        // The forms' CSRF key: in the store, so that a restart or another node
                        // accepts the forms of pages already open.
                        store.secret("csrf", store::randomHex(32)),
                        &workspacePage};

  Integrations integrations(context);
  context.integrations = &integrations;
  integrations.start();
  // The batches' mail-room files, when there is an engine to print their first pages.
  std::unique_ptr<BatchMailRoom> mailRoom;
  if (engine) {
    mailRoom = std::make_unique<BatchMailRoom>(service, store, log);
    mailRoom->start();
  }

  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(settings.server.bindAddress, settings.server.port));
  Poco::Net::HTTPServerParams::Ptr parameters = new Poco::Net::HTTPServerParams;
  parameters->setKeepAlive(true);
  parameters->setTimeout(
      Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(settings.server.receiveTimeout).count()));
  parameters->setServerName("paraph/" PARAPH_VERSION);
  // Connections wait in the front's event loop, not in an HTTP thread (ConnectionFront).
  ConnectionFront server(socket, settings.server,
                         Poco::Net::HTTPRequestHandlerFactory::Ptr(
                             new TransportHandlerFactory(new RequestHandlerFactory(context), settings.server.publicUrl)),
                         parameters, log);
  server.start();
  {
    Poco::JSON::Object fields(Poco::JSON_PRESERVE_KEY_ORDER);
    fields.set("address", settings.server.bindAddress);
    fields.set("port", socket.address().port());
    fields.set("data", std::filesystem::absolute(settings.store.dataDir).string());
    fields.set("engine", engine ? engine->name() : "none");
    fields.set("workers", workers ? workers->size() : 0);
    fields.set("pid", ::getpid());
    log.info("listening", fields);
  }

  const int signal = termination.wait();
  {
    Poco::JSON::Object fields;
    fields.set("signal", signal);
    log.info("stopping", fields);
  }
  integrations.stop();  // ends the event streams too, so that their connections close
  // Stop accepting; requests waiting for a thread get 503, those in flight finish (drain).
  server.stop();
  if (mailRoom) mailRoom->stop();
  if (workers) workers->stop(settings.server.shutdownGrace);
  log.info("stopped", Poco::JSON::Object());
  return 0;
}

}  // namespace paraph::http
