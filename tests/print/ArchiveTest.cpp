// The archive step (issue 18) on PDFs the real Chromium engine printed from the fixtures:
// PDF/A-3u + PDF/UA-1 identification, the source XML attached, and for the signed types a
// PAdES signature under a seal made at test time (a throwaway CA, no key in the repository),
// checked with poppler (pdfinfo, pdfsig, pdfdetach, pdftotext), qpdf and `paraph verify`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include "print/ArchiveStep.h"
#include "print/PrintSettingsFor.h"
#include "support/Command.h"
#include "support/Fixtures.h"
#include "support/SharedPipeline.h"

namespace paraph::print {
namespace {

using paraph::testing::filesIn;
using paraph::testing::kHome;
using paraph::testing::runCommand;
using paraph::testing::runParaph;
using paraph::testing::sharedPipeline;

namespace fs = std::filesystem;

const fs::path& workFolder() {
  static const fs::path folder = [] {
    const auto path = fs::temp_directory_path() / ("paraph-archive-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
    return path;
  }();
  static const struct Remover {
    ~Remover() { fs::remove_all(folder); }
  } remover;
  return folder;
}

void writeBytes(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// A CA and a seal certificate it issued, made with the openssl command for this run only.
const fs::path& sealFile() {
  static const fs::path seal = [] {
    const fs::path dir = workFolder();
    const std::string d = dir.string();
    const std::string script =
        "set -e; cd " + d + "; "
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj '/CN=Test CA paraph' "
        "-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign; "
        "openssl req -utf8 -newkey rsa:2048 -nodes -keyout seal.key -out seal.csr -subj '/O=INAMI-RIZIV/CN=INAMI – RIZIV'; "
        "printf 'keyUsage=critical,digitalSignature,nonRepudiation\\n' > seal.ext; "
        "openssl x509 -req -in seal.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out seal.pem -days 2 -extfile seal.ext; "
        "openssl pkcs12 -export -inkey seal.key -in seal.pem -certfile ca.pem -out seal.p12 -passout pass:test-password; "
        "printf 'test-password\\n' > seal.password; rm -f seal.key ca.key";
    const auto result = runCommand("bash -c \"" + std::regex_replace(script, std::regex("\""), "\\\"") + "\"");
    if (result.exitCode != 0) throw std::runtime_error("cannot make the test seal: " + result.output);
    return dir / "seal.p12";
  }();
  return seal;
}

const ArchiveStep& archiveStep() {
  static const ArchiveStep step = [] {
    ArchiveConfig config;
    config.sealFile = sealFile().string();
    config.sealPasswordFile = (workFolder() / "seal.password").string();
    return ArchiveStep(config, sharedPipeline().texts());
  }();
  return step;
}

PrintEngine& engine() {
  static const std::unique_ptr<PrintEngine> instance = [] {
    EngineConfig config;
    config.poolSize = 1;
    config.stylesDir = (kHome / "styles").string();
    return makeEngine(config);
  }();
  return *instance;
}

struct Printed {
  std::string source;
  std::string sourceName;
  std::string plain;     // the engine's PDF
  std::string archived;  // after the archive step
  bool sign = false;
  fs::path plainPath;
  fs::path archivedPath;
};

// The first fixture of a type printed in its source language (or side by side), then archived.
Printed printAndArchive(const std::string& type, bool sideBySide = false) {
  const auto fixture = filesIn(kHome / "fixtures" / type, ".xml").front();
  Printed printed;
  printed.source = paraph::testing::readFile(fixture);
  printed.sourceName = fixture.filename().string();
  const auto& pipeline = sharedPipeline();
  const auto document = pipeline.validate(printed.source, fixture.string());
  ArchiveInput input;
  input.sourceXml = printed.source;
  input.sourceFileName = printed.sourceName;
  input.sign = printed.sign = document.type->sign;
  if (sideBySide) {
    const auto html = pipeline.renderSideBySide(document, pipeline.renderTree(document, l10n::Lang::fr),
                                                pipeline.renderTree(document, l10n::Lang::nl));
    const auto settings = printSettingsForSideBySide(document, html);
    printed.plain = engine().print(html.html, settings);
    input.title = settings.title;
    input.languages = {l10n::Lang::fr, l10n::Lang::nl};
  } else {
    const auto html = pipeline.renderHtml(document, document.sourceLanguage);
    const auto settings = printSettingsFor(document, html, document.sourceLanguage);
    printed.plain = engine().print(html.html, settings);
    input.title = settings.title;
    input.languages = {document.sourceLanguage};
  }
  printed.archived = archiveStep().archive(printed.plain, input);
  const std::string stem = type + (sideBySide ? ".fr-nl" : "");
  printed.plainPath = workFolder() / (stem + ".plain.pdf");
  printed.archivedPath = workFolder() / (stem + ".archived.pdf");
  writeBytes(printed.plainPath, printed.plain);
  writeBytes(printed.archivedPath, printed.archived);
  return printed;
}

std::string run(const std::string& command) { return runCommand(command).output; }

// pdfinfo -struct's tree without object numbers, poppler's complaints and Span elements.
std::string comparableStructure(const std::string& tree) {
  std::istringstream lines(tree);
  std::string kept;
  std::size_t skipDeeperThan = std::string::npos;
  for (std::string line; std::getline(lines, line);) {
    const std::size_t indent = line.find_first_not_of(' ');
    if (skipDeeperThan != std::string::npos && indent > skipDeeperThan) continue;
    skipDeeperThan = std::string::npos;
    if (line.starts_with("Syntax Error")) continue;
    if (line.compare(indent == std::string::npos ? 0 : indent, 4, "Span") == 0) {
      skipDeeperThan = indent;
      continue;
    }
    kept += std::regex_replace(line, std::regex("Object [0-9]+ [0-9]+"), "Object") + "\n";
  }
  return kept;
}

// pdftotext's lines without the seal's visible mention and without empty lines.
std::string withoutMentionOrBlankLines(const std::string& text) {
  std::istringstream lines(text);
  std::string kept;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.starts_with("Signé électroniquement par") || line.starts_with("Elektronisch ondertekend door")) {
      continue;
    }
    kept += line + "\n";
  }
  return kept;
}

class ArchiveOfEveryType : public ::testing::TestWithParam<std::pair<std::string, bool>> {};

// What a reader, an archivist and a labour court clerk would check on the stored file.
TEST_P(ArchiveOfEveryType, IsPdfAWithItsSourceAndSignedWhenTheTypeSaysSo) {
  const auto& [type, sideBySide] = GetParam();
  const Printed printed = printAndArchive(type, sideBySide);
  const std::string file = printed.archivedPath.string();

  const auto check = runCommand("qpdf --check " + file);
  EXPECT_EQ(check.exitCode, 0) << check.output;
  EXPECT_NE(check.output.find("No syntax or stream encoding errors found"), std::string::npos) << check.output;

  const std::string info = run("pdfinfo " + file);
  EXPECT_NE(info.find("(A4)"), std::string::npos) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("Tagged:\\s+yes"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("Metadata Stream:\\s+yes"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("Encrypted:\\s+no"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("JavaScript:\\s+no"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("PDF version:\\s+1\\.7"))) << info;

  const std::string xmp = run("pdfinfo -meta " + file);
  EXPECT_NE(xmp.find("<pdfaid:part>3</pdfaid:part>"), std::string::npos) << xmp;
  EXPECT_NE(xmp.find("<pdfaid:conformance>U</pdfaid:conformance>"), std::string::npos) << xmp;
  EXPECT_NE(xmp.find("<pdfuaid:part>1</pdfuaid:part>"), std::string::npos) << xmp;
  EXPECT_NE(xmp.find("<dc:title>"), std::string::npos) << xmp;
  EXPECT_NE(xmp.find(sideBySide ? "<rdf:li>fr-BE</rdf:li><rdf:li>nl-BE</rdf:li>" : "-BE</rdf:li></rdf:Bag></dc:language>"),
            std::string::npos)
      << xmp;

  // The OutputIntent and the associated file are where PDF/A-3 wants them.
  const std::string objects = run("qpdf --qdf --object-streams=disable " + file + " - | grep -a -E "
                                  "'/GTS_PDFA1|/AFRelationship|/Subtype /application#2fxml|/CheckSum|/Tabs|/DisplayDocTitle'");
  EXPECT_NE(objects.find("/GTS_PDFA1"), std::string::npos) << objects;
  EXPECT_NE(objects.find("/AFRelationship /Source"), std::string::npos) << objects;
  EXPECT_NE(objects.find("/Subtype /application#2fxml"), std::string::npos) << objects;
  EXPECT_NE(objects.find("/CheckSum"), std::string::npos) << objects;
  EXPECT_NE(objects.find("/DisplayDocTitle true"), std::string::npos) << objects;
  if (printed.sign) {
    EXPECT_NE(objects.find("/Tabs /S"), std::string::npos) << objects;  // the page holding the widget
  }
  EXPECT_NE(run("qpdf --show-object=trailer " + file).find("/ID ["), std::string::npos);

  const fs::path extracted = workFolder() / (type + (sideBySide ? ".fr-nl" : "") + ".extracted.xml");
  const auto detach = runCommand("pdfdetach -save 1 -o " + extracted.string() + " " + file);
  ASSERT_EQ(detach.exitCode, 0) << detach.output;
  EXPECT_EQ(paraph::testing::readFile(extracted), printed.source) << "the attached source is not the input";
  EXPECT_NE(run("pdfdetach -list " + file).find(printed.sourceName), std::string::npos);

  // The archive step edits, never re-renders: same text, same tags, same fonts.
  // The same text, but for the visible mention the signature widget adds on the last page.
  const std::string textAfter = run("pdftotext -enc UTF-8 " + file + " -");
  EXPECT_EQ(textAfter.find("Signé électroniquement par INAMI – RIZIV le ") != std::string::npos ||
                textAfter.find("Elektronisch ondertekend door INAMI – RIZIV op ") != std::string::npos,
            printed.sign)
      << textAfter;
  if (sideBySide && printed.sign) {
    EXPECT_NE(textAfter.find("Signé électroniquement par"), std::string::npos) << textAfter;
    EXPECT_NE(textAfter.find("Elektronisch ondertekend door"), std::string::npos) << textAfter;
  }
  EXPECT_EQ(withoutMentionOrBlankLines(textAfter),
            withoutMentionOrBlankLines(run("pdftotext -enc UTF-8 " + printed.plainPath.string() + " -")));
  const std::string structure = run("pdfinfo -struct " + file);
  // Object numbers change with the rewrite; the elements, their order and attributes do not.
  // poppler cannot read Chromium's /Strong elements (not a PDF 1.7 type) until the archive step
  // role-maps them to /Span, so Span elements are left out of the comparison on both sides.
  const std::string structureBefore = comparableStructure(run("pdfinfo -struct " + printed.plainPath.string()));
  EXPECT_EQ(structure.find("Syntax Error"), std::string::npos) << structure;
  // The only element the step adds: the Form holding the signature widget (PDF/UA-1 7.18.4).
  const std::string structureAfter = std::regex_replace(comparableStructure(structure), std::regex("\n *Form\n *Object"), "");
  EXPECT_EQ(structureAfter, structureBefore);
  EXPECT_EQ(structure.find("\n  Form\n") != std::string::npos, printed.sign) << structure;
  EXPECT_EQ(run("pdffonts " + file).find(" no "), std::string::npos) << run("pdffonts " + file);

  const auto signature = runCommand("pdfsig " + file);
  if (!printed.sign) {
    EXPECT_NE(signature.output.find("does not contain any signatures"), std::string::npos) << signature.output;
    return;
  }
  EXPECT_NE(signature.output.find("Signature Validation: Signature is Valid."), std::string::npos) << signature.output;
  EXPECT_NE(signature.output.find("Signer Certificate Common Name: INAMI – RIZIV"), std::string::npos) << signature.output;
  EXPECT_NE(signature.output.find("Signature Type: ETSI.CAdES.detached"), std::string::npos) << signature.output;
  EXPECT_NE(signature.output.find("Total document signed"), std::string::npos) << signature.output;
  EXPECT_NE(signature.output.find("Signing Hash Algorithm: SHA-256"), std::string::npos) << signature.output;

  const auto verify = runParaph("verify " + file);
  EXPECT_EQ(verify.exitCode, 0) << verify.output;
  EXPECT_NE(verify.output.find("signer: INAMI – RIZIV"), std::string::npos) << verify.output;
  EXPECT_NE(verify.output.find("covers whole file: yes"), std::string::npos) << verify.output;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ArchiveOfEveryType,
                         ::testing::Values(std::pair{std::string("letter"), false}, std::pair{std::string("letter"), true},
                                           std::pair{std::string("convention"), false},
                                           std::pair{std::string("convention"), true},
                                           std::pair{std::string("circular"), false},
                                           std::pair{std::string("amendment"), false},
                                           std::pair{std::string("minutes"), false},
                                           std::pair{std::string("press-release"), false}),
                         [](const auto& parameter) {
                           std::string name = parameter.param.first + (parameter.param.second ? "_side_by_side" : "");
                           for (auto& c : name) c = c == '-' ? '_' : c;
                           return name;
                         });

// The visible mention names the seal's signer in the document's language, at the time the
// signature claims (/M, shown in Europe/Brussels time): the words a reader sees are the ones
// computed from the signature itself.
TEST(Archive, TheVisibleMentionMatchesTheSignature) {
  const Printed printed = printAndArchive("letter");  // granted-brussels-nl: Dutch
  const std::string file = printed.archivedPath.string();
  const auto verify = runParaph("verify " + file);
  std::smatch signedAt;
  ASSERT_TRUE(std::regex_search(verify.output, signedAt,
                                std::regex("signed at: ([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) UTC")))
      << verify.output;
  std::tm utc{};
  utc.tm_year = std::stoi(signedAt[1]) - 1900;
  utc.tm_mon = std::stoi(signedAt[2]) - 1;
  utc.tm_mday = std::stoi(signedAt[3]);
  utc.tm_hour = std::stoi(signedAt[4]);
  utc.tm_min = std::stoi(signedAt[5]);
  utc.tm_sec = std::stoi(signedAt[6]);
  const auto signingTime = std::chrono::system_clock::from_time_t(timegm(&utc));
  std::string expected = archiveStep().mention(l10n::Lang::nl, signingTime);
  expected = std::regex_replace(expected, std::regex("\xC2\xA0|\xE2\x80\xAF"), " ");
  EXPECT_TRUE(expected.starts_with("Elektronisch ondertekend door INAMI – RIZIV op ")) << expected;
  EXPECT_NE(run("pdftotext -enc UTF-8 " + file + " -").find(expected), std::string::npos) << expected;
  EXPECT_NE(verify.output.find("signer: INAMI – RIZIV"), std::string::npos) << verify.output;
  const auto french = archiveStep().mention(l10n::Lang::fr, signingTime);
  EXPECT_TRUE(french.starts_with("Signé électroniquement par INAMI – RIZIV le ")) << french;
}

// wkhtmltopdf writes no tags: its PDFs are archived as PDF/A with their source, but not
// claimed PDF/UA.
TEST(Archive, AnUntaggedPdfIsNotClaimedPdfUa) {
  EngineConfig config;
  config.engine = "wkhtmltopdf";
  config.stylesDir = (kHome / "styles").string();
  const auto wkhtmltopdf = makeEngine(config);
  const auto& pipeline = sharedPipeline();
  const auto fixture = filesIn(kHome / "fixtures" / "letter", ".xml").front();
  const auto document = pipeline.validate(paraph::testing::readFile(fixture), fixture.string());
  const auto html = pipeline.renderHtml(document, document.sourceLanguage);
  const auto settings = printSettingsFor(document, html, document.sourceLanguage);
  ArchiveInput input{settings.title, {document.sourceLanguage}, "<letter/>", "letter.xml", true};
  const fs::path file = workFolder() / "wkhtmltopdf.pdf";
  writeBytes(file, archiveStep().archive(wkhtmltopdf->print(html.html, settings), input));
  const std::string xmp = run("pdfinfo -meta " + file.string());
  EXPECT_NE(xmp.find("<pdfaid:part>3</pdfaid:part>"), std::string::npos) << xmp;
  EXPECT_EQ(xmp.find("<pdfuaid:part>"), std::string::npos) << xmp;
  EXPECT_EQ(runCommand("qpdf --check " + file.string()).exitCode, 0);
  EXPECT_NE(run("pdfsig " + file.string()).find("Signature is Valid."), std::string::npos);
}

// One byte changed inside the signed range: both poppler and paraph call it invalid.
TEST(Archive, OneChangedByteInvalidatesTheSignature) {
  const Printed printed = printAndArchive("letter");
  std::string tampered = printed.archived;
  const auto producer = tampered.find("/Producer (paraph)");
  ASSERT_NE(producer, std::string::npos);
  tampered[producer + 11] = 'P';  // "(Paraph)": same length, still a readable PDF
  const fs::path file = workFolder() / "tampered.pdf";
  writeBytes(file, tampered);
  const std::string signature = run("pdfsig " + file.string());
  EXPECT_EQ(signature.find("Signature is Valid."), std::string::npos) << signature;
  EXPECT_NE(signature.find("Signature Validation: Digest Mismatch."), std::string::npos) << signature;
  const auto verify = runParaph("verify " + file.string());
  EXPECT_EQ(verify.exitCode, 1) << verify.output;
  EXPECT_NE(verify.output.find("signature: INVALID"), std::string::npos) << verify.output;

  // Bytes appended after the signature are outside it: still intact, no longer the whole file.
  const fs::path appended = workFolder() / "appended.pdf";
  writeBytes(appended, printed.archived + "% appended\n");
  const auto verifyAppended = runParaph("verify " + appended.string());
  EXPECT_EQ(verifyAppended.exitCode, 1) << verifyAppended.output;
  EXPECT_NE(verifyAppended.output.find("covers whole file: no"), std::string::npos) << verifyAppended.output;
}

// --data: only the exact bytes of a stored version are "stored by this paraph"; --trust: the chain.
TEST(Archive, VerifyFindsTheStoredVersionAndTheChain) {
  const Printed printed = printAndArchive("convention");
  const std::string file = printed.archivedPath.string();
  const fs::path data = workFolder() / "data";
  const std::string sha256 = run("sha256sum " + file).substr(0, 64);
  fs::create_directories(data / "files" / sha256.substr(0, 2));
  auto verify = runParaph("verify " + file + " --data " + data.string());
  EXPECT_EQ(verify.exitCode, 1) << verify.output;
  EXPECT_NE(verify.output.find("stored by this paraph: no"), std::string::npos) << verify.output;
  fs::copy_file(file, data / "files" / sha256.substr(0, 2) / sha256);
  verify = runParaph("verify " + file + " --data " + data.string() + " --trust " + (workFolder() / "ca.pem").string());
  EXPECT_EQ(verify.exitCode, 0) << verify.output;
  EXPECT_NE(verify.output.find("stored by this paraph: yes"), std::string::npos) << verify.output;
  EXPECT_NE(verify.output.find("trusted: yes"), std::string::npos) << verify.output;
  EXPECT_NE(verify.output.find("sha256: " + sha256), std::string::npos) << verify.output;

  // An unsigned PDF is not valid; a missing file is a usage error.
  EXPECT_EQ(runParaph("verify " + printed.plainPath.string()).exitCode, 1);
  EXPECT_EQ(runParaph("verify " + (workFolder() / "missing.pdf").string()).exitCode, 2);
}

}  // namespace
}  // namespace paraph::print

namespace paraph::print {
namespace {

// Not an assertion on time: prints what the archive step costs per PDF, for the report
// (build/paraph_test_print --gtest_filter=Archive.CostPerPdf).
TEST(Archive, CostPerPdf) {
  const Printed printed = printAndArchive("letter");
  ArchiveInput input;
  input.title = "cost";
  input.languages = {l10n::Lang::fr};
  input.sourceXml = printed.source;
  input.sourceFileName = printed.sourceName;
  constexpr int kRounds = 20;
  for (bool sign : {false, true}) {
    input.sign = sign;
    const auto start = std::chrono::steady_clock::now();
    std::size_t bytes = 0;
    for (int i = 0; i < kRounds; ++i) bytes = archiveStep().archive(printed.plain, input).size();
    const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("archive step (%s): %.1f ms per PDF, %zu -> %zu bytes\n", sign ? "PDF/A + signature" : "PDF/A only",
                elapsed / kRounds, printed.plain.size(), bytes);
    EXPECT_GT(bytes, printed.plain.size());
  }
}

}  // namespace
}  // namespace paraph::print
