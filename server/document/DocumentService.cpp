#include "document/DocumentService.h"

#include <algorithm>
#include <future>
#include <map>

#include "document/CanonicalInput.h"
#include "xml/Sha256.h"
#include "pipeline/Consolidation.h"
#include "print/PdfPageCount.h"
#include "print/PrintSettingsFor.h"
#include "review/DraftMarking.h"
#include "review/SegmentExtractor.h"
#include "xml/XPath.h"

namespace paraph::document {
namespace {

using Clock = std::chrono::steady_clock;
using l10n::Lang;

bool wanted(const std::vector<std::string>& asked, const std::string& name) {
  return asked.empty() || std::find(asked.begin(), asked.end(), name) != asked.end();
}

// The key of a language's render stage in a job's timings: render_fr, render_nl.
std::string languageKey(const char* stage, Lang lang) { return std::string(stage) + "_" + std::string(l10n::code(lang)); }

// The key of an edition in a job's timings: fr, nl, fr_nl.
std::string editionKey(const std::string& edition) {
  std::string key = edition;
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

}  // namespace

DocumentService::DocumentService(const pipeline::Pipeline& pipeline, const review::QaChecker& qa,
                                 print::PrintEngine* engine, xml::ParseLimits limits,
                                 const print::ArchiveStep* archive, DocumentLimits documentLimits)
    : pipeline_(pipeline), qa_(qa), engine_(engine), limits_(limits), archive_(archive),
      documentLimits_(documentLimits) {}

AcceptedInput DocumentService::accept(std::string_view bytes, const std::string& sourceName) const {
  auto parsed = xml::parseUntrusted(bytes, sourceName, limits_);
  // Before validation and rendering: every segment is a row of the review page, a unit of
  // the XLIFF file and a block of three transforms and three PDFs.
  if (const auto segments = review::SegmentExtractor::count(parsed.document.get());
      segments > documentLimits_.maxSegments) {
    throw xml::InvalidInput({parsed.diagnosticAt(
        xmlDocGetRootElement(parsed.document.get()),
        "the document has " + std::to_string(segments) + " bilingual segments; at most " +
            std::to_string(documentLimits_.maxSegments) +
            " are accepted (setting document.max_segments): split it into several documents",
        "document.max_segments")});
  }
  AcceptedInput accepted;
  accepted.canonicalSha256 = xml::sha256Hex(canonicalForm(parsed.document.get()));
  accepted.input = std::string(bytes);
  const pipeline::DocumentType* type = nullptr;
  try {
    type = &pipeline_.check(parsed);
  } catch (const xml::InvalidInput& asGiven) {
    // A draft fails only for its missing translations: filled with markers (check() left
    // the tree as parsed), it is valid.
    accepted.markedSegments = review::markMissingTranslationsInPlace(parsed.document.get(), pipeline_.texts());
    if (accepted.markedSegments.empty()) throw;
    try {
      type = &pipeline_.check(parsed);
    } catch (const xml::InvalidInput&) {
      throw asGiven;  // wrong for another reason too: every problem, at its place in the input as given
    }
  }
  accepted.document = pipeline_.validated(std::move(parsed), *type);
  return accepted;
}

InputReview DocumentService::review(std::string_view input, std::string_view previousInput) const {
  InputReview result;
  result.segments = review::SegmentExtractor::extract(xml::parseUntrusted(input, "input.xml", limits_));
  std::optional<review::SegmentedDocument> previous;
  if (!previousInput.empty()) {
    previous = review::SegmentExtractor::extract(xml::parseUntrusted(previousInput, "previous.xml", limits_));
  }
  result.status = review::translationStatusOf(result.segments, previous ? &*previous : nullptr);
  result.findings = qa_.check(result.segments);
  return result;
}

std::optional<std::string> DocumentService::consolidationTarget(const AcceptedInput& accepted) const {
  const auto& document = accepted.document;
  if (document.type->name != "amendment" || accepted.draft()) return std::nullopt;
  xmlDoc* tree = document.parsed.document.get();
  static const xml::XPathExpression convention("string(/a:amendment/a:convention/@id)");
  return convention.string(tree, xmlDocGetRootElement(tree), document.type->namespaces);
}

std::optional<ConsolidationPlan> DocumentService::planConsolidation(const AcceptedInput& amendment,
                                                                    std::string_view amendmentInput,
                                                                    const std::optional<std::string>& conventionInput,
                                                                    int conventionVersion) const {
  const auto conventionId = consolidationTarget(amendment);
  if (!conventionId) return std::nullopt;
  const std::string& amendmentId = amendment.document.id;
  if (!conventionInput) {
    throw ConsolidationRefused(true, "amendment '" + amendmentId + "' amends convention '" + *conventionId +
                                         "', which is not in paraph; submit the convention first, then the amendment");
  }
  const std::string conventionName = "convention " + *conventionId + " v" + std::to_string(conventionVersion);
  ConsolidationPlan plan;
  plan.conventionId = *conventionId;
  plan.fromVersion = conventionVersion;
  try {
    auto consolidated = pipeline::consolidate(*conventionInput, conventionName, amendmentInput, "input.xml", limits_);
    plan.input = std::move(consolidated.input);
    plan.changedArticles = std::move(consolidated.changedArticles);
  } catch (const xml::InvalidInput& invalid) {
    throw ConsolidationRefused(false,
                               "the amendment does not fit version " + std::to_string(conventionVersion) +
                                   " of convention '" + *conventionId + "'; nothing was stored",
                               invalid.diagnostics());
  }
  try {
    plan.canonicalSha256 = accept(plan.input, conventionName + " consolidated").canonicalSha256;
  } catch (const xml::InvalidInput& invalid) {
    throw ConsolidationRefused(false,
                               "with this amendment, convention '" + *conventionId +
                                   "' would be invalid; nothing was stored",
                               invalid.diagnostics());
  }
  return plan;
}

publication::EntryText DocumentService::entryText(const AcceptedInput& accepted, Lang lang) const {
  const auto& document = accepted.document;
  const auto& type = *document.type;
  xmlDoc* tree = document.parsed.document.get();
  auto selected = [&](const std::map<Lang, xml::XPathExpression>& selections) {
    const auto found = selections.find(lang);
    if (found == selections.end()) return std::string();
    return publication::collapsedWhitespace(found->second.string(tree, xmlDocGetRootElement(tree), type.namespaces));
  };
  publication::EntryText text;
  text.title = selected(type.feedTitle);
  if (text.title.empty()) text.title = publication::collapsedWhitespace(type.label(lang) + " " + document.reference);
  text.summary = publication::cutAtWord(selected(type.feedSummary), publication::kMaxSummaryCharacters);
  return text;
}

RenderedSet DocumentService::render(const AcceptedInput& accepted, const RenderRequest& request,
                                    const StageObserver& observe, const StageGate& gate) const {
  const auto& document = accepted.document;
  const auto& type = *document.type;
  auto enter = [&](const std::string& stage) {
    if (gate) gate(stage);
  };
  auto timed = [&](const std::string& stage, const std::string& key, auto&& work) {
    const auto start = Clock::now();
    work();
    if (observe) observe(stage, key, Clock::now() - start);
  };

  struct Edition {
    const pipeline::EditionSpec* spec = nullptr;
    pipeline::RenderedHtml html;
    print::PrintSettings print;
    std::string pdf;
    Clock::duration printTime{};
    Clock::duration archiveTime{};
  };
  std::vector<Edition> editions;
  bool sideBySide = false;
  for (const auto& spec : type.editions) {
    if (!wanted(request.editions, spec.name)) continue;
    editions.push_back(Edition{&spec, {}, {}, {}, {}, {}});
    sideBySide = sideBySide || spec.sideBySide();
  }
  // Each language is transformed once: its own edition and the side-by-side one share it.
  std::map<Lang, pipeline::RenderedTree> trees;
  for (const Lang lang : l10n::kAllLangs) {
    const bool ownEdition = std::any_of(editions.begin(), editions.end(),
                                        [&](const Edition& edition) { return edition.spec->language == lang; });
    if (!ownEdition && !sideBySide) continue;
    const std::string key = languageKey("render", lang);
    enter(key);
    timed("render", key, [&] {
      trees.emplace(lang, pipeline_.renderTree(document, lang));
      for (auto& edition : editions) {
        if (edition.spec->language != lang) continue;
        edition.html = pipeline_.serialize(document, trees.at(lang));
        edition.print = print::printSettingsFor(document, edition.html, lang);
      }
    });
  }
  for (auto& edition : editions) {
    if (!edition.spec->sideBySide()) continue;
    enter("render_" + editionKey(edition.spec->name));
    timed("render", "render_" + editionKey(edition.spec->name), [&] {
      edition.html = pipeline_.renderSideBySide(document, trees.at(Lang::fr), trees.at(Lang::nl));
      edition.print = print::printSettingsForSideBySide(document, edition.html);
    });
  }
  trees.clear();  // the result trees are large; the HTML is what remains

  const bool printing = type.output("pdf") != nullptr && wanted(request.formats, "pdf");
  if (printing && !editions.empty()) {
    if (engine_ == nullptr) throw print::PrintError(print::PrintError::Kind::EngineUnavailable, "no print engine");
    enter("print");
    // The editions print concurrently: the engine is thread-safe and keeps a pool of tabs.
    auto printOne = [&](Edition& edition) {
      const auto start = Clock::now();
      edition.pdf = engine_->print(edition.html.html, edition.print);
      edition.printTime = Clock::now() - start;
      // Before the archive step, which costs in proportion to the pages.
      if (const auto pages = print::pdfPageCount(edition.pdf); pages > documentLimits_.maxPagesPerEdition) {
        throw print::PrintError(print::PrintError::Kind::Failed,
                                "the " + edition.spec->name + " edition has " + std::to_string(pages) +
                                    " pages; at most " + std::to_string(documentLimits_.maxPagesPerEdition) +
                                    " are printed (setting document.max_pages_per_edition)");
      }
      if (archive_ != nullptr) {
        const auto archiveStart = Clock::now();
        print::ArchiveInput input;
        input.title = edition.print.title;
        input.languages = edition.spec->language ? std::vector<Lang>{*edition.spec->language}
                                                 : std::vector<Lang>{Lang::fr, Lang::nl};
        input.sourceXml = accepted.input;
        input.sourceFileName = document.id + ".xml";
        input.sign = type.sign;
        edition.pdf = archive_->archive(std::move(edition.pdf), input);
        edition.archiveTime = Clock::now() - archiveStart;
      }
    };
    std::vector<std::future<void>> printingRest;
    for (std::size_t index = 1; index < editions.size(); ++index) {
      printingRest.push_back(std::async(std::launch::async, printOne, std::ref(editions[index])));
    }
    // Every future is waited for before an error leaves, so no thread outlives the editions.
    std::exception_ptr failure;
    try {
      printOne(editions.front());
    } catch (...) {
      failure = std::current_exception();
    }
    for (auto& printed : printingRest) {
      try {
        printed.get();
      } catch (...) {
        if (!failure) failure = std::current_exception();
      }
    }
    if (failure) std::rethrow_exception(failure);
    if (observe) {
      for (const auto& edition : editions) {
        observe("print", "print_" + editionKey(edition.spec->name), edition.printTime);
        if (archive_ != nullptr) observe("archive", "archive_" + editionKey(edition.spec->name), edition.archiveTime);
      }
    }
  }

  RenderedSet set;
  for (auto& edition : editions) {
    for (const auto& output : type.outputs) {
      if (!wanted(request.formats, output.format)) continue;
      const std::string name = edition.spec->name + "." + output.format;
      if (output.format == "html") {
        set.files.push_back({name, output.mediaType, edition.html.html});
      } else if (output.format == "pdf") {
        set.files.push_back({name, output.mediaType, std::move(edition.pdf)});
      }
    }
  }
  return set;
}

}  // namespace paraph::document
