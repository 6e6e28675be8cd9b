#include "pipeline/Pipeline.h"

#include <cstdlib>
#include <new>
#include <set>

#include "l10n/XsltFunctions.h"
#include "pipeline/CatalogFunctions.h"
#include "xml/ResourceCatalog.h"
#include "xml/XPath.h"

namespace paraph::pipeline {
namespace {

constexpr const char* kEnrichmentNamespace = "https://paraph.inami.fgov.be/ns/enrichment/1";
constexpr const char* kBilingualNamespace = "https://paraph.inami.fgov.be/ns/bilingual/1";
constexpr const char* kSideBySideStylesheet = "https://paraph.inami.fgov.be/xslt/common/side-by-side.xsl";

std::string titleOf(xmlDoc* html) {
  static const xml::XPathExpression title("string(/html/head/title)");
  return title.string(html, nullptr, {});
}

// libxml2 answers an allocation failure with a null pointer; the tree would silently lack a node.
template <typename Pointer>
Pointer* checked(Pointer* made) {
  if (made == nullptr) throw std::bad_alloc();
  return made;
}

std::filesystem::path resolvedOrThrow(const std::string& uri) {
  const auto path = xml::ResourceCatalog::resolve(uri);
  if (!path) throw std::runtime_error("the catalog does not map " + uri + " to a local file");
  return *path;
}

// The catalog must be in place before the first file is read: the registry, schemas and
// stylesheets all load through it.
std::filesystem::path registryAfterInstallingCatalog(const Home& home) {
  xml::ResourceCatalog::install(home.catalog() / "catalog.xml", {home.catalog(), home.xslt(), home.styles()});
  return home.catalog() / "doctypes.xml";
}

}  // namespace

xml::Diagnostic UniqueValue::conflictWith(const std::string& otherDocument) const {
  xml::Diagnostic diagnostic = place;
  diagnostic.message = fillMessage(key->message, value);
  const std::string placeholder = "{document}";
  if (const auto position = diagnostic.message.find(placeholder); position != std::string::npos) {
    diagnostic.message.replace(position, placeholder.size(), otherDocument);
  }
  // place.rule is unique-<key>; the type names the translated message.
  diagnostic.localisedAs("unique." + typeName + "." + key->key, {{"value", value}, {"document", otherDocument}});
  return diagnostic;
}

Home Home::locate(const std::string& explicitRoot) {
  if (!explicitRoot.empty()) return Home{explicitRoot};
  if (const char* fromEnvironment = std::getenv("PARAPH_HOME"); fromEnvironment != nullptr && *fromEnvironment) {
    return Home{fromEnvironment};
  }
  return Home{PARAPH_SOURCE_HOME};
}

Pipeline::Pipeline(const Home& home, xml::ParseLimits limits)
    : home_(home),
      limits_(limits),
      types_(registryAfterInstallingCatalog(home)),
      texts_(home.catalog() / "l10n", home.catalog() / "terminology.xml", home.styles()),
      courts_(home.catalog() / "data" / "courts.xml"),
      conventionBudget_(home.catalog() / "data" / "salary-scales.xml"),
      enrichments_{{"labour-court", &courts_}, {"convention-budget", &conventionBudget_}} {
  l10n::registerXsltFunctions();
  registerCatalogFunctions();
  stylesheets_.get(kSideBySideStylesheet);
  for (const auto& type : types_.all()) {
    for (const auto& spec : type.enrichments) {
      if (!enrichments_.contains(spec.with)) throw std::runtime_error("doctype " + type.name + ": unknown enrichment " + spec.with);
    }
    TypeChecks checks;
    checks.schema = std::make_unique<SchemaValidator>(resolvedOrThrow(type.schemaUri));
    checks.rules = type.rulesUri.empty() ? std::make_unique<RuleSet>()
                                         : std::make_unique<RuleSet>(resolvedOrThrow(type.rulesUri), type.name);
    checks_.emplace(type.name, std::move(checks));
    // Compile every stylesheet now: a broken one fails at start-up, not on a submission.
    for (const auto& output : type.outputs) {
      if (!output.stylesheet.empty()) stylesheets_.get(output.stylesheet);
    }
  }
}

Pipeline::~Pipeline() = default;

ValidatedDocument Pipeline::validate(std::string_view bytes, const std::string& sourceName) const {
  auto parsed = xml::parseUntrusted(bytes, sourceName, limits_);
  const DocumentType& type = check(parsed);
  return validated(std::move(parsed), type);
}

const DocumentType& Pipeline::check(const xml::ParsedDocument& parsed) const {
  xmlNode* root = xmlDocGetRootElement(parsed.document.get());
  const std::string namespaceUri = root->ns != nullptr ? reinterpret_cast<const char*>(root->ns->href) : "";
  const std::string rootName = reinterpret_cast<const char*>(root->name);
  const DocumentType* type = types_.find(namespaceUri, rootName);
  if (type == nullptr) {
    std::string known;
    for (const auto& candidate : types_.all()) {
      known += (known.empty() ? "" : ", ") + candidate.name + " (" + candidate.namespaceUri + ")";
    }
    auto unknown = parsed.diagnosticAt(
        root, "unknown document type: root element '" + rootName + "' in namespace '" + namespaceUri + "'; known types: " + known,
        "doctype");
    throw xml::InvalidInput(
        {unknown.localisedAs("doctype.unknown", {{"element", rootName}, {"namespace", namespaceUri}, {"known", known}})});
  }
  const TypeChecks& checks = checks_.at(type->name);
  auto diagnostics = checks.schema->validate(parsed);
  // Rules assume a schema-valid tree; running them on a broken one gives noise.
  if (diagnostics.empty()) diagnostics = checks.rules->check(parsed);
  if (!diagnostics.empty()) throw xml::InvalidInput(std::move(diagnostics));
  return *type;
}

ValidatedDocument Pipeline::validated(xml::ParsedDocument parsed, const DocumentType& type) const {
  ValidatedDocument document;
  document.parsed = std::move(parsed);
  document.type = &type;
  xmlDoc* tree = document.parsed.document.get();
  xmlNode* root = xmlDocGetRootElement(tree);
  document.id = xml::attribute(root, "id");
  if (!type.reference.empty()) document.reference = type.reference.string(tree, root, type.namespaces);
  if (!type.embargo.empty()) document.embargo = type.embargo.string(tree, root, type.namespaces);
  for (const auto& key : type.uniqueKeys) {
    const auto nodes = key.select.nodes(tree, root, type.namespaces);
    if (nodes.empty()) continue;
    document.uniqueValues.push_back(
        UniqueValue{&key, xml::textContent(nodes.front()), document.parsed.diagnosticAt(nodes.front(), "", "unique-" + key.key),
                    type.name});
  }
  const auto source = l10n::parseLang(xml::attribute(root, "source-language"));
  if (source) document.sourceLanguage = *source;
  enrich(document);
  return document;
}

void Pipeline::enrich(ValidatedDocument& document) const {
  xmlDoc* tree = document.parsed.document.get();
  xmlNode* root = xmlDocGetRootElement(tree);
  xmlNode* enrichment = checked(xmlNewChild(root, nullptr, reinterpret_cast<const xmlChar*>("enrichment"), nullptr));
  xmlNs* enrichmentNamespace = checked(xmlNewNs(enrichment, reinterpret_cast<const xmlChar*>(kEnrichmentNamespace),
                                                reinterpret_cast<const xmlChar*>("e")));
  xmlSetNs(enrichment, enrichmentNamespace);

  std::vector<xml::Diagnostic> diagnostics;
  for (const auto& spec : document.type->enrichments) {
    const EnrichmentContext context{document.parsed, *document.type, spec, document.sourceLanguage,
                                    enrichment, enrichmentNamespace, diagnostics};
    enrichments_.at(spec.with)->apply(context);
  }
  if (!diagnostics.empty()) throw xml::InvalidInput(std::move(diagnostics));
}

xml::DocPtr Pipeline::transformCounted(const xml::StylesheetPtr& stylesheet, xmlDoc* input,
                                       const std::map<std::string, std::string>& parameters) const {
  TransformResources resources{&texts_};
  auto result = xml::transform(stylesheet, input, parameters, &resources);
  transforms_.fetch_add(1, std::memory_order_relaxed);
  return result;
}

RenderedTree Pipeline::renderTree(const ValidatedDocument& document, l10n::Lang lang) const {
  const auto stylesheet = stylesheets_.get(document.type->output("html")->stylesheet);
  auto tree = transformCounted(stylesheet, document.parsed.document.get(), {{"lang", std::string(l10n::code(lang))}});
  checkRequiredMarks(*document.type, tree.get());
  std::string title = titleOf(tree.get());
  return RenderedTree{std::move(tree), std::move(title)};
}

RenderedHtml Pipeline::serialize(const ValidatedDocument& document, const RenderedTree& rendered) const {
  return RenderedHtml{xml::serialize(stylesheets_.get(document.type->output("html")->stylesheet), rendered.tree.get()),
                      rendered.title};
}

RenderedHtml Pipeline::renderHtml(const ValidatedDocument& document, l10n::Lang lang) const {
  return serialize(document, renderTree(document, lang));
}

RenderedHtml Pipeline::renderSideBySide(const ValidatedDocument& document, const RenderedTree& french,
                                        const RenderedTree& dutch) const {
  // <b:pair type="…" title-fr="…" title-nl="…"><b:version lang="fr">html</b:version>…</b:pair>
  xml::DocPtr pair(checked(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0"))));
  xmlNode* root = checked(xmlNewDocNode(pair.get(), nullptr, reinterpret_cast<const xmlChar*>("pair"), nullptr));
  xmlDocSetRootElement(pair.get(), root);
  xmlNs* ns = checked(xmlNewNs(root, reinterpret_cast<const xmlChar*>(kBilingualNamespace), reinterpret_cast<const xmlChar*>("b")));
  xmlSetNs(root, ns);
  auto property = [](xmlNode* node, const char* name, const std::string& value) {
    checked(xmlNewProp(node, reinterpret_cast<const xmlChar*>(name), reinterpret_cast<const xmlChar*>(value.c_str())));
  };
  property(root, "type", document.type->name);
  property(root, "title-fr", french.title);
  property(root, "title-nl", dutch.title);
  for (const auto& [code, rendered] : {std::pair{"fr", &french}, std::pair{"nl", &dutch}}) {
    xmlNode* version = checked(xmlNewChild(root, ns, reinterpret_cast<const xmlChar*>("version"), nullptr));
    property(version, "lang", code);
    // Copied, not moved: the language trees stay whole for their own editions.
    xmlNode* copy = checked(xmlDocCopyNode(xmlDocGetRootElement(rendered->tree.get()), pair.get(), 1));
    if (xmlAddChild(version, copy) == nullptr) {
      xmlFreeNode(copy);
      throw std::bad_alloc();
    }
  }
  const auto stylesheet = stylesheets_.get(kSideBySideStylesheet);
  auto result = transformCounted(stylesheet, pair.get(), {});
  return RenderedHtml{xml::serialize(stylesheet, result.get()), french.title + " | " + dutch.title};
}

namespace {

bool hasVisibleText(const xmlNode* node) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE && child->content != nullptr) {
      for (const xmlChar* character = child->content; *character != 0; ++character) {
        if (*character != ' ' && *character != '\n' && *character != '\t' && *character != '\r') return true;
      }
    } else if (child->type == XML_ELEMENT_NODE && hasVisibleText(child)) {
      return true;
    }
  }
  return false;
}

// Values of `attribute` on elements that have visible text, in one walk of the tree.
void collectMarks(const xmlNode* node, const xmlChar* attribute, std::set<std::string>& found) {
  for (const xmlNode* child = node; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (xmlHasProp(child, attribute) != nullptr && hasVisibleText(child)) {
      found.insert(xml::attribute(child, reinterpret_cast<const char*>(attribute)));
    }
    collectMarks(child->children, attribute, found);
  }
}

}  // namespace

void Pipeline::checkRequiredMarks(const DocumentType& type, xmlDoc* html) const {
  for (const auto& mark : type.requiredMarks) {
    std::set<std::string> found;
    collectMarks(xmlDocGetRootElement(html), reinterpret_cast<const xmlChar*>(mark.attribute.c_str()), found);
    for (const auto& value : mark.values) {
      if (!found.contains(value)) {
        throw OutputCheckError("the rendered " + type.name + " lacks " + mark.label + " " + value +
                               " (no non-empty element with " + mark.attribute + "=\"" + value + "\")");
      }
    }
  }
}

}  // namespace paraph::pipeline
