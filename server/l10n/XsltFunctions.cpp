#include "l10n/XsltFunctions.h"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <stdexcept>
#include <utility>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "l10n/FormatError.h"
#include "l10n/Formatter.h"
#include "l10n/Lang.h"
#include "l10n/Money.h"

namespace paraph::l10n {

namespace {

struct XPathObjectDeleter {
  void operator()(xmlXPathObject* object) const { xmlXPathFreeObject(object); }
};
using XPathObjectPtr = std::unique_ptr<xmlXPathObject, XPathObjectDeleter>;

struct XmlCharDeleter {
  void operator()(xmlChar* text) const { xmlFree(text); }
};
using XmlCharPtr = std::unique_ptr<xmlChar, XmlCharDeleter>;

using Arguments = std::vector<std::string>;
using FunctionBody = std::string (*)(const Arguments&);

// Pops every argument the caller pushed (the XPath stack must stay balanced whatever
// happens next) and returns their string() values in call order.
Arguments popArgumentsAsStrings(xmlXPathParserContextPtr context, int argumentCount) {
  std::vector<XPathObjectPtr> popped;
  popped.reserve(static_cast<std::size_t>(argumentCount));
  for (int i = 0; i < argumentCount; ++i) popped.emplace_back(valuePop(context));
  Arguments arguments;
  arguments.reserve(popped.size());
  for (auto it = popped.rbegin(); it != popped.rend(); ++it) {
    if (!*it) throw FormatError("missing argument on the XPath stack");
    // xmlXPathCastToString applies string(): first node in document order for node-sets.
    const XmlCharPtr text(xmlXPathCastToString(it->get()));
    if (!text) throw std::bad_alloc();
    arguments.emplace_back(reinterpret_cast<const char*>(text.get()));
  }
  return arguments;
}

// Stops the transformation: the result is discarded and the message reaches the transform
// context's error handler (or libxslt's generic one).
void stopTransformation(xmlXPathParserContextPtr context, const std::string& message) {
  xsltTransformContextPtr transform = xsltXPathGetTransformContext(context);
  xsltTransformError(transform, nullptr, nullptr, "%s\n", message.c_str());
  if (transform != nullptr) transform->state = XSLT_STATE_STOPPED;
}

// Runs one extension function. No C++ exception may cross back into libxml2's C frames,
// and exactly one value must be pushed for the popped arguments.
void runExtensionFunction(xmlXPathParserContextPtr context, int argumentCount,
                          const char* functionName, FunctionBody body) {
  std::string result;
  try {
    result = body(popArgumentsAsStrings(context, argumentCount));
  } catch (const std::exception& error) {
    result.clear();
    stopTransformation(context, std::string("p:") + functionName + ": " + error.what());
  } catch (...) {
    result.clear();
    stopTransformation(context, std::string("p:") + functionName + ": unexpected error");
  }
  xmlXPathObjectPtr value = xmlXPathNewString(reinterpret_cast<const xmlChar*>(result.c_str()));
  if (value == nullptr) {
    xmlXPathErr(context, XPATH_MEMORY_ERROR);
    return;
  }
  valuePush(context, value);
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string_view trimmed(std::string_view text) {
  constexpr std::string_view kXmlWhitespace = " \t\r\n";
  const auto first = text.find_first_not_of(kXmlWhitespace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kXmlWhitespace) - first + 1);
}

void requireArgumentCount(const Arguments& arguments, std::size_t least, std::size_t most) {
  if (arguments.size() < least || arguments.size() > most) {
    const std::string expected = least == most ? std::to_string(least)
                                               : std::to_string(least) + " to " +
                                                     std::to_string(most);
    throw FormatError("expects " + expected + " arguments, got " +
                      std::to_string(arguments.size()));
  }
}

Lang languageArgument(const std::string& text) {
  const auto lang = parseLang(trimmed(text));
  if (!lang) throw FormatError("unknown language " + quoted(text) + " (expected fr or nl)");
  return *lang;
}

Money amountArgument(const std::string& text) {
  const auto amount = Money::parse(trimmed(text));
  if (!amount) {
    throw FormatError("amount " + quoted(text) +
                      " is not a plain amount like 1234.56 (at most 2 decimals, no exponent)");
  }
  return *amount;
}

int fractionDigitsArgument(const std::string& text) {
  const std::string_view digits = trimmed(text);
  int value = -1;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size() ||
      value < 0) {
    throw FormatError("fraction digits " + quoted(text) + " is not a whole number >= 0");
  }
  return value;
}

DateStyle dateStyleArgument(const std::string& text) {
  const std::string_view style = trimmed(text);
  if (style == "long") return DateStyle::Long;
  if (style == "full") return DateStyle::Full;
  if (style == "short") return DateStyle::Short;
  throw FormatError("unknown date style " + quoted(text) + " (expected long, full or short)");
}

std::string dateFunction(const Arguments& arguments) {
  requireArgumentCount(arguments, 2, 3);
  const DateStyle style = arguments.size() == 3 ? dateStyleArgument(arguments[2]) : DateStyle::Long;
  return formatDate(languageArgument(arguments[1]), trimmed(arguments[0]), style);
}

std::string dateTimeFunction(const Arguments& arguments) {
  requireArgumentCount(arguments, 2, 2);
  return formatDateTime(languageArgument(arguments[1]), trimmed(arguments[0]));
}

std::string moneyFunction(const Arguments& arguments) {
  requireArgumentCount(arguments, 2, 2);
  return formatMoney(languageArgument(arguments[1]), amountArgument(arguments[0]));
}

std::string moneyWordsFunction(const Arguments& arguments) {
  requireArgumentCount(arguments, 2, 2);
  return moneyInWords(languageArgument(arguments[1]), amountArgument(arguments[0]));
}

std::string numberFunction(const Arguments& arguments) {
  requireArgumentCount(arguments, 2, 4);
  const Lang lang = languageArgument(arguments[1]);
  const std::string_view value = trimmed(arguments[0]);
  if (arguments.size() == 2) return formatNumber(lang, value);
  const int minFractionDigits = fractionDigitsArgument(arguments[2]);
  if (arguments.size() == 3) {
    // At least that many decimals, and never round away digits that were given.
    const auto dot = value.find('.');
    const int givenDigits =
        dot == std::string_view::npos ? 0 : static_cast<int>(value.size() - dot - 1);
    return formatNumber(lang, value, minFractionDigits, std::max(minFractionDigits, givenDigits));
  }
  return formatNumber(lang, value, minFractionDigits, fractionDigitsArgument(arguments[3]));
}

std::string messageFunction(const Arguments& arguments) {
  if (arguments.size() < 2 || arguments.size() % 2 != 0) {
    throw FormatError("expects a pattern, a language and name/value pairs, got " +
                      std::to_string(arguments.size()) + " arguments");
  }
  MessageArguments namedArguments;
  for (std::size_t i = 2; i < arguments.size(); i += 2) {
    namedArguments.emplace_back(arguments[i], arguments[i + 1]);
  }
  return formatMessage(languageArgument(arguments[1]), arguments[0], namedArguments);
}

std::string collationKeyFunction(const Arguments& arguments) {
  requireArgumentCount(arguments, 2, 2);
  return collationKey(languageArgument(arguments[1]), arguments[0]);
}

struct ExtensionFunction {
  const char* localName;
  FunctionBody body;
};

constexpr ExtensionFunction kExtensionFunctions[] = {
    {"date", &dateFunction},
    {"datetime", &dateTimeFunction},
    {"money", &moneyFunction},
    {"money-words", &moneyWordsFunction},
    {"number", &numberFunction},
    {"message", &messageFunction},
    {"collation-key", &collationKeyFunction},
};

// libxslt passes no user data to a function, so each one gets its own callback that knows
// which entry it is (and can name itself in errors).
template <std::size_t Index>
void extensionFunctionCallback(xmlXPathParserContextPtr context, int argumentCount) {
  runExtensionFunction(context, argumentCount, kExtensionFunctions[Index].localName,
                       kExtensionFunctions[Index].body);
}

template <std::size_t... Indexes>
void registerEach(std::index_sequence<Indexes...>) {
  const std::string namespaceUri(kFunctionsNamespace);
  const auto* uri = reinterpret_cast<const xmlChar*>(namespaceUri.c_str());
  const bool allRegistered =
      ((xsltRegisterExtModuleFunction(
            reinterpret_cast<const xmlChar*>(kExtensionFunctions[Indexes].localName), uri,
            &extensionFunctionCallback<Indexes>) == 0) &&
       ...);
  if (!allRegistered) throw std::runtime_error("libxslt refused the paraph extension functions");
}

}  // namespace

void registerXsltFunctions() {
  static std::once_flag registered;
  std::call_once(registered, [] {
    registerEach(std::make_index_sequence<std::size(kExtensionFunctions)>());
  });
}

}  // namespace paraph::l10n
