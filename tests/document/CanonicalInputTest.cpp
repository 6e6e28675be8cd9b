#include <gtest/gtest.h>

#include "document/CanonicalInput.h"
#include "xml/Sha256.h"
#include "xml/SafeParser.h"

namespace {

std::string canonicalHash(const std::string& xml) {
  const auto parsed = paraph::xml::parseUntrusted(xml, "test.xml", {});
  return paraph::xml::sha256Hex(paraph::document::canonicalForm(parsed.document.get()));
}

}  // namespace

TEST(CanonicalInput, IgnoresSyntaxThatCannotChangeAnOutput) {
  const std::string original =
      R"(<?xml version="1.0" encoding="UTF-8"?><letter xmlns="urn:x" id="A" b="2"><date>2026-01-01</date><x/></letter>)";
  const std::string respelled =
      "<letter b='2'  id='A' xmlns='urn:x'><!-- reviewed --><date>2026-01-01</date><x></x></letter>";
  const std::string withReference = R"(<letter xmlns="urn:x" id="&#65;" b="2"><date>2026-01-01</date><x/></letter>)";
  EXPECT_EQ(canonicalHash(original), canonicalHash(respelled));
  EXPECT_EQ(canonicalHash(original), canonicalHash(withReference));
}

TEST(CanonicalInput, SeesEveryChangeOfContent) {
  const std::string original = R"(<letter xmlns="urn:x" id="A"><amount>4850.00</amount></letter>)";
  EXPECT_NE(canonicalHash(original), canonicalHash(R"(<letter xmlns="urn:x" id="A"><amount>4850.01</amount></letter>)"));
  EXPECT_NE(canonicalHash(original), canonicalHash(R"(<letter xmlns="urn:x" id="B"><amount>4850.00</amount></letter>)"));
  EXPECT_NE(canonicalHash(original),
            canonicalHash(R"(<letter xmlns="urn:x" id="A"><amount> 4850.00</amount></letter>)"));
}
