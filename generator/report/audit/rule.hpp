#pragma once
// What every rule shares: the context it runs in and the helpers that build its findings. Internal
// to the audit module (the public API is audit.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "report/audit/audit.hpp"

namespace gongkai::report::audit::detail {

struct Context {
  const Report& report;
  const Options& options;
  std::vector<Finding>& out;
};

/// A rule: reads ctx.report, appends its findings to ctx.out.
using RuleFn = void (*)(Context& ctx);

/// A finding of this code with the rule's severity; code must be in rules().
Finding make_finding(std::string_view code);
/// Adds the cell and its source line (when known) to the finding.
void add_cell(Finding& f, const Report& r, CellIndex i);
void add_line(Finding& f, uint32_t line);
/// Sorts and dedupes lines; sets line to the first of them when it is still 0.
void finish(Finding& f);

// The rules, one family per file.
void check_identities(Context& ctx);         // identities.cpp: A001–A004
void check_missing_cells(Context& ctx);      // missing_cells.cpp: A005
void check_sections(Context& ctx);           // sections.cpp: A006, A007
void check_years(Context& ctx);              // years.cpp: A008, A009
void check_signature(Context& ctx);          // deadline.cpp: A010, A011
void check_table_format(Context& ctx);       // table_format.cpp: A012
void check_application_prose(Context& ctx);  // application_prose.cpp: A013

}  // namespace gongkai::report::audit::detail
