#pragma once

#include <stdexcept>
#include <string>

#include <Poco/JSON/Array.h>

namespace paraph::http {

// An answer other than success, thrown by a route and turned into a JSON body
// {"error": message, "errors": [...]} with this status.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message, Poco::JSON::Array::Ptr errors = nullptr)
      : std::runtime_error(message), status_(status), errors_(std::move(errors)) {}
  int status() const { return status_; }
  const Poco::JSON::Array::Ptr& errors() const { return errors_; }

 private:
  int status_;
  Poco::JSON::Array::Ptr errors_;
};

}  // namespace paraph::http
