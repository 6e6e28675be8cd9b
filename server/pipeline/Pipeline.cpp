#include "pipeline/Pipeline.h"

#include <cstdlib>
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
                                         : std::make_unique<RuleSet>(resolvedOrThrow(type.rulesUri));
    checks_.emplace(type.name, std::move(checks));
    // Compile every stylesheet now: a broken one fails at start-up, not on a submission.
    for (const auto& output : type.outputs) {
      if (!output.stylesheet.empty()) stylesheets_.get(output.stylesheet);
    }
  }
}

Pipeline::~Pipeline() = default;

ValidatedDocument Pipeline::validate(std::string_view bytes, const std::string& sourceName) const {
  ValidatedDocument document;
  document.parsed = xml::parseUntrusted(bytes, sourceName, limits_);
  xmlNode* root = xmlDocGetRootElement(document.parsed.document.get());
  const std::string namespaceUri = root->ns != nullptr ? reinterpret_cast<const char*>(root->ns->href) : "";
  const std::string rootName = reinterpret_cast<const char*>(root->name);
  document.type = types_.find(namespaceUri, rootName);
  if (document.type == nullptr) {
    std::string known;
    for (const auto& type : types_.all()) known += (known.empty() ? "" : ", ") + type.name + " (" + type.namespaceUri + ")";
    throw xml::InvalidInput({document.parsed.diagnosticAt(root,
                                      "unknown document type: root element '" + rootName + "' in namespace '" +
                                          namespaceUri + "'; known types: " + known,
                                      "doctype")});
  }
  const TypeChecks& checks = checks_.at(document.type->name);
  auto diagnostics = checks.schema->validate(document.parsed);
  // Rules assume a schema-valid tree; running them on a broken one gives noise.
  if (diagnostics.empty()) diagnostics = checks.rules->check(document.parsed);
  if (!diagnostics.empty()) throw xml::InvalidInput(std::move(diagnostics));

  document.id = xml::attribute(root, "id");
  if (!document.type->reference.empty()) {
    document.reference = document.type->reference.string(document.parsed.document.get(), root, document.type->namespaces);
  }
  if (!document.type->embargo.empty()) {
    document.embargo = document.type->embargo.string(document.parsed.document.get(), root, document.type->namespaces);
  }
  for (const auto& key : document.type->uniqueKeys) {
    const auto nodes = key.select.nodes(document.parsed.document.get(), root, document.type->namespaces);
    if (nodes.empty()) continue;
    document.uniqueValues.push_back(
        UniqueValue{&key, xml::textContent(nodes.front()), document.parsed.diagnosticAt(nodes.front(), "", "unique-" + key.key)});
  }
  const auto source = l10n::parseLang(xml::attribute(root, "source-language"));
  if (source) document.sourceLanguage = *source;
  enrich(document);
  return document;
}

void Pipeline::enrich(ValidatedDocument& document) const {
  xmlDoc* tree = document.parsed.document.get();
  xmlNode* root = xmlDocGetRootElement(tree);
  xmlNode* enrichment = xmlNewChild(root, nullptr, reinterpret_cast<const xmlChar*>("enrichment"), nullptr);
  xmlNs* enrichmentNamespace = xmlNewNs(enrichment, reinterpret_cast<const xmlChar*>(kEnrichmentNamespace),
                                        reinterpret_cast<const xmlChar*>("e"));
  xmlSetNs(enrichment, enrichmentNamespace);

  std::vector<xml::Diagnostic> diagnostics;
  for (const auto& spec : document.type->enrichments) {
    const EnrichmentContext context{document.parsed, *document.type, spec, document.sourceLanguage,
                                    enrichment, enrichmentNamespace, diagnostics};
    enrichments_.at(spec.with)->apply(context);
  }
  if (!diagnostics.empty()) throw xml::InvalidInput(std::move(diagnostics));
}

xml::DocPtr Pipeline::renderTree(const ValidatedDocument& document, l10n::Lang lang) const {
  const auto stylesheet = stylesheets_.get(document.type->output("html")->stylesheet);
  TransformResources resources{&texts_};
  auto tree = xml::transform(stylesheet, document.parsed.document.get(), {{"lang", std::string(l10n::code(lang))}},
                             &resources);
  checkRequiredMarks(*document.type, tree.get());
  return tree;
}

RenderedHtml Pipeline::renderHtml(const ValidatedDocument& document, l10n::Lang lang) const {
  const auto tree = renderTree(document, lang);
  return RenderedHtml{xml::serialize(stylesheets_.get(document.type->output("html")->stylesheet), tree.get()),
                      titleOf(tree.get())};
}

RenderedHtml Pipeline::renderSideBySide(const ValidatedDocument& document) const {
  const auto french = renderTree(document, l10n::Lang::fr);
  const auto dutch = renderTree(document, l10n::Lang::nl);
  // <b:pair type="…" title-fr="…" title-nl="…"><b:version lang="fr">html</b:version>…</b:pair>
  xml::DocPtr pair(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
  xmlNode* root = xmlNewDocNode(pair.get(), nullptr, reinterpret_cast<const xmlChar*>("pair"), nullptr);
  xmlDocSetRootElement(pair.get(), root);
  xmlNs* ns = xmlNewNs(root, reinterpret_cast<const xmlChar*>(kBilingualNamespace), reinterpret_cast<const xmlChar*>("b"));
  xmlSetNs(root, ns);
  xmlNewProp(root, reinterpret_cast<const xmlChar*>("type"), reinterpret_cast<const xmlChar*>(document.type->name.c_str()));
  const std::string frenchTitle = titleOf(french.get());
  const std::string dutchTitle = titleOf(dutch.get());
  xmlNewProp(root, reinterpret_cast<const xmlChar*>("title-fr"), reinterpret_cast<const xmlChar*>(frenchTitle.c_str()));
  xmlNewProp(root, reinterpret_cast<const xmlChar*>("title-nl"), reinterpret_cast<const xmlChar*>(dutchTitle.c_str()));
  for (const auto& [code, tree] : {std::pair{"fr", french.get()}, std::pair{"nl", dutch.get()}}) {
    xmlNode* version = xmlNewChild(root, ns, reinterpret_cast<const xmlChar*>("version"), nullptr);
    xmlNewProp(version, reinterpret_cast<const xmlChar*>("lang"), reinterpret_cast<const xmlChar*>(code));
    xmlAddChild(version, xmlDocCopyNode(xmlDocGetRootElement(tree), pair.get(), 1));
  }
  const auto stylesheet = stylesheets_.get(kSideBySideStylesheet);
  TransformResources resources{&texts_};
  auto result = xml::transform(stylesheet, pair.get(), {}, &resources);
  return RenderedHtml{xml::serialize(stylesheet, result.get()), frenchTitle + " | " + dutchTitle};
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
