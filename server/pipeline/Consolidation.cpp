#include "pipeline/Consolidation.h"

#include <cstring>
#include <map>
#include <new>
#include <optional>
#include <set>
#include <stdexcept>

#include "xml/TreeBuilding.h"
#include "xml/XPath.h"
#include "xml/XmlPtr.h"

namespace paraph::pipeline {
namespace {

constexpr const char* kConventionNamespace = "https://paraph.inami.fgov.be/ns/convention/1";
constexpr const char* kAmendmentNamespace = "https://paraph.inami.fgov.be/ns/amendment/1";

// The computed parts a convention holds exactly once (rules *-once of convention.xml).
constexpr const char* kComputedParts[] = {"staffing-table", "budget-table", "term-clause"};

bool isElement(const xmlNode* node, const char* namespaceUri, const char* name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href), namespaceUri) == 0 &&
         (name == nullptr || std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0);
}

std::string nameOf(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

xmlNode* firstChild(const xmlNode* parent, const char* name) {
  for (xmlNode* child : xml::childElements(parent, name)) return child;
  return nullptr;
}

std::string trimmed(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  const auto last = text.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

// The articles of a convention in document order (their numbers are their positions, from 1).
std::vector<xmlNode*> articlesOf(xmlNode* convention) {
  std::vector<xmlNode*> articles;
  for (xmlNode* chapter : xml::childElements(convention, "chapter")) {
    for (xmlNode* article : xml::childElements(chapter, "article")) articles.push_back(article);
  }
  return articles;
}

std::map<std::string, int> numbering(const std::vector<xmlNode*>& items) {
  std::map<std::string, int> numbers;
  int number = 0;
  for (xmlNode* item : items) numbers.emplace(xml::attribute(item, "id"), ++number);
  return numbers;
}

std::size_t countDescendants(const xmlNode* node, const char* name) {
  std::size_t found = 0;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (std::strcmp(reinterpret_cast<const char*>(child->name), name) == 0) ++found;
    found += countDescendants(child, name);
  }
  return found;
}

// The white space before `node` (its indentation), to lay out a new sibling the same way.
std::string indentationBefore(const xmlNode* node) {
  const xmlNode* previous = node->prev;
  if (previous == nullptr || previous->type != XML_TEXT_NODE || previous->content == nullptr) return "\n";
  std::string text = reinterpret_cast<const char*>(previous->content);
  const auto newline = text.rfind('\n');
  return newline == std::string::npos ? std::string("\n") : text.substr(newline);
}

xml::NodePtr newText(xmlDoc* document, const std::string& text) {
  xml::NodePtr node(xmlNewDocText(document, xml::xmlChars(text)));
  if (node == nullptr) throw std::bad_alloc();
  return node;
}

xml::NodePtr newDetachedElement(xmlDoc* document, xmlNs* ns, const char* name) {
  xml::NodePtr node(xmlNewDocNode(document, ns, reinterpret_cast<const xmlChar*>(name), nullptr));
  if (node == nullptr) throw std::bad_alloc();
  return node;
}

// The tree takes `node` over only when libxml2 reports success; otherwise it is freed here.
// Each returns where the node now is (a text node may have been merged into its neighbour).
xmlNode* adopted(xml::NodePtr& node, xmlNode* linked) {
  if (linked == nullptr) throw std::runtime_error("consolidation: libxml2 could not link a node into the convention");
  node.release();
  return linked;
}

xmlNode* appendChild(xmlNode* parent, xml::NodePtr node) { return adopted(node, xmlAddChild(parent, node.get())); }
xmlNode* insertBefore(xmlNode* sibling, xml::NodePtr node) { return adopted(node, xmlAddPrevSibling(sibling, node.get())); }
xmlNode* insertAfter(xmlNode* sibling, xml::NodePtr node) { return adopted(node, xmlAddNextSibling(sibling, node.get())); }

// Puts `replacement` where `old` was and frees `old` (and its subtree).
void replaceNode(xmlNode* old, xml::NodePtr replacement) {
  if (old == nullptr) throw std::runtime_error("consolidation: no node to replace");
  const xml::NodePtr removed(xmlReplaceNode(old, replacement.get()));
  if (removed == nullptr) throw std::runtime_error("consolidation: libxml2 could not replace a node in the convention");
  replacement.release();
}

void setAttribute(xmlNode* element, const char* name, const std::string& value) {
  if (xmlSetProp(element, reinterpret_cast<const xmlChar*>(name), xml::xmlChars(value)) == nullptr) throw std::bad_alloc();
}

// Removes `node` and the white space that indented it, so that the text keeps its layout.
void removeWithIndentation(xmlNode* node) {
  xmlNode* previous = node->prev;
  if (previous != nullptr && previous->type == XML_TEXT_NODE && xmlIsBlankNode(previous)) {
    xmlUnlinkNode(previous);
    xmlFreeNode(previous);
  }
  xmlUnlinkNode(node);
  xmlFreeNode(node);
}

// A <ref> copied from the amendment into the convention, with the number the amendment states.
struct CopiedRef {
  xmlNode* inResult;
  const xmlNode* inAmendment;
  std::string statedNumber;
};

// Copies amendment content into the convention document, element by element, in the
// convention's namespace: a copy by libxml2 would carry the amendment's namespace declaration
// along and leave the elements in the wrong namespace once serialised. Comments are left out
// (they describe the amendment); ref/@number is set aside to be checked once all operations
// are applied, then dropped (the convention computes its numbers).
class ContentCopier {
 public:
  ContentCopier(xmlDoc* target, xmlNs* conventionNs) : target_(target), ns_(conventionNs) {}

  void copyChildren(const xmlNode* from, xmlNode* to) {
    for (const xmlNode* child = from->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        xml::NodePtr text(xmlNewDocTextLen(target_, child->content, xmlStrlen(child->content)));
        if (text == nullptr) throw std::bad_alloc();
        appendChild(to, std::move(text));
      } else if (child->type == XML_ELEMENT_NODE) {
        xml::NodePtr created(xmlNewDocNode(target_, ns_, child->name, nullptr));
        if (created == nullptr) throw std::bad_alloc();
        xmlNode* element = appendChild(to, std::move(created));
        const bool isRef = std::strcmp(reinterpret_cast<const char*>(child->name), "ref") == 0;
        for (const xmlAttr* attribute = child->properties; attribute != nullptr; attribute = attribute->next) {
          const std::string name = reinterpret_cast<const char*>(attribute->name);
          const std::string value = xml::attribute(child, name.c_str());
          if (isRef && name == "number") {
            refs_.push_back(CopiedRef{element, child, value});
            continue;
          }
          setAttribute(element, name.c_str(), value);
        }
        copyChildren(child, element);
      }
    }
  }

  std::vector<CopiedRef>& refs() { return refs_; }

 private:
  xmlDoc* target_;
  xmlNs* ns_;
  std::vector<CopiedRef> refs_;
};

// The work of one consolidation: both documents, what the amendment changed, what went wrong.
class Consolidator {
 public:
  Consolidator(xml::ParsedDocument convention, xml::ParsedDocument amendment)
      : convention_(std::move(convention)),
        amendment_(std::move(amendment)),
        conventionRoot_(xmlDocGetRootElement(convention_.document.get())),
        amendmentRoot_(xmlDocGetRootElement(amendment_.document.get())),
        copier_(convention_.document.get(), conventionRoot_->ns) {}

  ConsolidatedConvention run();

 private:
  void checkDocumentTypes() const;
  void checkSameConvention() const;
  void checkNotAppliedYet() const;
  // The article with `id` today, and that its number today is the one the operation states;
  // nullptr (and a diagnostic) when not.
  xmlNode* target(const xmlNode* operation, const std::string& id, const char* role);
  void replaceArticle(xmlNode* operation);
  void insertArticle(xmlNode* operation);
  void repealArticle(xmlNode* operation);
  void replaceFinancing(xmlNode* operation);
  xml::NodePtr newArticle(const xmlNode* operation, const std::string& id, const std::string& subject);
  void noteComputedParts(const xmlNode* operation, const xmlNode* removed, const xmlNode* added);
  void checkComputedParts();
  void checkReferences();
  void appendHistory();
  void changed(const std::string& kind, const std::string& article);
  // message is the English fallback; key and arguments name its catalog message.
  void report(const xmlNode* at, std::string message, std::string rule, std::string key,
              std::vector<std::pair<std::string, std::string>> arguments) {
    auto diagnostic = amendment_.diagnosticAt(at, std::move(message), std::move(rule));
    diagnostics_.push_back(diagnostic.localisedAs(std::move(key), std::move(arguments)));
  }
  std::string conventionId() const { return xml::attribute(conventionRoot_, "id"); }
  std::string articleList() const;

  xml::ParsedDocument convention_;
  xml::ParsedDocument amendment_;
  xmlNode* conventionRoot_;
  xmlNode* amendmentRoot_;
  ContentCopier copier_;
  std::map<std::string, int> numbersToday_;  // article id -> number before this amendment
  std::map<std::string, const xmlNode*> repealedBy_;  // article id -> the operation that repealed it
  // For each computed part, the last operation that removed one and the last that added one.
  std::map<std::string, const xmlNode*> removedBy_, addedBy_;
  std::vector<std::pair<std::string, std::string>> changes_;  // (kind, article id) in order
  std::vector<xml::Diagnostic> diagnostics_;
};

void Consolidator::checkDocumentTypes() const {
  if (!isElement(conventionRoot_, kConventionNamespace, "convention")) {
    auto notConvention = convention_.diagnosticAt(conventionRoot_,
                                      "not a convention: consolidation applies an amendment to the input of the convention it amends "
                                      "(root <convention> in namespace " + std::string(kConventionNamespace) + ")",
                                      "consolidation-document");
    throw xml::InvalidInput({notConvention.localisedAs("consolidation.not-convention", {{"namespace", kConventionNamespace}})});
  }
  if (!isElement(amendmentRoot_, kAmendmentNamespace, "amendment")) {
    auto notAmendment = amendment_.diagnosticAt(amendmentRoot_,
                                      "not an amendment: consolidation applies an amendment (root <amendment> in namespace " +
                                          std::string(kAmendmentNamespace) + ") to a convention",
                                      "consolidation-document");
    throw xml::InvalidInput({notAmendment.localisedAs("consolidation.not-amendment", {{"namespace", kAmendmentNamespace}})});
  }
}

void Consolidator::checkSameConvention() const {
  const xmlNode* amended = firstChild(amendmentRoot_, "convention");
  const std::string statedId = xml::attribute(amended, "id");
  const std::string statedNumber = xml::attribute(amended, "number");
  const std::string number = trimmed(xml::textContent(firstChild(conventionRoot_, "number")));
  std::vector<xml::Diagnostic> problems;
  if (statedId != conventionId()) {
    problems.push_back(amendment_.diagnosticAt(amended,
                                "this amendment amends the convention with document id " + statedId +
                                    ", not this one (" + conventionId() + ", " + convention_.sourceName +
                                    "): apply it to the convention it names, or correct convention/@id",
                                "consolidation-convention"));
    problems.back().localisedAs("consolidation.other-convention", {{"stated", statedId},
                                                                    {"convention", conventionId()},
                                                                    {"file", convention_.sourceName}});
  } else if (statedNumber != number) {
    problems.push_back(amendment_.diagnosticAt(amended,
                                "this amendment names convention n° " + statedNumber + " but the convention " + statedId +
                                    " is n° " + number + ": correct convention/@number",
                                "consolidation-convention"));
    problems.back().localisedAs("consolidation.convention-number",
                                {{"stated", statedNumber}, {"convention", statedId}, {"number", number}});
  }
  if (!problems.empty()) throw xml::InvalidInput(std::move(problems));
}

void Consolidator::checkNotAppliedYet() const {
  const xmlNode* numberElement = firstChild(amendmentRoot_, "number");
  const std::string number = trimmed(xml::textContent(numberElement));
  for (xmlNode* history : xml::childElements(conventionRoot_, "amended-by")) {
    for (xmlNode* applied : xml::childElements(history, "amendment")) {
      if (xml::attribute(applied, "number") != number) continue;
      auto alreadyApplied = amendment_.diagnosticAt(numberElement,
                                        "amendment n° " + number + " has already been applied to convention " + conventionId() +
                                            " (by document " + xml::attribute(applied, "id") +
                                            "): consolidate from the convention's latest text, and give a new amendment the next number",
                                        "consolidation-already-applied");
      throw xml::InvalidInput({alreadyApplied.localisedAs(
          "consolidation.already-applied",
          {{"number", number}, {"convention", conventionId()}, {"document", xml::attribute(applied, "id")}})});
    }
  }
}

std::string Consolidator::articleList() const {
  std::string list;
  for (const auto& [id, number] : numbersToday_) list += (list.empty() ? "" : ", ") + id + " (" + std::to_string(number) + ")";
  return list;
}

xmlNode* Consolidator::target(const xmlNode* operation, const std::string& id, const char* role) {
  const std::string stated = xml::attribute(operation, "article-number");
  // The role's words in fr and nl are chosen by an ICU select on this code.
  const std::string roleText = role;
  const std::string roleCode = roleText.ends_with("after")    ? "insertAfter"
                               : roleText.ends_with("before") ? "insertBefore"
                               : roleText.find("repealed") != std::string::npos ? "repealed"
                                                                                 : "replaced";
  const auto today = numbersToday_.find(id);
  if (today == numbersToday_.end()) {
    report(operation,
           std::string(role) + " '" + id + "' is not an article of convention " + conventionId() +
               ": name an article by its stable id; the convention's articles are " + articleList(),
           "consolidation-article-unknown", "consolidation.article-unknown",
           {{"role", roleCode}, {"article", id}, {"convention", conventionId()}, {"articles", articleList()}});
    return nullptr;
  }
  if (repealedBy_.contains(id)) {
    report(operation, std::string(role) + " '" + id + "' is repealed by an earlier operation of this amendment", "consolidation-article-unknown",
           "consolidation.article-repealed-earlier", {{"role", roleCode}, {"article", id}});
    return nullptr;
  }
  if (stated != std::to_string(today->second)) {
    report(operation,
           "article-number=\"" + stated + "\" but the article '" + id + "' is article " + std::to_string(today->second) +
               " of convention " + conventionId() +
               " (its number before this amendment): check that the amendment targets the right article, then correct the number",
           "consolidation-article-number", "consolidation.article-number",
           {{"stated", stated}, {"article", id}, {"number", std::to_string(today->second)}, {"convention", conventionId()}});
    return nullptr;
  }
  for (xmlNode* article : articlesOf(conventionRoot_)) {
    if (xml::attribute(article, "id") == id) return article;
  }
  return nullptr;  // unreachable: numbersToday_ lists the articles present
}

xml::NodePtr Consolidator::newArticle(const xmlNode* operation, const std::string& id, const std::string& subject) {
  xml::NodePtr article = newDetachedElement(convention_.document.get(), conventionRoot_->ns, "article");
  setAttribute(article.get(), "id", id);
  if (!subject.empty()) setAttribute(article.get(), "subject", subject);
  copier_.copyChildren(operation, article.get());
  return article;
}

void Consolidator::noteComputedParts(const xmlNode* operation, const xmlNode* removed, const xmlNode* added) {
  for (const char* part : kComputedParts) {
    if (removed != nullptr && countDescendants(removed, part) > 0) removedBy_[part] = operation;
    if (added != nullptr && countDescendants(added, part) > 0) addedBy_[part] = operation;
  }
}

void Consolidator::replaceArticle(xmlNode* operation) {
  const std::string id = xml::attribute(operation, "article");
  xmlNode* old = target(operation, id, "the replaced article");
  if (old == nullptr) return;
  std::string subject = xml::attribute(operation, "subject");
  if (subject.empty()) subject = xml::attribute(old, "subject");
  xml::NodePtr article = newArticle(operation, id, subject);
  noteComputedParts(operation, old, article.get());
  replaceNode(old, std::move(article));
  changed("replaced", id);
}

void Consolidator::insertArticle(xmlNode* operation) {
  const std::string id = xml::attribute(operation, "id");
  const bool after = !xml::attribute(operation, "after").empty();
  const std::string anchorId = xml::attribute(operation, after ? "after" : "before");
  xmlNode* anchor = target(operation, anchorId, after ? "the article to insert after" : "the article to insert before");
  // An id names one article for the convention's whole life: never one in use, nor one an
  // earlier amendment inserted or repealed (cross-references in other texts may still mean it).
  std::set<std::string> used;
  for (xmlNode* article : articlesOf(conventionRoot_)) used.insert(xml::attribute(article, "id"));
  for (xmlNode* annex : xml::childElements(conventionRoot_, "annex")) used.insert(xml::attribute(annex, "id"));
  for (xmlNode* history : xml::childElements(conventionRoot_, "amended-by")) {
    for (xmlNode* applied : xml::childElements(history, "amendment")) {
      for (xmlNode* change : xml::childElements(applied, "change")) used.insert(xml::attribute(change, "article"));
    }
  }
  if (used.contains(id) || numbersToday_.contains(id)) {
    report(operation,
           "the inserted article's id '" + id + "' is already used in convention " + conventionId() +
               " (by an article or an annex, now or before an earlier amendment): a new article needs an id never used in the convention",
           "consolidation-insert-id-used", "consolidation.insert-id-used", {{"article", id}, {"convention", conventionId()}});
    return;
  }
  if (anchor == nullptr) return;
  xml::NodePtr created = newArticle(operation, id, xml::attribute(operation, "subject"));
  noteComputedParts(operation, nullptr, created.get());
  const std::string indentation = indentationBefore(anchor);
  if (after) {
    xmlNode* article = insertAfter(anchor, std::move(created));
    insertBefore(article, newText(convention_.document.get(), indentation));
  } else {
    insertBefore(anchor, std::move(created));
    insertBefore(anchor, newText(convention_.document.get(), indentation));
  }
  changed("inserted", id);
}

void Consolidator::repealArticle(xmlNode* operation) {
  const std::string id = xml::attribute(operation, "article");
  xmlNode* old = target(operation, id, "the repealed article");
  if (old == nullptr) return;
  if (xml::childElements(old->parent, "article").size() == 1) {
    report(operation,
           "repealing article '" + id + "' would leave its chapter without any article: a chapter holds at least one article. "
           "Replace the article instead, or move its subject to another chapter",
           "consolidation-chapter-empty", "consolidation.chapter-empty", {{"article", id}});
    return;
  }
  noteComputedParts(operation, old, nullptr);
  repealedBy_.emplace(id, operation);
  removeWithIndentation(old);
  changed("repealed", id);
}

void Consolidator::replaceFinancing(xmlNode* operation) {
  xmlNode* old = firstChild(conventionRoot_, "financing");
  xml::NodePtr financing = newDetachedElement(convention_.document.get(), conventionRoot_->ns, "financing");
  setAttribute(financing.get(), "rate-unit", xml::attribute(operation, "rate-unit"));
  copier_.copyChildren(operation, financing.get());
  replaceNode(old, std::move(financing));
  changed("financing", "");
}

void Consolidator::changed(const std::string& kind, const std::string& article) { changes_.emplace_back(kind, article); }

void Consolidator::checkComputedParts() {
  for (const char* part : kComputedParts) {
    const std::size_t count = countDescendants(conventionRoot_, part);
    if (count == 0 && removedBy_.contains(part)) {
      report(removedBy_.at(part),
             std::string("this operation removes the article holding <") + part +
                 "/>, and no other article of the consolidated convention holds it: a convention shows it exactly once. "
                 "Keep <" + part + "/> in the new text, or put it in another article this amendment replaces or inserts",
             "consolidation-computed-part", "consolidation.computed-part-removed", {{"part", part}});
    } else if (count > 1 && addedBy_.contains(part)) {
      report(addedBy_.at(part),
             std::string("this operation adds <") + part +
                 "/>, which the convention already shows in another article: a convention shows it exactly once. "
                 "Remove it here, or replace the other article without it",
             "consolidation-computed-part", "consolidation.computed-part-added", {{"part", part}});
    }
  }
}

void Consolidator::checkReferences() {
  const auto articles = numbering(articlesOf(conventionRoot_));
  const auto annexes = numbering(xml::childElements(conventionRoot_, "annex"));
  // The amendment's own references: the stated number must be the target's in the result.
  for (const auto& ref : copier_.refs()) {
    const std::string articleId = xml::attribute(ref.inResult, "article");
    const bool isArticle = !articleId.empty();
    const std::string id = isArticle ? articleId : xml::attribute(ref.inResult, "annex");
    const auto& numbers = isArticle ? articles : annexes;
    const char* what = isArticle ? "article" : "annex";
    const auto found = numbers.find(id);
    if (found == numbers.end()) {
      report(ref.inAmendment,
             std::string("the cross-reference names ") + what + " '" + id + "', which the convention " + conventionId() +
                 " as amended does not have: name an " + what + " of the convention (or one this amendment inserts)",
             "consolidation-ref-unknown", "consolidation.ref-unknown",
             {{"kind", what}, {"target", id}, {"convention", conventionId()}});
    } else if (ref.statedNumber != std::to_string(found->second)) {
      report(ref.inAmendment,
             "number=\"" + ref.statedNumber + "\" but '" + id + "' is " + what + " " + std::to_string(found->second) +
                 " of the convention as amended (after this amendment's insertions and repeals): correct the number",
             "consolidation-ref-number", "consolidation.ref-number",
             {{"stated", ref.statedNumber}, {"target", id}, {"kind", what}, {"number", std::to_string(found->second)}});
    }
  }
  // The convention's own references to an article this amendment repeals.
  std::set<const xmlNode*> copied;
  for (const auto& ref : copier_.refs()) copied.insert(ref.inResult);
  const auto refs = xml::XPathExpression("//c:ref[@article]").nodes(convention_.document.get(), nullptr, {{"c", kConventionNamespace}});
  for (xmlNode* ref : refs) {
    const std::string id = xml::attribute(ref, "article");
    const auto repealed = repealedBy_.find(id);
    if (repealed == repealedBy_.end() || copied.contains(ref)) continue;
    const xmlNode* container = ref;
    while (container != nullptr && !isElement(container, kConventionNamespace, "article") &&
           !isElement(container, kConventionNamespace, "annex") && container->parent != nullptr &&
           container->parent->type == XML_ELEMENT_NODE) {
      container = container->parent;
    }
    std::string where = "at line " + std::to_string(xmlGetLineNo(ref)) + " of " + convention_.sourceName;
    std::string containerKind = "none";
    if (isElement(container, kConventionNamespace, "article")) {
      where = "in the article '" + xml::attribute(container, "id") + "' (" + where + ")";
      containerKind = "article";
    } else if (isElement(container, kConventionNamespace, "annex")) {
      where = "in the annex '" + xml::attribute(container, "id") + "' (" + where + ")";
      containerKind = "annex";
    }
    report(repealed->second,
           "the repealed article '" + id + "' is still referred to " + where +
               ": replace that text in this amendment so that it no longer refers to the repealed article",
           "consolidation-ref-repealed", "consolidation.ref-repealed",
           {{"article", id},
            {"container", containerKind},
            {"containerId", containerKind == "none" ? std::string() : xml::attribute(container, "id")},
            {"line", std::to_string(xmlGetLineNo(ref))},
            {"file", convention_.sourceName}});
  }
}

void Consolidator::appendHistory() {
  xmlDoc* document = convention_.document.get();
  xmlNs* ns = conventionRoot_->ns;
  xmlNode* history = firstChild(conventionRoot_, "amended-by");
  const std::string indentation = "\n  ";
  if (history == nullptr) {
    xmlNode* last = conventionRoot_->last;
    // Before the closing tag's line break, laid out as the root's other children.
    if (last != nullptr && last->type == XML_TEXT_NODE && xmlIsBlankNode(last)) {
      insertBefore(last, newText(document, indentation));
      history = insertBefore(last, newDetachedElement(document, ns, "amended-by"));
    } else {
      appendChild(conventionRoot_, newText(document, indentation));
      history = xml::newElement(conventionRoot_, ns, "amended-by");
      appendChild(conventionRoot_, newText(document, "\n"));
    }
    appendChild(history, newText(document, indentation));
  }
  appendChild(history, newText(document, "  "));
  xmlNode* applied = xml::newElement(history, ns, "amendment");
  appendChild(history, newText(document, indentation));
  setAttribute(applied, "number", trimmed(xml::textContent(firstChild(amendmentRoot_, "number"))));
  setAttribute(applied, "id", xml::attribute(amendmentRoot_, "id"));
  setAttribute(applied, "date", trimmed(xml::textContent(firstChild(firstChild(amendmentRoot_, "signatures"), "date"))));
  setAttribute(applied, "effective-date", trimmed(xml::textContent(firstChild(firstChild(amendmentRoot_, "term"), "effective-date"))));
  for (const auto& [kind, article] : changes_) {
    appendChild(applied, newText(document, indentation + "    "));
    xmlNode* change = xml::newElement(applied, ns, "change");
    setAttribute(change, "kind", kind);
    if (!article.empty()) setAttribute(change, "article", article);
  }
  appendChild(applied, newText(document, indentation + "  "));
}

ConsolidatedConvention Consolidator::run() {
  checkDocumentTypes();
  checkSameConvention();
  checkNotAppliedYet();
  numbersToday_ = numbering(articlesOf(conventionRoot_));

  for (xmlNode* operation : xml::childElements(firstChild(amendmentRoot_, "operations"))) {
    const std::string kind = nameOf(operation);
    if (kind == "replace-article") replaceArticle(operation);
    else if (kind == "insert-article") insertArticle(operation);
    else if (kind == "repeal-article") repealArticle(operation);
    else if (kind == "replace-financing") replaceFinancing(operation);
  }
  if (diagnostics_.empty()) {
    checkComputedParts();
    checkReferences();
  }
  if (!diagnostics_.empty()) throw xml::InvalidInput(std::move(diagnostics_));
  appendHistory();

  ConsolidatedConvention result;
  result.conventionId = conventionId();
  std::set<std::string> seen;
  for (const auto& [kind, article] : changes_) {
    if (!article.empty() && seen.insert(article).second) result.changedArticles.push_back(article);
  }
  result.input = xml::serializedDocument(convention_.document.get());
  return result;
}

}  // namespace

ConsolidatedConvention consolidate(std::string_view conventionInput, const std::string& conventionName,
                                   std::string_view amendmentInput, const std::string& amendmentName,
                                   const xml::ParseLimits& limits) {
  auto convention = xml::parseUntrusted(conventionInput, conventionName, limits);
  auto amendment = xml::parseUntrusted(amendmentInput, amendmentName, limits);
  return Consolidator(std::move(convention), std::move(amendment)).run();
}

}  // namespace paraph::pipeline
