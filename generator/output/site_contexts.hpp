#pragma once
// Contexts of the pages that are not one report: home, agencies index, agency, year, comparison,
// audit, plain pages and 404.
#include "output/context.hpp"

namespace gongkai::output {

Json home_context(const ContextEnv& env);
Json agencies_context(const ContextEnv& env);
Json agency_context(const ContextEnv& env, const site::Agency& agency);
Json year_context(const ContextEnv& env, const site::YearEntry& year);
/// The year's table as CSV (UTF-8 with BOM, for spreadsheet programs): a missing value is an empty
/// field, never 0.
std::string year_csv(const ContextEnv& env, const site::YearEntry& year);
Json compare_context(const ContextEnv& env, const site::Comparison& comparison);
Json audit_context(const ContextEnv& env);
Json content_page_context(const ContextEnv& env, const site::ContentPage& page);
Json not_found_context(const ContextEnv& env);

/// The named metrics shown in agency and year tables, in column order.
const std::vector<site::MetricDef>& key_metrics();

}  // namespace gongkai::output
