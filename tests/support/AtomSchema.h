// RFC 4287's own RELAX NG schema (tests/publication/atom.rng), compiled once per test
// binary: the feeds' unit tests and the server's end-to-end test check feeds against it.
#pragma once

#include <libxml/relaxng.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/Fixtures.h"
#include "xml/XmlPtr.h"

namespace paraph::testing {

using RelaxNgParserCtxtPtr = std::unique_ptr<xmlRelaxNGParserCtxt, paraph::xml::Deleter<xmlRelaxNGFreeParserCtxt>>;
using RelaxNgPtr = std::unique_ptr<xmlRelaxNG, paraph::xml::Deleter<xmlRelaxNGFree>>;
using RelaxNgValidCtxtPtr = std::unique_ptr<xmlRelaxNGValidCtxt, paraph::xml::Deleter<xmlRelaxNGFreeValidCtxt>>;

inline void collectAtomError(void* messages, xmlErrorPtr error) {
  if (error == nullptr || error->message == nullptr) return;
  std::string message = "line " + std::to_string(error->line) + ": " + error->message;
  while (!message.empty() && message.back() == '\n') message.pop_back();
  static_cast<std::vector<std::string>*>(messages)->push_back(message);
}

// RFC 4287's RELAX NG schema, compiled once for the test binary.
class AtomSchema {
 public:
  AtomSchema() {
    const std::string text = readFile(kHome / "tests" / "publication" / "atom.rng");
    RelaxNgParserCtxtPtr parser(xmlRelaxNGNewMemParserCtxt(text.data(), static_cast<int>(text.size())));
    if (!parser) throw std::bad_alloc();
    std::vector<std::string> messages;
    xmlRelaxNGSetParserStructuredErrors(parser.get(), collectAtomError, &messages);
    schema_.reset(xmlRelaxNGParse(parser.get()));
    if (!schema_) {
      std::string all;
      for (const auto& message : messages) all += message + "\n";
      throw std::runtime_error("tests/publication/atom.rng does not compile:\n" + all);
    }
  }

  // libxml2's messages; empty when the document is valid.
  std::vector<std::string> errors(xmlDoc* document) const {
    RelaxNgValidCtxtPtr context(xmlRelaxNGNewValidCtxt(schema_.get()));
    if (!context) throw std::bad_alloc();
    std::vector<std::string> messages;
    xmlRelaxNGSetValidStructuredErrors(context.get(), collectAtomError, &messages);
    const int result = xmlRelaxNGValidateDoc(context.get(), document);
    if (result != 0 && messages.empty()) messages.push_back("invalid (code " + std::to_string(result) + ")");
    return messages;
  }

 private:
  RelaxNgPtr schema_;
};

inline const AtomSchema& atomSchema() {
  static const AtomSchema schema;
  return schema;
}

}  // namespace paraph::testing
