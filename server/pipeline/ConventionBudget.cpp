#include "pipeline/ConventionBudget.h"

#include <charconv>
#include <stdexcept>

#include "l10n/Decimal.h"
#include "xml/XPath.h"

namespace paraph::pipeline {
namespace {

std::string trimmedText(const xmlNode* node) {
  std::string text = xml::textContent(node);
  const auto first = text.find_first_not_of(" \t\r\n");
  const auto last = text.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

std::optional<std::int64_t> positiveInteger(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

xmlNode* firstChild(const xmlNode* parent, const char* name) {
  if (parent == nullptr) return nullptr;
  auto children = xml::childElements(parent, name);
  return children.empty() ? nullptr : children.front();
}

}  // namespace

ConventionBudget::ConventionBudget(const std::filesystem::path& salaryScalesFile) {
  if (!std::filesystem::exists(salaryScalesFile)) return;  // no convention type installed
  auto document = xml::parseTrustedFile(salaryScalesFile.string());
  for (xmlNode* scale : xml::childElements(xmlDocGetRootElement(document.get()), "scale")) {
    const std::string code = xml::attribute(scale, "code");
    const auto cost = l10n::Money::parse(trimmedText(firstChild(scale, "annual-cost")));
    if (!cost || !cost->isPositive()) {
      throw std::runtime_error(salaryScalesFile.string() + ": scale " + code + " has no valid annual-cost");
    }
    scales_.emplace(code, *cost);
  }
}

void ConventionBudget::apply(const EnrichmentContext& context) const {
  xmlDoc* tree = context.parsed.document.get();
  const auto financingNodes =
      xml::XPathExpression(context.spec.arguments.at("financing")).nodes(tree, nullptr, context.type.namespaces);
  if (financingNodes.empty()) return;  // the schema decides whether financing is required
  xmlNode* financing = financingNodes.front();
  const std::size_t before = context.diagnostics.size();

  xmlNode* capacityNode = firstChild(financing, "capacity");
  xmlNode* daysNode = firstChild(financing, "activity-days");
  const auto capacity = capacityNode != nullptr ? positiveInteger(trimmedText(capacityNode)) : std::nullopt;
  const auto days = daysNode != nullptr ? positiveInteger(trimmedText(daysNode)) : std::nullopt;
  if (!capacity) context.report(capacityNode != nullptr ? capacityNode : financing, "the capacity must be a whole number above 0", "convention-budget",
                                "budget.capacity");
  if (!days) context.report(daysNode != nullptr ? daysNode : financing, "the days of activity must be a whole number above 0", "convention-budget",
                            "budget.days");

  struct StaffLine {
    std::string fte;
    l10n::Money annualCost;
    l10n::Money cost;
  };
  std::vector<StaffLine> lines;
  l10n::Money staffTotal = l10n::Money::fromCents(0);
  for (xmlNode* function : xml::childElements(firstChild(financing, "staffing") ? firstChild(financing, "staffing") : financing, "function")) {
    const std::string fteText = xml::attribute(function, "fte");
    const auto fte = l10n::Decimal::parse(fteText);
    std::optional<l10n::Money> annualCost;
    if (xmlNode* given = firstChild(function, "annual-cost")) {
      annualCost = l10n::Money::parse(trimmedText(given));
    } else if (const std::string scale = xml::attribute(function, "scale"); !scale.empty()) {
      if (auto found = scales_.find(scale); found != scales_.end()) {
        annualCost = found->second;
      } else {
        context.report(function, "unknown salary scale '" + scale + "': see catalog/data/salary-scales.xml for the codes",
                       "convention-budget", "budget.scale-unknown", {{"value", scale}});
        continue;
      }
    }
    if (!fte || !annualCost) {
      context.report(function, "a staffing function needs an fte and an annual cost (annual-cost or @scale)", "convention-budget",
                       "budget.staff-line");
      continue;
    }
    const l10n::Money cost = annualCost->times(*fte);
    staffTotal = staffTotal + cost;
    lines.push_back(StaffLine{fteText, *annualCost, cost});
  }
  l10n::Money operatingTotal = l10n::Money::fromCents(0);
  if (xmlNode* operating = firstChild(financing, "operating-costs")) {
    for (xmlNode* item : xml::childElements(operating, "item")) {
      const auto amount = l10n::Money::parse(trimmedText(firstChild(item, "amount")));
      if (!amount) {
        context.report(item, "an operating cost needs an amount in euros with at most two decimals", "convention-budget",
                       "budget.operating-amount");
        continue;
      }
      operatingTotal = operatingTotal + *amount;
    }
  }
  if (context.diagnostics.size() != before) return;

  const l10n::Money budget = staffTotal + operatingTotal;
  const std::int64_t divisor = *capacity * *days;
  const l10n::Money rate = budget.dividedBy(l10n::Decimal::fromParts(divisor, 0));

  xmlNode* budgetElement = context.append(context.target, "budget");
  const std::string rateUnit = xml::attribute(financing, "rate-unit");
  xmlNewProp(budgetElement, reinterpret_cast<const xmlChar*>("rate-unit"),
             reinterpret_cast<const xmlChar*>(rateUnit.empty() ? "day" : rateUnit.c_str()));
  for (std::size_t index = 0; index < lines.size(); ++index) {
    xmlNode* line = context.append(budgetElement, "staff-line");
    const std::string position = std::to_string(index + 1);
    const std::string annual = lines[index].annualCost.toDecimalString();
    const std::string cost = lines[index].cost.toDecimalString();
    xmlNewProp(line, reinterpret_cast<const xmlChar*>("position"), reinterpret_cast<const xmlChar*>(position.c_str()));
    xmlNewProp(line, reinterpret_cast<const xmlChar*>("fte"), reinterpret_cast<const xmlChar*>(lines[index].fte.c_str()));
    xmlNewProp(line, reinterpret_cast<const xmlChar*>("annual-cost"), reinterpret_cast<const xmlChar*>(annual.c_str()));
    xmlNewProp(line, reinterpret_cast<const xmlChar*>("cost"), reinterpret_cast<const xmlChar*>(cost.c_str()));
  }
  context.append(budgetElement, "staff-total", staffTotal.toDecimalString());
  context.append(budgetElement, "operating-total", operatingTotal.toDecimalString());
  context.append(budgetElement, "annual-budget", budget.toDecimalString());
  context.append(budgetElement, "divisor", std::to_string(divisor));
  context.append(budgetElement, "rate", rate.toDecimalString());
}

}  // namespace paraph::pipeline
