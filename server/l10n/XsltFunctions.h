// The XSLT extension functions that put paraph::l10n at the stylesheets' disposal, in the
// namespace kFunctionsNamespace (bound to the prefix p by convention):
//
//   p:date(isoDate, lang [, 'long'|'full'|'short'])   p:datetime(isoLocalDateTime, lang)
//   p:money(amount, lang)                              p:money-words(amount, lang)
//   p:number(value, lang [, minFractionDigits [, maxFractionDigits]])
//   p:message(pattern, lang, name1, value1, name2, value2, ...)
//   p:collation-key(text, lang)
//
// Arguments are taken with XPath string() semantics (a node-set gives its first node's
// string value). Leading/trailing XML whitespace is ignored in dates, amounts, numbers,
// languages and styles, as XPath number() does; text (message patterns and values, the text
// of p:collation-key) is taken as is.
// lang is fr, nl, fr-BE, nl-BE, fr_BE or nl_BE. p:number with two arguments prints every
// digit given; with three it pads to at least min decimals without rounding; with four it
// also rounds half away from zero to at most max decimals.
// Any bad input stops the whole transformation with an error naming the function and the
// value (reported through the transform context's error handler).
#pragma once

#include <string_view>

namespace paraph::l10n {

inline constexpr std::string_view kFunctionsNamespace =
    "https://paraph.inami.fgov.be/ns/functions";

// Registers the functions with libxslt for every stylesheet. Safe to call any number of
// times from any thread; must have been called before the first transformation runs.
void registerXsltFunctions();

}  // namespace paraph::l10n
