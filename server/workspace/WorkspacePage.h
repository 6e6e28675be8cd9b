// paraph::workspace: the staff workspace's pages (docs/workspace.md) as HTML. The HTTP layer
// describes a page as an XML model (PageModel); xslt/workspace/page.xsl turns it into one
// self-contained HTML5 file, every word of it from catalog/l10n/workspace.{fr,nl}.xml, the
// same way the review page is made (server/review/ReviewPage).
#pragma once

#include <string>

#include "l10n/Lang.h"
#include "pipeline/TextCatalog.h"
#include "xml/XmlPtr.h"

namespace paraph::workspace {

// The model of one page: <w:page name="…"> and whatever the page's template reads. Every
// value goes in as a text node or an attribute value (never parsed as markup), made safe
// for XML 1.0 on the way in, so nothing a user typed can become HTML.
class PageModel {
 public:
  class Node {
   public:
    Node(xmlNode* node, xmlNs* ns) : node_(node), ns_(ns) {}
    Node add(const char* name);
    Node& set(const char* attribute, const std::string& value);
    Node& set(const char* attribute, long long value) { return set(attribute, std::to_string(value)); }
    Node& flag(const char* attribute, bool value);  // present as "true", or absent
    Node& text(const std::string& value);

   private:
    xmlNode* node_;
    xmlNs* ns_;
  };

  explicit PageModel(const std::string& pageName);
  Node root() { return {root_, ns_}; }
  xmlDoc* tree() const { return document_.get(); }

 private:
  xml::DocPtr document_;
  xmlNode* root_ = nullptr;
  xmlNs* ns_ = nullptr;
};

// Built once (compiles the stylesheet; the resource catalog must be installed, as building
// a pipeline::Pipeline does); thread-safe afterwards.
class WorkspacePage {
 public:
  explicit WorkspacePage(const pipeline::TextCatalog& texts);
  // Throws xml::TransformError when the stylesheet fails (a catalog key missing).
  std::string render(const PageModel& model, l10n::Lang uiLanguage) const;

 private:
  const pipeline::TextCatalog& texts_;
  xml::StylesheetPtr stylesheet_;
};

}  // namespace paraph::workspace
