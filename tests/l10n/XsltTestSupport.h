// Owners for the libxml2/libxslt objects the l10n XSLT tests create, and a helper that runs
// one transformation with its own transform context and collects its error messages.
#pragma once

#include <libxml/parser.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include <cstdarg>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace paraph::l10n::testing {

struct XmlDocDeleter {
  void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

struct StylesheetDeleter {
  void operator()(xsltStylesheet* stylesheet) const { xsltFreeStylesheet(stylesheet); }
};
using StylesheetPtr = std::unique_ptr<xsltStylesheet, StylesheetDeleter>;

struct TransformContextDeleter {
  void operator()(xsltTransformContext* context) const { xsltFreeTransformContext(context); }
};
using TransformContextPtr = std::unique_ptr<xsltTransformContext, TransformContextDeleter>;

struct XmlCharDeleter {
  void operator()(xmlChar* text) const { xmlFree(text); }
};

inline XmlDocPtr parseXml(const std::string& text) {
  XmlDocPtr document(xmlReadMemory(text.data(), static_cast<int>(text.size()), "test.xml",
                                   "UTF-8", XML_PARSE_NONET));
  if (!document) throw std::runtime_error("test XML does not parse");
  return document;
}

// xsltParseStylesheetDoc takes ownership of the document only when it succeeds.
inline StylesheetPtr compileStylesheet(const std::string& text) {
  XmlDocPtr document = parseXml(text);
  StylesheetPtr stylesheet(xsltParseStylesheetDoc(document.get()));
  if (!stylesheet) throw std::runtime_error("test stylesheet does not compile");
  document.release();
  return stylesheet;
}

struct TransformOutcome {
  bool produced = false;        // xsltApplyStylesheetUser returned a document
  xsltTransformState state{};   // the transform context's final state
  std::string output;           // serialised result, empty if none
  std::vector<std::string> errors;
};

inline void collectError(void* sink, const char* format, ...) {
  char buffer[2048];
  va_list arguments;
  va_start(arguments, format);
  std::vsnprintf(buffer, sizeof buffer, format, arguments);
  va_end(arguments);
  static_cast<std::vector<std::string>*>(sink)->emplace_back(buffer);
}

// Applies stylesheet to input with the stylesheet parameter lang set to the given code.
inline TransformOutcome transform(xsltStylesheet* stylesheet, const std::string& input,
                                  const std::string& lang) {
  TransformOutcome outcome;
  XmlDocPtr source = parseXml(input);
  TransformContextPtr context(xsltNewTransformContext(stylesheet, source.get()));
  if (!context) throw std::runtime_error("no transform context");
  xsltSetTransformErrorFunc(context.get(), &outcome.errors, &collectError);
  const std::string langExpression = "'" + lang + "'";
  const char* parameters[] = {"lang", langExpression.c_str(), nullptr};
  XmlDocPtr result(xsltApplyStylesheetUser(stylesheet, source.get(), parameters, nullptr, nullptr,
                                           context.get()));
  outcome.produced = result != nullptr;
  outcome.state = context->state;
  if (result) {
    xmlChar* bytes = nullptr;
    int length = 0;
    if (xsltSaveResultToString(&bytes, &length, result.get(), stylesheet) != 0) {
      throw std::runtime_error("result does not serialise");
    }
    const std::unique_ptr<xmlChar, XmlCharDeleter> owned(bytes);
    if (owned) outcome.output.assign(reinterpret_cast<const char*>(owned.get()),
                                     static_cast<std::size_t>(length));
  }
  return outcome;
}

}  // namespace paraph::l10n::testing
