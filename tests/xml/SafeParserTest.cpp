#include <gtest/gtest.h>

#include <string>

#include "xml/SafeParser.h"

using paraph::xml::InvalidInput;
using paraph::xml::ParseLimits;
using paraph::xml::parseUntrusted;

namespace {

std::string firstMessage(const std::string& input, const ParseLimits& limits = {}) {
  try {
    parseUntrusted(input, "input.xml", limits);
  } catch (const InvalidInput& invalid) {
    return invalid.diagnostics().front().toLine();
  }
  return "accepted";
}

}  // namespace

TEST(SafeParser, AcceptsAPlainDocumentAndRecordsElementColumns) {
  const auto parsed = parseUntrusted("<a>\n  <b>x</b>\n</a>", "input.xml", {});
  xmlNode* root = xmlDocGetRootElement(parsed.document.get());
  xmlNode* child = root->children->next;
  ASSERT_STREQ(reinterpret_cast<const char*>(child->name), "b");
  EXPECT_EQ(xmlGetLineNo(child), 2);
  EXPECT_EQ(parsed.columnOf(child), 3);
  EXPECT_EQ(parsed.columnOf(root), 1);
}

TEST(SafeParser, RefusesAnExternalEntityWithoutReadingTheFile) {
  const std::string xxe =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE letter [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
      "<letter>&secret;</letter>";
  const std::string message = firstMessage(xxe);
  EXPECT_NE(message.find("DOCTYPE declarations are not allowed"), std::string::npos) << message;
  EXPECT_NE(message.find("input.xml:2:"), std::string::npos) << message;
  EXPECT_EQ(message.find("root:"), std::string::npos);
}

TEST(SafeParser, RefusesAnEntityBombBeforeExpandingIt) {
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
  for (int level = 1; level <= 9; ++level) {
    bomb += "<!ENTITY lol" + std::to_string(level) + " \"";
    for (int copy = 0; copy < 10; ++copy) bomb += "&lol" + (level == 1 ? std::string() : std::to_string(level - 1)) + ";";
    bomb += "\">\n";
  }
  bomb += "]>\n<lolz>&lol9;</lolz>";
  const std::string message = firstMessage(bomb);
  EXPECT_NE(message.find("DOCTYPE declarations are not allowed"), std::string::npos) << message;
  EXPECT_NE(message.find("input.xml:2:"), std::string::npos) << message;
}

TEST(SafeParser, RefusesDeepNestingAtTheConfiguredDepth) {
  std::string deep;
  for (int level = 0; level < 10000; ++level) deep += "<a>";
  for (int level = 0; level < 10000; ++level) deep += "</a>";
  ParseLimits limits;
  limits.maxDepth = 40;
  const std::string message = firstMessage(deep, limits);
  EXPECT_NE(message.find("nested deeper than 40 elements"), std::string::npos) << message;

  std::string shallow;
  for (int level = 0; level < 40; ++level) shallow += "<a>";
  for (int level = 0; level < 40; ++level) shallow += "</a>";
  EXPECT_EQ(firstMessage(shallow, limits), "accepted");
}

TEST(SafeParser, RefusesAnOversizedDocumentBeforeParsing) {
  ParseLimits limits;
  limits.maxDocumentBytes = 100;
  const std::string message = firstMessage("<a>" + std::string(200, 'x') + "</a>", limits);
  EXPECT_NE(message.find("the limit is 100 bytes (setting parse.max_document_bytes)"), std::string::npos) << message;
}

TEST(SafeParser, ReportsMalformedXmlWithLineAndColumn) {
  const std::string message = firstMessage("<a>\n<b></c>\n</a>");
  EXPECT_NE(message.find("input.xml:2:"), std::string::npos) << message;
  EXPECT_NE(message.find("malformed XML"), std::string::npos) << message;
}

TEST(SafeParser, NeverLoadsAnExternalDtdOrXInclude) {
  const std::string message = firstMessage("<!DOCTYPE a SYSTEM \"http://169.254.169.254/x.dtd\"><a/>");
  EXPECT_NE(message.find("DOCTYPE declarations are not allowed"), std::string::npos) << message;
  // XInclude is never processed: the element stays an element.
  const auto parsed = parseUntrusted(
      "<a xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"/etc/passwd\" parse=\"text\"/></a>", "in.xml", {});
  xmlNode* root = xmlDocGetRootElement(parsed.document.get());
  ASSERT_NE(root->children, nullptr);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->children->name), "include");
}
