#pragma once
// Contexts of the pages that are not one report: home, agencies index, agency, year, comparison,
// audit, plain pages and 404.
#include "output/context.hpp"

namespace gongkai::output {

Value home_context(const ContextEnv& env);
Value agencies_context(const ContextEnv& env);
Value agency_context(const ContextEnv& env, const site::Agency& agency);
Value year_context(const ContextEnv& env, const site::YearEntry& year);
/// The year's table as CSV (UTF-8 with BOM, for spreadsheet programs): a missing value is an empty
/// field, never 0.
std::string year_csv(const ContextEnv& env, const site::YearEntry& year);
Value compare_context(const ContextEnv& env, const site::Comparison& comparison);
Value audit_context(const ContextEnv& env);
Value content_page_context(const ContextEnv& env, const site::ContentPage& page);
Value not_found_context(const ContextEnv& env);

/// The named metrics shown in agency and year tables, in column order.
const std::vector<site::MetricDef>& key_metrics();

}  // namespace gongkai::output
