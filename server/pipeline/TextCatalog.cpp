#include "pipeline/TextCatalog.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "xml/SafeParser.h"
#include "xml/XPath.h"

namespace paraph::pipeline {

TextCatalog::TextCatalog(const std::filesystem::path& l10nFolder, const std::filesystem::path& terminologyFile,
                         const std::filesystem::path& stylesFolder) {
  // Every file of catalog/l10n/ holds entries of one language (its root's lang): fr.xml and
  // nl.xml for the shared and letter texts, <type>.fr.xml and <type>.nl.xml for each
  // further document type. Together they form one table per language.
  for (const auto& entry : std::filesystem::directory_iterator(l10nFolder)) {
    if (entry.path().extension() != ".xml") continue;
    auto document = xml::parseTrustedFile(entry.path().string());
    xmlNode* root = xmlDocGetRootElement(document.get());
    const auto lang = l10n::parseLang(xml::attribute(root, "lang"));
    if (!lang) throw std::runtime_error(entry.path().string() + ": the root has no lang=\"fr\" or \"nl\"");
    auto& table = texts_[indexOf(*lang)];
    for (xmlNode* text : xml::childElements(root, "text")) {
      const std::string key = xml::attribute(text, "key");
      if (!table.emplace(key, xml::textContent(text)).second) {
        throw std::runtime_error(entry.path().string() + ": key " + key + " is defined twice in " +
                                 std::string(l10n::code(*lang)));
      }
    }
  }
  auto terminology = xml::parseTrustedFile(terminologyFile.string());
  for (xmlNode* entry : xml::childElements(xmlDocGetRootElement(terminology.get()), "term")) {
    Term term;
    for (xmlNode* form : xml::childElements(entry, "form")) {
      const auto lang = l10n::parseLang(xml::langOf(form));
      if (!lang) throw std::runtime_error(terminologyFile.string() + ": a form has no fr/nl xml:lang");
      term.full[indexOf(*lang)] = xml::textContent(form);
      term.abbreviation[indexOf(*lang)] = xml::attribute(form, "abbr");
    }
    terms_[xml::attribute(entry, "key")] = std::move(term);
  }
  for (const auto& entry : std::filesystem::directory_iterator(stylesFolder)) {
    if (entry.path().extension() != ".css") continue;
    std::ifstream stream(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << stream.rdbuf();
    css_[entry.path().stem().string()] = content.str();
  }
}

const std::string* TextCatalog::text(const std::string& key, l10n::Lang lang) const {
  const auto& table = texts_[indexOf(lang)];
  const auto found = table.find(key);
  return found == table.end() ? nullptr : &found->second;
}

const TextCatalog::Term* TextCatalog::term(const std::string& key) const {
  const auto found = terms_.find(key);
  return found == terms_.end() ? nullptr : &found->second;
}

const std::string* TextCatalog::css(const std::string& name) const {
  const auto found = css_.find(name);
  return found == css_.end() ? nullptr : &found->second;
}

std::vector<std::string> TextCatalog::keysMissingIn(l10n::Lang lang) const {
  std::vector<std::string> missing;
  const auto& table = texts_[indexOf(lang)];
  for (const auto& [key, value] : texts_[indexOf(l10n::other(lang))]) {
    if (!table.contains(key)) missing.push_back(key);
  }
  return missing;
}

}  // namespace paraph::pipeline
