// The paraph executable: validate, render and consolidate documents from the command line.
// Exit codes: 0 success, 1 invalid input, 2 usage error, 3 internal failure.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>
#include <tuple>

#include <libxml/parser.h>

#include "cli/AccountCommands.h"
#include "cli/Arguments.h"
#include "cli/BatchRender.h"
#include "config/Settings.h"
#include "http/Serve.h"
#include "pipeline/Consolidation.h"
#include "pipeline/DiagnosticText.h"
#include "pipeline/Pipeline.h"
#include "document/AtomicFile.h"
#include "document/DocumentService.h"
#include "print/PrintEngine.h"
#include "review/QaChecker.h"
#include "print/PdfVerification.h"
#include "store/FileStore.h"

namespace {

using paraph::cli::Arguments;
using paraph::config::Settings;
using paraph::cli::UsageError;
using paraph::l10n::Lang;

constexpr int kSuccess = 0;
constexpr int kInvalidInput = 1;
constexpr int kUsageError = 2;
constexpr int kInternalFailure = 3;

constexpr const char* kMainHelp = R"(paraph — bilingual (FR/NL) official documents from structured XML

Usage: paraph COMMAND [OPTIONS]

Commands:
  validate FILE...     check documents; one line per problem, FILE:LINE:COL: message
  render FILE...       render documents to HTML and/or PDF in French and Dutch
  consolidate CONVENTION AMENDMENT
                       apply an amendment (avenant) to a convention: the consolidated convention
  doctypes             list the document types
  serve                run the HTTP server (API v1, job queue, store)
  verify FILE.pdf      check a signed PDF: valid or not, who signed, when, whole file covered
  user add|passwd|disable|list
                       the workspace's staff accounts (roles, Argon2id passwords)
  token issue|revoke|list
                       API tokens for machines, kept in the store
  help                 this text; 'paraph COMMAND --help' for a command

Options for every command:
  --home DIR           folder holding catalog/, xslt/, styles/ (default: $PARAPH_HOME or the source tree)
  --config FILE        settings file (key = value; see docs/configuration.md)

Exit codes: 0 success, 1 invalid input, 2 usage error, 3 internal failure.
)";

constexpr const char* kValidateHelp = R"(Usage: paraph validate FILE... [--lang fr|nl|en] [--home DIR] [--config FILE]

Checks each file: safe parsing, the type's schema, then the type's rules.
Prints one line per problem as FILE:LINE:COL: message [path], and exits 1 if any file is
invalid, 0 if all are valid. Messages are in French (fr), Dutch (nl) or English (en):
--lang (or --messages), else the language of LC_ALL, LC_MESSAGES or LANG when it is
French, Dutch or English, else English.
)";

constexpr const char* kRenderHelp = R"(Usage: paraph render FILE... [--lang fr|nl|both|bilingual|all] [--format html|pdf|all]
                    [--engine chromium|wkhtmltopdf] [--out DIR] [--messages fr|nl|en]
                    [--home DIR] [--config FILE]
       paraph render --batch FILE [same options]

Validates each file and writes DIR/<document-id>.<lang>.html and/or .pdf, printing each
path written. A draft (a translation missing) renders as the server renders it, each
missing text marked "[traduction manquante]" / "[vertaling ontbreekt]". --lang bilingual writes the side-by-side edition DIR/<document-id>.fr-nl.*,
--lang all writes French, Dutch and side-by-side. Defaults: --lang both, --format html,
--out . ; the engine defaults to the print.engine setting (chromium). Problems are told in
the language of --messages (fr, nl, en), else of LC_ALL, LC_MESSAGES or LANG, else English.

--batch FILE renders every document of a batch (a ZIP of XML files or a <batch> envelope,
docs/batch.md) as if rendered alone; a wrong record is reported with its place and the
others go on. It also writes DIR/<batch>.report.csv (every record: document, state, line,
column, message) and, for posted letters printed as PDF, DIR/<batch>.mail-room.fr.pdf and
.nl.pdf (postal-code order, each letter on an odd page). Progress goes to standard output:
a bar on a terminal, a plain line every 5 s otherwise. Exit code 1 when a record was invalid.
)";

constexpr const char* kConsolidateHelp = R"(Usage: paraph consolidate CONVENTION.xml AMENDMENT.xml [-o OUT.xml] [--home DIR] [--config FILE]

Applies an amendment (avenant / wijzigingsclausule) to the current input of the convention
it amends and writes the consolidated convention input (the convention's next version,
same document id, its history in <amended-by>) to standard output, or to OUT.xml (-o or
--out). Both files are validated first, the result after. Problems are printed on standard
error as FILE:LINE:COL: message [path], naming the amendment's line for an amendment that
does not fit the convention (docs/amendment.md), in the language of --messages (fr, nl,
en), else of LC_ALL, LC_MESSAGES or LANG, else English. Exit codes: 0 success, 1 invalid input,
2 usage error, 3 internal failure.
)";

constexpr const char* kDoctypesHelp = R"(Usage: paraph doctypes [--home DIR] [--config FILE]

Lists the document types: name, root element and namespace, and French and Dutch labels.
)";

constexpr const char* kServeHelp = R"(Usage: paraph serve [--config FILE] [--port N] [--data DIR] [--home DIR]

Runs the HTTP server (API v1, described in docs/openapi.json) with its job queue and store,
until SIGTERM or SIGINT. --port and --data override server.port and store.data_dir; every
other setting comes from the configuration file (docs/configuration.md). --port 0 picks a
free port; the "listening" log line names it. Logs are JSON lines on standard output.
)";

constexpr const char* kVerifyHelp = R"(Usage: paraph verify FILE.pdf [--data DIR] [--trust CA.pem]

Checks the PAdES signature of a PDF paraph archived (docs/archive.md): whether it is valid
(the signed bytes unchanged), who signed and when (the signature's /M), and whether it covers
the whole file (nothing appended after signing). --data DIR also says whether this exact
file is a version stored by the paraph whose data folder is DIR (its SHA-256 in DIR/files/).
--trust CA.pem also checks that the signer's certificate chains to those certificates.
Exit codes: 0 valid (and covering the whole file, stored and trusted when asked), 1 invalid
or unsigned, 2 usage error.
)";

std::string readFile(const std::string& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) throw UsageError("cannot read " + path);
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

Settings settingsFrom(const Arguments& arguments) {
  Settings settings = Settings::load(arguments.option("config"));
  if (arguments.has("home")) settings.home = arguments.option("home");
  return settings;
}

paraph::pipeline::Pipeline makePipeline(const Settings& settings) {
  return paraph::pipeline::Pipeline(paraph::pipeline::Home::locate(settings.home), settings.parse);
}

// The language of the problems printed: --messages (or validate's --lang), else the
// environment's locale when it is fr, nl or en ("fr_BE.UTF-8"), else English.
paraph::pipeline::MessageLanguage messageLanguageFrom(const Arguments& arguments, const char* option) {
  if (arguments.has(option)) {
    const auto asked = paraph::pipeline::parseMessageLanguage(arguments.option(option));
    if (!asked) throw UsageError(std::string("--") + option + " must be fr, nl or en, not '" + arguments.option(option) + "'");
    return *asked;
  }
  for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(variable);
    if (value == nullptr || *value == '\0') continue;
    // The first variable set decides, as for any program's messages.
    return paraph::pipeline::parseMessageLanguage(value).value_or(paraph::pipeline::MessageLanguage::en);
  }
  return paraph::pipeline::MessageLanguage::en;
}

// Problems in the reader's language: FILE:LINE:COL: message [path].
struct DiagnosticPrinter {
  const paraph::pipeline::TextCatalog& texts;
  paraph::pipeline::MessageLanguage language;

  void print(const paraph::xml::Diagnostic& diagnostic, std::ostream& stream) const {
    auto told = diagnostic;
    told.message = paraph::pipeline::localisedMessage(diagnostic, texts, language);
    stream << told.toLine() << '\n';
  }
  void print(const paraph::xml::InvalidInput& invalid, std::ostream& stream = std::cout) const {
    for (const auto& diagnostic : invalid.diagnostics()) print(diagnostic, stream);
  }
};

int validateCommand(const Arguments& arguments) {
  if (arguments.has("help")) return std::cout << kValidateHelp, kSuccess;
  if (arguments.positional.empty()) throw UsageError("validate needs at least one FILE");
  const Settings settings = settingsFrom(arguments);
  const auto pipeline = makePipeline(settings);
  const DiagnosticPrinter printer{pipeline.texts(),
                                  messageLanguageFrom(arguments, arguments.has("lang") ? "lang" : "messages")};
  int exitCode = kSuccess;
  // Unique keys (e.g. a circular's number) must not repeat across the files checked together.
  std::map<std::string, std::string> claimedBy;  // type/key/value -> document id
  for (const auto& file : arguments.positional) {
    try {
      const auto document = pipeline.validate(readFile(file), file);
      for (const auto& unique : document.uniqueValues) {
        const std::string claim = document.type->name + "/" + unique.key->key + "/" + unique.value;
        const auto [owner, fresh] = claimedBy.emplace(claim, document.id);
        if (!fresh && owner->second != document.id) {
          printer.print(unique.conflictWith(owner->second), std::cout);
          exitCode = kInvalidInput;
        }
      }
    } catch (const paraph::xml::InvalidInput& invalid) {
      printer.print(invalid);
      exitCode = kInvalidInput;
    }
  }
  return exitCode;
}

// The editions --lang names, as the document types declare them (catalog/doctypes.xml).
std::vector<std::string> editionsFrom(const std::string& option) {
  if (option == "both") return {"fr", "nl"};
  if (option == "all") return {};  // every edition of the type
  if (option == "bilingual") return {"fr-nl"};
  if (auto lang = paraph::l10n::parseLang(option)) return {std::string(paraph::l10n::code(*lang))};
  throw UsageError("--lang must be fr, nl, both, bilingual or all, not '" + option + "'");
}

int renderCommand(const Arguments& arguments) {
  if (arguments.has("help")) return std::cout << kRenderHelp, kSuccess;
  const bool batch = arguments.has("batch");
  if (batch && !arguments.positional.empty()) throw UsageError("render --batch FILE takes no other FILE");
  if (!batch && arguments.positional.empty()) throw UsageError("render needs at least one FILE");
  paraph::document::RenderRequest request;
  request.editions = editionsFrom(arguments.option("lang", "both"));
  const std::string format = arguments.option("format", "html");
  if (format != "html" && format != "pdf" && format != "all") {
    throw UsageError("--format must be html, pdf or all, not '" + format + "'");
  }
  if (format != "all") request.formats = {format};
  Settings settings = settingsFrom(arguments);
  if (arguments.has("engine")) settings.print.engine = arguments.option("engine");
  if (settings.print.engine != "chromium" && settings.print.engine != "wkhtmltopdf") {
    throw UsageError("--engine must be chromium or wkhtmltopdf, not '" + settings.print.engine + "'");
  }
  const std::filesystem::path outFolder = arguments.option("out", ".");
  std::filesystem::create_directories(outFolder);
  const auto pipeline = makePipeline(settings);
  const DiagnosticPrinter printer{pipeline.texts(), messageLanguageFrom(arguments, "messages")};
  settings.print.stylesDir = pipeline.home().styles().string();
  std::unique_ptr<paraph::print::PrintEngine> engine;
  if (format != "html") engine = paraph::print::makeEngine(settings.print);
  const paraph::review::QaChecker qa(pipeline.texts());
  // The same path as the server's workers: a draft renders here as it does there.
  std::optional<paraph::print::ArchiveStep> archive;
  if (engine) archive.emplace(settings.archive, pipeline.texts());
  const paraph::document::DocumentService service(pipeline, qa, engine.get(), settings.parse,
                                                  archive ? &*archive : nullptr, settings.document);

  if (batch) {
    const std::string batchFile = arguments.option("batch");
    const paraph::document::BatchReader reader(pipeline.home(), settings.parse, settings.batch);
    paraph::cli::BatchRenderOptions options;
    options.outFolder = outFolder;
    options.request = request;
    options.told = [&](const paraph::xml::Diagnostic& diagnostic) {
      return paraph::pipeline::localisedMessage(diagnostic, pipeline.texts(), printer.language);
    };
    options.concurrency = settings.print.poolSize == 0 ? std::max(1u, std::thread::hardware_concurrency())
                                                       : settings.print.poolSize;
    try {
      return paraph::cli::renderBatch(batchFile, readFile(batchFile), reader, service, options);
    } catch (const paraph::xml::InvalidInput& invalid) {
      printer.print(invalid, std::cerr);
      return kInvalidInput;
    }
  }

  int exitCode = kSuccess;
  for (const auto& file : arguments.positional) {
    paraph::document::AcceptedInput accepted;
    try {
      accepted = service.accept(readFile(file), file);
    } catch (const paraph::xml::InvalidInput& invalid) {
      printer.print(invalid);
      exitCode = kInvalidInput;
      continue;
    }
    if (accepted.draft()) {
      std::cerr << file << ": a draft: " << accepted.markedSegments.size()
                << " missing translation(s) rendered with their marker\n";
    }
    for (const auto& output : service.render(accepted, request).files) {
      const auto path = outFolder / (accepted.document.id + "." + output.name);
      paraph::document::writeFileAtomically(path, output.bytes);
      std::cout << path.string() << '\n';
    }
  }
  return exitCode;
}

// Standard output carries the consolidated document, so every diagnostic goes to standard error.
int consolidateCommand(const Arguments& arguments) {
  if (arguments.has("help")) return std::cout << kConsolidateHelp, kSuccess;
  if (arguments.positional.size() != 2) throw UsageError("consolidate needs a CONVENTION file and an AMENDMENT file");
  const std::string& conventionFile = arguments.positional[0];
  const std::string& amendmentFile = arguments.positional[1];
  const std::string conventionInput = readFile(conventionFile);
  const std::string amendmentInput = readFile(amendmentFile);
  const Settings settings = settingsFrom(arguments);
  const auto pipeline = makePipeline(settings);
  const DiagnosticPrinter printer{pipeline.texts(), messageLanguageFrom(arguments, "messages")};
  bool valid = true;
  for (const auto& [file, input, expected] : {std::tuple{conventionFile, &conventionInput, "convention"},
                                              std::tuple{amendmentFile, &amendmentInput, "amendment"}}) {
    try {
      const auto document = pipeline.validate(*input, file);
      if (document.type->name != expected) {
        std::cerr << file << ":1:1: this is a " << document.type->name << ", not a " << expected
                  << ": paraph consolidate CONVENTION.xml AMENDMENT.xml\n";
        valid = false;
      }
    } catch (const paraph::xml::InvalidInput& invalid) {
      printer.print(invalid, std::cerr);
      valid = false;
    }
  }
  if (!valid) return kInvalidInput;
  paraph::pipeline::ConsolidatedConvention consolidated;
  try {
    consolidated = paraph::pipeline::consolidate(conventionInput, conventionFile, amendmentInput, amendmentFile, settings.parse);
  } catch (const paraph::xml::InvalidInput& invalid) {
    printer.print(invalid, std::cerr);
    return kInvalidInput;
  }
  // The consolidated text must be a convention paraph accepts (rules included), or it is not written.
  const std::string out = arguments.option("out");
  const std::string resultName = out.empty() ? conventionFile + " + " + amendmentFile : out;
  try {
    pipeline.validate(consolidated.input, resultName);
  } catch (const paraph::xml::InvalidInput& invalid) {
    std::cerr << "paraph: the convention as amended by " << amendmentFile << " is not valid:\n";
    printer.print(invalid, std::cerr);
    return kInvalidInput;
  }
  if (out.empty()) {
    std::cout << consolidated.input;
  } else {
    paraph::document::writeFileAtomically(out, consolidated.input);
  }
  return kSuccess;
}

int doctypesCommand(const Arguments& arguments) {
  if (arguments.has("help")) return std::cout << kDoctypesHelp, kSuccess;
  const auto pipeline = makePipeline(settingsFrom(arguments));
  for (const auto& type : pipeline.types().all()) {
    std::cout << type.name << '\t' << '{' << type.namespaceUri << '}' << type.rootElement << '\t'
              << type.labels.at(Lang::fr) << " / " << type.labels.at(Lang::nl) << '\n';
  }
  return kSuccess;
}

int serveCommand(const Arguments& arguments) {
  if (arguments.has("help")) return std::cout << kServeHelp, kSuccess;
  if (!arguments.positional.empty()) throw UsageError("serve takes no FILE");
  Settings settings = settingsFrom(arguments);
  if (arguments.has("port")) {
    const std::string port = arguments.option("port");
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(port) > 65535) {
      throw UsageError("--port must be a number from 0 to 65535, not '" + port + "'");
    }
    settings.server.port = static_cast<std::uint16_t>(std::stoul(port));
  }
  if (arguments.has("data")) settings.store.dataDir = arguments.option("data");
  // In the data folder, so that the next start finds and ends what a crash left behind.
  return paraph::http::serve(settings);
}

// One line per fact, "name: value", so a person and a script can both read it.
int verifyCommand(const Arguments& arguments) {
  if (arguments.has("help")) return std::cout << kVerifyHelp, kSuccess;
  if (arguments.positional.size() != 1) throw UsageError("verify needs one FILE.pdf");
  const std::string& file = arguments.positional.front();
  const auto verification = paraph::print::verifyPdf(readFile(file), arguments.option("trust"));
  std::cout << "file: " << file << "\nsha256: " << verification.sha256 << '\n';
  bool valid = verification.valid();
  if (!verification.readable) std::cout << "problem: " << verification.problem << '\n';
  if (verification.readable && verification.signatures.empty()) std::cout << "signature: none\n";
  for (const auto& signature : verification.signatures) {
    std::cout << "signature: " << (signature.intact ? "valid" : "INVALID") << " (" << signature.subFilter << ", field "
              << signature.fieldName << ")\n"
              << "signer: " << signature.signer << '\n'
              << "signed at: " << signature.signingTime << '\n'
              << "covers whole file: " << (signature.coversWholeFile ? "yes" : "no") << '\n';
    if (arguments.has("trust")) std::cout << "trusted: " << (signature.chainTrusted ? "yes" : "no") << '\n';
    if (!signature.problem.empty()) std::cout << "problem: " << signature.problem << '\n';
    if (arguments.has("trust") && !signature.chainTrusted) valid = false;
  }
  if (arguments.has("data")) {
    const paraph::store::FileStore files(std::filesystem::path(arguments.option("data")) / "files");
    const bool stored = files.contains(verification.sha256);
    std::cout << "stored by this paraph: " << (stored ? "yes" : "no") << '\n';
    if (!stored) valid = false;
  }
  std::cout << "result: " << (valid ? "valid" : "invalid") << '\n';
  return valid ? kSuccess : kInvalidInput;
}

int run(const std::vector<std::string>& words) {
  if (words.empty()) throw UsageError("no command given");
  const std::string command = words.front();
  const std::vector<std::string> rest(words.begin() + 1, words.end());
  const std::set<std::string> common{"home", "config"};
  auto with = [&](std::set<std::string> extra) {
    extra.insert(common.begin(), common.end());
    return extra;
  };
  if (command == "help" || command == "--help" || command == "-h") return std::cout << kMainHelp, kSuccess;
  if (command == "validate") return validateCommand(Arguments::parse(rest, with({"lang", "messages"}), {"help"}));
  if (command == "render") {
    return renderCommand(Arguments::parse(rest, with({"lang", "format", "engine", "out", "messages", "batch"}), {"help"}));
  }
  if (command == "consolidate") {
    // -o is the one short option: "paraph consolidate C A -o OUT" reads as the compilers' form.
    std::vector<std::string> spelled = rest;
    for (auto& word : spelled) {
      if (word == "-o") word = "--out";
    }
    return consolidateCommand(Arguments::parse(spelled, with({"out", "messages"}), {"help"}));
  }
  if (command == "doctypes") return doctypesCommand(Arguments::parse(rest, common, {"help"}));
  if (command == "serve") return serveCommand(Arguments::parse(rest, with({"port", "data"}), {"help"}));
  if (command == "verify") return verifyCommand(Arguments::parse(rest, with({"data", "trust"}), {"help"}));
  if (command == "user" || command == "token") {
    const bool user = command == "user";
    if (rest.empty() || rest.front() == "--help" || rest.front() == "help") {
      return std::cout << (user ? paraph::cli::kUserHelp : paraph::cli::kTokenHelp), kSuccess;
    }
    const std::vector<std::string> after(rest.begin() + 1, rest.end());
    const auto arguments = Arguments::parse(
        after, with(user ? std::set<std::string>{"data", "role", "password-file", "language"} : std::set<std::string>{"data", "role"}),
        {"help"});
    if (arguments.has("help")) return std::cout << (user ? paraph::cli::kUserHelp : paraph::cli::kTokenHelp), kSuccess;
    Settings settings = settingsFrom(arguments);
    if (arguments.has("data")) settings.store.dataDir = arguments.option("data");
    return user ? paraph::cli::userCommand(rest.front(), arguments, settings)
                : paraph::cli::tokenCommand(rest.front(), arguments, settings);
  }
  throw UsageError("unknown command '" + command + "'");
}

}  // namespace

int main(int argc, char** argv) {
  xmlInitParser();
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const UsageError& error) {
    std::cerr << "paraph: " << error.what() << "\n\n" << kMainHelp;
    return kUsageError;
  } catch (const paraph::xml::InvalidInput& invalid) {
    // Only before a catalog is loaded (no command reaches here otherwise): English.
    for (const auto& diagnostic : invalid.diagnostics()) std::cout << diagnostic.toLine() << '\n';
    return kInvalidInput;
  } catch (const std::exception& error) {
    std::cerr << "paraph: internal failure: " << error.what() << '\n';
    return kInternalFailure;
  }
}
