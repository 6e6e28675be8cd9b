#include "http/ApiSupport.h"

#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <sstream>

#include "http/Exchange.h"
#include "http/HttpError.h"
#include "http/Sessions.h"
#include "xml/Escape.h"

namespace paraph::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object orderedObject() { return Object(Poco::JSON_PRESERVE_KEY_ORDER); }

std::string encodeSegment(const std::string& segment) { return xml::percentEncoded(segment); }

std::string documentUrl(const std::string& id) { return "/api/v1/documents/" + encodeSegment(id); }
std::string versionUrl(const std::string& id, int number) {
  return documentUrl(id) + "/versions/" + std::to_string(number);
}
std::string jobUrl(std::int64_t job) { return "/api/v1/jobs/" + std::to_string(job); }
std::string publicPath(const std::string& type, const std::string& id, const std::string& file) {
  return "/pub/" + type + "/" + encodeSegment(id) + "/" + file;
}
std::string reviewPagePath(const std::string& id) { return "/review/" + encodeSegment(id); }
std::string reviewPageUrl(const std::string& id, int version) {
  return reviewPagePath(id) + "?version=" + std::to_string(version);
}

std::vector<std::string> segmentsOf(const std::string& path) {
  std::vector<std::string> segments;
  std::string current;
  std::istringstream stream(path);
  while (std::getline(stream, current, '/')) {
    if (!current.empty()) segments.push_back(current);
  }
  return segments;
}

// A client's X-Request-Id is kept when it is short and plain; otherwise the server makes one.
bool acceptableRequestId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  return id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:") ==
         std::string::npos;
}

std::string mediaTypeOf(const std::string& contentType) {
  return Poco::toLower(Poco::trim(contentType.substr(0, contentType.find(';'))));
}

int positiveNumber(const std::string& text, const std::string& what, int status) {
  int value = 0;
  if (!Poco::NumberParser::tryParse(text, value) || value < 1 || text.find_first_not_of("0123456789") != std::string::npos) {
    throw HttpError(status, what + " must be a whole number from 1, not '" + text + "'");
  }
  return value;
}

int versionNumberOf(const std::string& text) {
  return text == "latest" ? 0 : positiveNumber(text, "the version", 404);
}

Object::Ptr fileJson(const std::string& id, int number, const store::FileRecord& file) {
  Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("name", file.name);
  json->set("path", versionUrl(id, number) + "/" + file.name);
  json->set("media_type", file.mediaType);
  json->set("size", file.size);
  json->set("sha256", file.sha256);
  return json;
}

Object::Ptr jsonObjectBody(const Exchange& exchange, const std::string& body, const std::string& example) {
  if (mediaTypeOf(exchange.request.getContentType()) != "application/json") {
    throw HttpError(415, "send " + example + " as Content-Type: application/json, not '" +
                             exchange.request.getContentType() + "'");
  }
  Poco::Dynamic::Var parsed;
  try {
    parsed = Poco::JSON::Parser().parse(body);
  } catch (const Poco::Exception& error) {
    throw HttpError(400, "the body is not JSON: " + error.displayText());
  }
  const auto object = parsed.type() == typeid(Object::Ptr) ? parsed.extract<Object::Ptr>() : nullptr;
  if (!object) throw HttpError(400, "the body must be a JSON object such as " + example);
  return object;
}

pipeline::MessageLanguage messageLanguageOf(const Exchange& exchange) {
  // A page (workspace, review page) tells its problems in the page's own language.
  if (exchange.browserPage) {
    return interfaceLanguage(exchange) == l10n::Lang::nl ? pipeline::MessageLanguage::nl : pipeline::MessageLanguage::fr;
  }
  return pipeline::negotiateMessageLanguage(exchange.request.get("Accept-Language", ""), pipeline::MessageLanguage::en);
}

Array::Ptr diagnosticsJson(const Exchange& exchange, const std::vector<xml::Diagnostic>& diagnostics) {
  const auto language = messageLanguageOf(exchange);
  const auto& texts = exchange.context.pipeline.texts();
  Array::Ptr errors = new Array;
  for (const auto& diagnostic : diagnostics) {
    Object::Ptr error = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    error->set("line", diagnostic.line);
    error->set("column", diagnostic.column);
    error->set("path", diagnostic.path);
    error->set("message", pipeline::localisedMessage(diagnostic, texts, language));
    error->set("rule", diagnostic.rule);
    if (!diagnostic.key.empty()) error->set("key", diagnostic.key);
    errors->add(error);
  }
  return errors;
}

std::string errorPage(int status, const std::string& message, const std::string& requestId) {
  const std::string title = "paraph: " + std::to_string(status);
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + xml::escapedMarkup(title, false) +
         "</title></head><body><main><h1>" + xml::escapedMarkup(title, false) + "</h1><p role=\"alert\">" + xml::escapedMarkup(message, false) +
         "</p><p>Request " + xml::escapedMarkup(requestId, false) + "</p></main></body></html>\n";
}

}  // namespace paraph::http
