// Consolidation: a convention's text with an amendment (avenant / wijzigingsclausule)
// applied, i.e. the next version of the convention document. docs/amendment.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xml/Diagnostic.h"
#include "xml/SafeParser.h"

namespace paraph::pipeline {

struct ConsolidatedConvention {
  std::string conventionId;  // the amended convention's document id
  std::string input;         // the consolidated convention input document (UTF-8 XML), valid against convention.xsd
  std::vector<std::string> changedArticles;  // stable ids of the articles replaced/inserted/repealed
};

// Applies a (valid) amendment to the (valid) current input of the convention it amends.
// Throws xml::InvalidInput naming the amendment's file, line and column when the amendment does
// not fit: another convention (id or number), an article id the convention lacks, an
// @article-number that is not that article's number, an inserted id already used, an amendment
// number already applied (see history below).
//
// The amendment cannot see the convention when it is written and rendered, so it states what
// it believes: the convention's id and number, each target article's number today
// (@article-number, the numbering before this amendment), and the number of every article it
// refers to in its new texts (ref/@number, the numbering once this amendment is applied).
// Each statement is checked here. So are the things the convention's rules would refuse
// later with a message about the convention rather than the amendment: a repealed article
// still referred to, a chapter left empty, a computed part (staffing table, cost calculation,
// term clause) lost or doubled. Every problem found is reported, each at the amendment's
// operation (or the element) that causes it.
//
// The result keeps the convention's document id (a new version of the same document), its
// layout and comments, and ends with <amended-by>, the history, to which this amendment is
// appended (number, id, signature date, effective date, what changed). Nothing is computed:
// the budget of the new financing is the enrichment's work when the result is validated.
ConsolidatedConvention consolidate(std::string_view conventionInput, const std::string& conventionName,
                                   std::string_view amendmentInput, const std::string& amendmentName,
                                   const xml::ParseLimits& limits = {});

}  // namespace paraph::pipeline
