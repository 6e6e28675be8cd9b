#include "pipeline/CatalogFunctions.h"

#include <mutex>
#include <string>

#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/xsltutils.h>

#include "xml/XmlPtr.h"

namespace paraph::pipeline {
namespace {

constexpr const char* kNamespace = "https://paraph.inami.fgov.be/ns/functions";

// Pops the function's arguments (last first) as XPath strings.
std::vector<std::string> popStrings(xmlXPathParserContextPtr parser, int count) {
  std::vector<std::string> values(static_cast<std::size_t>(count));
  for (int index = count - 1; index >= 0; --index) {
    xml::XmlCharPtr value(xmlXPathPopString(parser));
    values[static_cast<std::size_t>(index)] = value ? reinterpret_cast<const char*>(value.get()) : "";
  }
  return values;
}

void fail(xmlXPathParserContextPtr parser, const std::string& message) {
  xsltTransformContextPtr transform = xsltXPathGetTransformContext(parser);
  xsltTransformError(transform, nullptr, nullptr, "%s\n", message.c_str());
  if (transform != nullptr) transform->state = XSLT_STATE_STOPPED;
  valuePush(parser, xmlXPathNewCString(""));
}

const TextCatalog* catalogOf(xmlXPathParserContextPtr parser) {
  xsltTransformContextPtr transform = xsltXPathGetTransformContext(parser);
  if (transform == nullptr || transform->_private == nullptr) return nullptr;
  return static_cast<const TransformResources*>(transform->_private)->catalog;
}

void pushString(xmlXPathParserContextPtr parser, const std::string& value) {
  valuePush(parser, xmlXPathNewCString(value.c_str()));
}

void textFunction(xmlXPathParserContextPtr parser, int arity) {
  if (arity != 2) return fail(parser, "p:text(key, lang) takes two arguments");
  auto args = popStrings(parser, 2);
  const TextCatalog* catalog = catalogOf(parser);
  const auto lang = l10n::parseLang(args[1]);
  if (catalog == nullptr || !lang) return fail(parser, "p:text: unknown language '" + args[1] + "'");
  const std::string* text = catalog->text(args[0], *lang);
  if (text == nullptr) return fail(parser, "p:text: no generated text '" + args[0] + "' in catalog/l10n/" + args[1] + ".xml");
  pushString(parser, *text);
}

void termFunction(xmlXPathParserContextPtr parser, int arity, bool abbreviation) {
  const char* name = abbreviation ? "p:term-abbr" : "p:term";
  if (arity != 2) return fail(parser, std::string(name) + "(key, lang) takes two arguments");
  auto args = popStrings(parser, 2);
  const TextCatalog* catalog = catalogOf(parser);
  const auto lang = l10n::parseLang(args[1]);
  if (catalog == nullptr || !lang) return fail(parser, std::string(name) + ": unknown language '" + args[1] + "'");
  const TextCatalog::Term* term = catalog->term(args[0]);
  if (term == nullptr) return fail(parser, std::string(name) + ": no term '" + args[0] + "' in catalog/terminology.xml");
  const std::string& value = abbreviation ? term->abbreviation[indexOf(*lang)] : term->full[indexOf(*lang)];
  if (value.empty()) return fail(parser, std::string(name) + ": term '" + args[0] + "' has no such form in " + args[1]);
  pushString(parser, value);
}

void termFullFunction(xmlXPathParserContextPtr parser, int arity) { termFunction(parser, arity, false); }
void termAbbreviationFunction(xmlXPathParserContextPtr parser, int arity) { termFunction(parser, arity, true); }

void cssFunction(xmlXPathParserContextPtr parser, int arity) {
  if (arity != 1) return fail(parser, "p:css(name) takes one argument");
  auto args = popStrings(parser, 1);
  const TextCatalog* catalog = catalogOf(parser);
  const std::string* css = catalog != nullptr ? catalog->css(args[0]) : nullptr;
  if (css == nullptr) return fail(parser, "p:css: no stylesheet styles/" + args[0] + ".css");
  pushString(parser, *css);
}

}  // namespace

void registerCatalogFunctions() {
  static std::once_flag once;
  std::call_once(once, [] {
    const auto* uri = reinterpret_cast<const xmlChar*>(kNamespace);
    xsltRegisterExtModuleFunction(reinterpret_cast<const xmlChar*>("text"), uri, textFunction);
    xsltRegisterExtModuleFunction(reinterpret_cast<const xmlChar*>("term"), uri, termFullFunction);
    xsltRegisterExtModuleFunction(reinterpret_cast<const xmlChar*>("term-abbr"), uri, termAbbreviationFunction);
    xsltRegisterExtModuleFunction(reinterpret_cast<const xmlChar*>("css"), uri, cssFunction);
  });
}

}  // namespace paraph::pipeline
