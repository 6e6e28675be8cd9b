#include "review/ReviewPage.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>

#include "l10n/XsltFunctions.h"
#include "pipeline/CatalogFunctions.h"
#include "publication/Embargo.h"
#include "xml/Escape.h"
#include "xml/StylesheetCache.h"
#include "xml/TreeBuilding.h"

namespace paraph::review {
namespace {

constexpr const char* kStylesheet = "https://paraph.inami.fgov.be/xslt/review/page.xsl";
// The model's own namespace: nothing in it can be mistaken for HTML by the stylesheet.
constexpr const char* kModelNamespace = "https://paraph.inami.fgov.be/ns/review/1";

// Names, comments and tokens come from forms and the store.
void setAttribute(xmlNode* element, const char* name, const std::string& value) { xml::setSafeAttribute(element, name, value); }

void setFlag(xmlNode* element, const char* name, bool value) {
  if (value) setAttribute(element, name, "true");
}

void appendText(xmlNode* element, const std::string& text) {
  xmlNode* node = xmlNewText(xml::xmlChars(xml::xmlSafeText(text)));
  if (node == nullptr) throw std::bad_alloc();
  xmlAddChild(element, node);
}

xmlNode* newTextElement(xmlNode* parent, xmlNs* ns, const char* name, const std::string& text) {
  xmlNode* element = xml::newElement(parent, ns, name);
  appendText(element, text);
  return element;
}

// A path segment of a form's action: ':' and '@' kept as they are (finding ids hold ':'),
// every other byte outside RFC 3986's unreserved characters percent-encoded.
std::string formPathSegment(const std::string& text) { return xml::percentEncoded(text, ":@"); }

// The store writes UTC ("2026-03-04T10:15:30.123Z"); people read Brussels time. Returns the
// wall-clock time in Europe/Brussels as p:datetime takes it ("2026-03-04T11:15"), or "" when
// `isoUtc` is not an RFC 3339 timestamp (the page then shows it as it is).
std::string brusselsLocalTime(const std::string& isoUtc) {
  try {
    return publication::brusselsWallClock(publication::fromRfc3339Utc(isoUtc));
  } catch (const std::invalid_argument&) {
    return "";
  }
}

// at="…" (for <time datetime>) and, when it reads as UTC, local-at="…" (for p:datetime).
void setTimestamp(xmlNode* element, const std::string& at) {
  setAttribute(element, "at", at);
  const std::string local = brusselsLocalTime(at);
  if (!local.empty()) setAttribute(element, "local-at", local);
}

// One language's text of a segment: characters as <chars>, inline elements (emphasis,
// references to articles or figures) as <code> holding their markup as text, the way
// translation tools show tags: a reviewer sees them, and they can never act as markup.
void addText(xmlNode* segmentElement, xmlNs* ns, const Segment& segment, l10n::Lang lang) {
  xmlNode* text = xml::newElement(segmentElement, ns, "text");
  setAttribute(text, "lang", std::string(l10n::code(lang)));
  setFlag(text, "source", lang == segment.sourceLanguage);
  const BilingualText& content = segment.text(lang);
  if (content.empty()) {
    setFlag(text, "missing", true);
    return;
  }
  for (const auto& span : content.spans) {
    if (span.kind == InlineSpan::Kind::text) {
      newTextElement(text, ns, "chars", span.text);
    } else {
      xmlNode* code = newTextElement(text, ns, "code", span.markup());
      setAttribute(code, "name", span.text);
    }
  }
}

std::string severityName(Severity severity) { return std::string(nameOf(severity)); }

}  // namespace

ReviewPage::ReviewPage(const pipeline::TextCatalog& texts) : texts_(texts) {
  l10n::registerXsltFunctions();
  pipeline::registerCatalogFunctions();
  // A page compiled once and shared read-only: a cache of its own keeps this class usable
  // without reaching into a Pipeline's private cache.
  xml::StylesheetCache cache;
  stylesheet_ = cache.get(kStylesheet);
}

xml::DocPtr ReviewPage::modelTree(const ReviewPageModel& model, l10n::Lang uiLanguage) const {
  xml::DocPtr document(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
  if (!document) throw std::bad_alloc();
  xmlNode* root = xmlNewDocNode(document.get(), nullptr, reinterpret_cast<const xmlChar*>("review"), nullptr);
  if (root == nullptr) throw std::bad_alloc();
  xmlDocSetRootElement(document.get(), root);
  xmlNs* ns = xmlNewNs(root, reinterpret_cast<const xmlChar*>(kModelNamespace), reinterpret_cast<const xmlChar*>("r"));
  xmlSetNs(root, ns);

  const std::string filter = model.filter == "findings" || model.filter == "changed" ? model.filter : "all";
  const std::string versionPath = model.basePath + "/versions/" + std::to_string(model.version);
  setAttribute(root, "ui-language", std::string(l10n::code(uiLanguage)));
  setAttribute(root, "document", model.documentId);
  setAttribute(root, "type", model.documentType);
  setAttribute(root, "label", model.documentLabel);
  setAttribute(root, "reference", model.reference);
  setAttribute(root, "version", std::to_string(model.version));
  setAttribute(root, "state", model.state);
  setAttribute(root, "source-language", std::string(l10n::code(model.sourceLanguage)));
  setAttribute(root, "filter", filter);
  setAttribute(root, "user", model.userName);
  setAttribute(root, "form-token", model.formToken);
  setFlag(root, "can-review", model.canReview);
  setFlag(root, "can-comment", model.canComment);
  setAttribute(root, "approve-action", versionPath + "/approve");
  setAttribute(root, "reject-action", versionPath + "/reject");

  // Approval weighs every finding of the version, whatever the filter shows.
  std::size_t errors = 0, unacknowledgedWarnings = 0;
  std::map<std::string, std::vector<const ReviewFinding*>> findingsBySegment;
  for (const auto& finding : model.findings) {
    if (finding.finding.severity == Severity::error) ++errors;
    if (finding.finding.severity == Severity::warning && !finding.acknowledged) ++unacknowledgedWarnings;
    findingsBySegment[finding.finding.segmentId].push_back(&finding);
  }
  setAttribute(root, "errors", std::to_string(errors));
  setAttribute(root, "unacknowledged-warnings", std::to_string(unacknowledgedWarnings));

  const auto addFinding = [&](xmlNode* parent, const ReviewFinding& finding) {
    xmlNode* element = newTextElement(parent, ns, "finding", finding.finding.message);
    setAttribute(element, "id", finding.findingId);
    setAttribute(element, "segment", finding.finding.segmentId);
    setAttribute(element, "check", finding.finding.check);
    setAttribute(element, "severity", severityName(finding.finding.severity));
    // A check the catalog has no name for shows its id rather than stopping the page.
    if (texts_.text("review.check." + finding.finding.check, uiLanguage) != nullptr) {
      setAttribute(element, "check-key", "review.check." + finding.finding.check);
    }
    setFlag(element, "acknowledged", finding.acknowledged);
    if (finding.acknowledged) setAttribute(element, "acknowledged-by", finding.acknowledgedBy);
    setAttribute(element, "acknowledge-action", versionPath + "/findings/" + formPathSegment(finding.findingId) + "/acknowledge");
  };
  const auto addComment = [&](xmlNode* parent, const ReviewComment& comment) {
    xmlNode* element = newTextElement(parent, ns, "comment", comment.text);
    setAttribute(element, "author", comment.author);
    setTimestamp(element, comment.at);
  };

  xmlNode* versions = xml::newElement(root, ns, "versions");
  for (const int number : model.versions) {
    xmlNode* version = xml::newElement(versions, ns, "version");
    setAttribute(version, "number", std::to_string(number));
    setFlag(version, "current", number == model.version);
  }

  xmlNode* history = xml::newElement(root, ns, "history");
  for (const auto& transition : model.history) {
    xmlNode* element = xml::newElement(history, ns, "transition");
    setAttribute(element, "from", transition.from);
    setAttribute(element, "to", transition.to);
    setAttribute(element, "actor", transition.actor);
    setTimestamp(element, transition.at);
    if (!transition.comment.empty()) newTextElement(element, ns, "note", transition.comment);
  }

  xmlNode* versionComments = xml::newElement(root, ns, "comments");
  std::map<std::string, std::vector<const ReviewComment*>> commentsBySegment;
  for (const auto& comment : model.comments) {
    if (comment.segmentId.empty()) {
      addComment(versionComments, comment);
    } else {
      commentsBySegment[comment.segmentId].push_back(&comment);
    }
  }

  xmlNode* segments = xml::newElement(root, ns, "segments");
  std::size_t shown = 0, total = 0, matching = 0;
  const std::size_t pageSize = std::max<std::size_t>(1, model.pageSize);
  const std::size_t page = std::max<std::size_t>(1, model.page);
  const std::size_t firstRow = (page - 1) * pageSize;  // of the rows the filter keeps
  if (model.segments != nullptr) {
    total = model.segments->segments.size();
    for (const auto& segment : model.segments->segments) {
      const bool changed = model.changedSinceLastVersion.contains(segment.id);
      const auto found = findingsBySegment.find(segment.id);
      const bool hasFindings = found != findingsBySegment.end();
      // The filter is applied here, not in the browser: rows that do not match are not sent.
      if ((filter == "findings" && !hasFindings) || (filter == "changed" && !changed)) continue;
      // Paged here too: rows of other pages are not built, let alone sent.
      if (const std::size_t row = matching++; row < firstRow || row >= firstRow + pageSize) continue;
      ++shown;
      xmlNode* element = xml::newElement(segments, ns, "segment");
      setAttribute(element, "id", segment.id);
      setFlag(element, "changed", changed);
      setAttribute(element, "field", segment.context.field);
      setAttribute(element, "location", segment.context.location);
      setAttribute(element, "comment-action", versionPath + "/segments/" + formPathSegment(segment.id) + "/comments");
      for (const auto lang : l10n::kAllLangs) addText(element, ns, segment, lang);
      if (hasFindings) {
        for (const auto* finding : found->second) addFinding(element, *finding);
      }
      if (const auto comments = commentsBySegment.find(segment.id); comments != commentsBySegment.end()) {
        for (const auto* comment : comments->second) addComment(element, *comment);
      }
    }
  }
  setAttribute(segments, "shown", std::to_string(shown));
  setAttribute(segments, "total", std::to_string(total));
  setAttribute(segments, "matching", std::to_string(matching));
  setAttribute(segments, "page", std::to_string(page));
  setAttribute(segments, "pages", std::to_string(std::max<std::size_t>(1, (matching + pageSize - 1) / pageSize)));

  // Findings on segments this version does not have still weigh on approval: show them.
  xmlNode* otherFindings = xml::newElement(root, ns, "other-findings");
  for (const auto& finding : model.findings) {
    if (model.segments == nullptr || model.segments->find(finding.finding.segmentId) == nullptr) {
      addFinding(otherFindings, finding);
    }
  }
  return document;
}

std::string ReviewPage::render(const ReviewPageModel& model, l10n::Lang uiLanguage) const {
  const auto tree = modelTree(model, uiLanguage);
  pipeline::TransformResources resources{&texts_};
  const auto result =
      xml::transform(stylesheet_, tree.get(), {{"lang", std::string(l10n::code(uiLanguage))}}, &resources);
  return xml::serialize(stylesheet_, result.get());
}

}  // namespace paraph::review
