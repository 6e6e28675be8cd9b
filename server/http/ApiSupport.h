// Small pieces every route file of the HTTP layer shares: URLs, path segments, numbers in
// paths, JSON shapes of files and diagnostics.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "pipeline/DiagnosticText.h"
#include "store/Records.h"
#include "xml/Diagnostic.h"

namespace paraph::http {

struct Exchange;

Poco::JSON::Object orderedObject();

// One path segment, percent-encoded (a document id may hold characters a URL reserves).
std::string encodeSegment(const std::string& segment);
std::string documentUrl(const std::string& id);
std::string versionUrl(const std::string& id, int number);
std::string jobUrl(std::int64_t job);
// Where the public reads a published document's file: /pub/{type}/{id}/{file}.
std::string publicPath(const std::string& type, const std::string& id, const std::string& file);
// The paired review page of a document, and of one of its versions.
std::string reviewPagePath(const std::string& id);
std::string reviewPageUrl(const std::string& id, int version);

// The non-empty segments of a path ("/a//b/" → a, b).
std::vector<std::string> segmentsOf(const std::string& path);

// A client's X-Request-Id is kept when it is short and plain; otherwise the server makes one.
bool acceptableRequestId(const std::string& id);

// "application/xml; charset=utf-8" → "application/xml".
std::string mediaTypeOf(const std::string& contentType);
// A request body that must be a JSON object sent as application/json: 415 for another media
// type, 400 for bytes that are not JSON or not an object; `example` shows what to send.
Poco::JSON::Object::Ptr jsonObjectBody(const Exchange& exchange, const std::string& body, const std::string& example);

// A whole number from 1 in a path or query; otherwise HttpError(status) naming `what`.
int positiveNumber(const std::string& text, const std::string& what, int status);
// A version in a path: "latest" is 0 (the store's latest), otherwise a whole number from 1 (404).
int versionNumberOf(const std::string& text);

Poco::JSON::Object::Ptr fileJson(const std::string& id, int number, const store::FileRecord& file);
// The diagnostics of a refused submission, each message in the language the request's
// Accept-Language asks for (fr, nl or en); English when it names none of them, so that API
// clients written against the English messages keep them (docs/validation-messages.md).
Poco::JSON::Array::Ptr diagnosticsJson(const Exchange& exchange, const std::vector<xml::Diagnostic>& diagnostics);
// The message language of a request: Accept-Language, English by default.
pipeline::MessageLanguage messageLanguageOf(const Exchange& exchange);

// A small, self-contained HTML page for an error a person sees in a browser (the review
// page): the status and message, escaped, and the request id to quote.
std::string errorPage(int status, const std::string& message, const std::string& requestId);

}  // namespace paraph::http
