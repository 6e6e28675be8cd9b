#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "xml/ResourceCatalog.h"
#include "xml/XmlPtr.h"

using paraph::xml::ResourceCatalog;

namespace {
const std::filesystem::path kHome = PARAPH_SOURCE_HOME;

void installProjectCatalog() {
  ResourceCatalog::install(kHome / "catalog" / "catalog.xml", {kHome / "catalog", kHome / "xslt", kHome / "styles"});
}
}  // namespace

TEST(ResourceCatalog, MapsProjectUrisToLocalFiles) {
  installProjectCatalog();
  const auto schema = ResourceCatalog::resolve("https://paraph.inami.fgov.be/schemas/letter.xsd");
  ASSERT_TRUE(schema.has_value());
  EXPECT_EQ(std::filesystem::weakly_canonical(*schema), std::filesystem::weakly_canonical(kHome / "catalog/schemas/letter.xsd"));
  const auto stylesheet = ResourceCatalog::resolve("https://paraph.inami.fgov.be/xslt/letter/html.xsl");
  ASSERT_TRUE(stylesheet.has_value());
}

TEST(ResourceCatalog, RefusesEverythingElse) {
  installProjectCatalog();
  EXPECT_FALSE(ResourceCatalog::resolve("file:///etc/passwd").has_value());
  EXPECT_FALSE(ResourceCatalog::resolve("/etc/passwd").has_value());
  EXPECT_FALSE(ResourceCatalog::resolve("http://169.254.169.254/latest/meta-data/").has_value());
  EXPECT_FALSE(ResourceCatalog::resolve("https://paraph.inami.fgov.be/../../etc/passwd").has_value());
  EXPECT_FALSE(ResourceCatalog::resolve((kHome / "catalog/../CMakeLists.txt").string()).has_value());
  EXPECT_FALSE(ResourceCatalog::resolve("https://example.org/other.xsl").has_value());
}

TEST(ResourceCatalog, LibxmlLoadsNothingOutsideTheCatalog) {
  installProjectCatalog();
  // With paraph's loader installed, even a trusted parse of a DTD-bearing document that
  // names /etc/passwd as an external subset cannot read it.
  const char* document = "<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>";
  xmlDocPtr parsed = xmlReadMemory(document, static_cast<int>(strlen(document)), "in.xml", nullptr,
                                   XML_PARSE_DTDLOAD | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  ASSERT_NE(parsed, nullptr);
  EXPECT_EQ(parsed->extSubset, nullptr);
  xmlFreeDoc(parsed);
}
