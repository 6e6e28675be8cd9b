#include "workspace/WorkspacePage.h"

#include <new>

#include "l10n/XsltFunctions.h"
#include "pipeline/CatalogFunctions.h"
#include "xml/Escape.h"
#include "xml/StylesheetCache.h"
#include "xml/TreeBuilding.h"

namespace paraph::workspace {
namespace {

constexpr const char* kStylesheet = "https://paraph.inami.fgov.be/xslt/workspace/page.xsl";
// The model's own namespace: nothing in it can be mistaken for HTML by the stylesheet.
constexpr const char* kModelNamespace = "https://paraph.inami.fgov.be/ns/workspace/1";

}  // namespace

PageModel::Node PageModel::Node::add(const char* name) { return {xml::newElement(node_, ns_, name), ns_}; }

PageModel::Node& PageModel::Node::set(const char* attribute, const std::string& value) {
  // xmlSetProp stores the value as it is (no entity parsing): it is escaped on output.
  if (xmlSetProp(node_, reinterpret_cast<const xmlChar*>(attribute), xml::xmlChars(xml::xmlSafeText(value))) ==
      nullptr) {
    throw std::bad_alloc();
  }
  return *this;
}

PageModel::Node& PageModel::Node::flag(const char* attribute, bool value) {
  if (value) set(attribute, std::string("true"));
  return *this;
}

PageModel::Node& PageModel::Node::text(const std::string& value) {
  xmlNode* node = xmlNewText(xml::xmlChars(xml::xmlSafeText(value)));
  if (node == nullptr) throw std::bad_alloc();
  xmlAddChild(node_, node);
  return *this;
}

PageModel::PageModel(const std::string& pageName) : document_(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0"))) {
  if (!document_) throw std::bad_alloc();
  root_ = xmlNewDocNode(document_.get(), nullptr, reinterpret_cast<const xmlChar*>("page"), nullptr);
  if (root_ == nullptr) throw std::bad_alloc();
  xmlDocSetRootElement(document_.get(), root_);
  ns_ = xmlNewNs(root_, reinterpret_cast<const xmlChar*>(kModelNamespace), reinterpret_cast<const xmlChar*>("w"));
  if (ns_ == nullptr) throw std::bad_alloc();
  xmlSetNs(root_, ns_);
  root().set("name", pageName);
}

WorkspacePage::WorkspacePage(const pipeline::TextCatalog& texts) : texts_(texts) {
  l10n::registerXsltFunctions();
  pipeline::registerCatalogFunctions();
  xml::StylesheetCache cache;
  stylesheet_ = cache.get(kStylesheet);
}

std::string WorkspacePage::render(const PageModel& model, l10n::Lang uiLanguage) const {
  pipeline::TransformResources resources{&texts_};
  const auto result =
      xml::transform(stylesheet_, model.tree(), {{"lang", std::string(l10n::code(uiLanguage))}}, &resources);
  return xml::serialize(stylesheet_, result.get());
}

}  // namespace paraph::workspace
