#include "xml/StylesheetCache.h"

#include <cstdarg>
#include <cstdio>
#include <vector>

#include <libxslt/security.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>

#include "xml/ResourceCatalog.h"

namespace paraph::xml {
namespace {

// libxslt reports through a printf-style callback; collect the text per call site.
void collectMessage(void* sink, const char* format, ...) {
  va_list arguments;
  va_start(arguments, format);
  char buffer[2048];
  std::vsnprintf(buffer, sizeof buffer, format, arguments);
  va_end(arguments);
  static_cast<std::string*>(sink)->append(buffer);
}

void freeStylesheet(const xsltStylesheet* stylesheet) { xsltFreeStylesheet(const_cast<xsltStylesheetPtr>(stylesheet)); }

int allowCatalogReadsOnly(xsltSecurityPrefsPtr, xsltTransformContextPtr, const char* value) {
  if (value == nullptr) return 0;
  return ResourceCatalog::resolve(value).has_value() ? 1 : 0;
}

int forbid(xsltSecurityPrefsPtr, xsltTransformContextPtr, const char*) { return 0; }

std::string cleaned(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

StylesheetPtr StylesheetCache::get(const std::string& uri) {
  std::lock_guard lock(mutex_);
  if (auto found = compiled_.find(uri); found != compiled_.end()) return found->second;
  const auto path = ResourceCatalog::resolve(uri);
  if (!path) throw std::runtime_error("stylesheet " + uri + " is not in the catalog");
  std::string messages;
  xsltSetGenericErrorFunc(&messages, collectMessage);
  xmlSetGenericErrorFunc(&messages, collectMessage);
  xsltStylesheetPtr raw = xsltParseStylesheetFile(reinterpret_cast<const xmlChar*>(path->c_str()));
  xsltSetGenericErrorFunc(nullptr, nullptr);
  xmlSetGenericErrorFunc(nullptr, nullptr);
  if (raw == nullptr || raw->errors > 0) {
    if (raw != nullptr) xsltFreeStylesheet(raw);
    throw std::runtime_error("stylesheet " + uri + " does not compile: " + cleaned(messages));
  }
  StylesheetPtr shared(raw, freeStylesheet);
  compiled_.emplace(uri, shared);
  return shared;
}

DocPtr transform(const StylesheetPtr& stylesheet, xmlDoc* input, const std::map<std::string, std::string>& stringParams,
                 void* userData) {
  auto* style = const_cast<xsltStylesheetPtr>(stylesheet.get());
  TransformContextPtr context(xsltNewTransformContext(style, input));
  if (!context) throw TransformError("cannot create a transform context");
  context->_private = userData;

  SecurityPrefsPtr prefs(xsltNewSecurityPrefs());
  xsltSetSecurityPrefs(prefs.get(), XSLT_SECPREF_WRITE_FILE, forbid);
  xsltSetSecurityPrefs(prefs.get(), XSLT_SECPREF_CREATE_DIRECTORY, forbid);
  xsltSetSecurityPrefs(prefs.get(), XSLT_SECPREF_WRITE_NETWORK, forbid);
  xsltSetSecurityPrefs(prefs.get(), XSLT_SECPREF_READ_NETWORK, forbid);
  xsltSetSecurityPrefs(prefs.get(), XSLT_SECPREF_READ_FILE, allowCatalogReadsOnly);
  xsltSetCtxtSecurityPrefs(prefs.get(), context.get());

  std::string messages;
  xsltSetTransformErrorFunc(context.get(), &messages, collectMessage);

  // String parameters go in as values, never as XPath expressions.
  std::vector<const char*> params;
  for (const auto& [name, value] : stringParams) {
    params.push_back(name.c_str());
    params.push_back(value.c_str());
  }
  params.push_back(nullptr);
  if (xsltQuoteUserParams(context.get(), params.data()) != 0) {
    throw TransformError("invalid stylesheet parameters: " + cleaned(messages));
  }
  DocPtr result(xsltApplyStylesheetUser(style, input, nullptr, nullptr, nullptr, context.get()));
  if (!result || context->state != XSLT_STATE_OK) {
    throw TransformError(messages.empty() ? "the transform failed" : cleaned(messages));
  }
  return result;
}

std::string serialize(const StylesheetPtr& stylesheet, xmlDoc* result) {
  xmlChar* bytes = nullptr;
  int length = 0;
  if (xsltSaveResultToString(&bytes, &length, result, const_cast<xsltStylesheetPtr>(stylesheet.get())) != 0) {
    throw TransformError("cannot serialise the transform's result");
  }
  XmlCharPtr owned(bytes);
  return length > 0 ? std::string(reinterpret_cast<const char*>(owned.get()), static_cast<std::size_t>(length))
                    : std::string();
}


}  // namespace paraph::xml
