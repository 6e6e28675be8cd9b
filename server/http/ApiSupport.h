// Small pieces every route file of the HTTP layer shares: URLs, path segments, numbers in
// paths, JSON shapes of files and diagnostics.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "store/Records.h"
#include "xml/Diagnostic.h"

namespace paraph::http {

Poco::JSON::Object orderedObject();

// One path segment, percent-encoded (a document id may hold characters a URL reserves).
std::string encodeSegment(const std::string& segment);
std::string documentUrl(const std::string& id);
std::string versionUrl(const std::string& id, int number);
std::string jobUrl(std::int64_t job);

// The non-empty segments of a path ("/a//b/" → a, b).
std::vector<std::string> segmentsOf(const std::string& path);
// A percent-decoded path segment.
std::string decodeSegment(const std::string& segment);

// A client's X-Request-Id is kept when it is short and plain; otherwise the server makes one.
bool acceptableRequestId(const std::string& id);

// "application/xml; charset=utf-8" → "application/xml".
std::string mediaTypeOf(const std::string& contentType);

// A whole number from 1 in a path or query; otherwise HttpError(status) naming `what`.
int positiveNumber(const std::string& text, const std::string& what, int status);

Poco::JSON::Object::Ptr fileJson(const std::string& id, int number, const store::FileRecord& file);
Poco::JSON::Array::Ptr diagnosticsJson(const std::vector<xml::Diagnostic>& diagnostics);

// A small, self-contained HTML page for an error a person sees in a browser (the review
// page): the status and message, escaped, and the request id to quote.
std::string errorPage(int status, const std::string& message, const std::string& requestId);

}  // namespace paraph::http
