#pragma once
// Hand-built Reports for the audit's unit tests: a complete, consistent report (every identity
// holds, every section present, signed on time) that each test then breaks in one way.
#include <string>
#include <string_view>
#include <vector>

#include "report/audit/audit.hpp"
#include "report/report.hpp"

namespace gongkai::report::testing {

/// A 2021-format report of 东昌府区医疗保障局 for 2024: 5 applications received (4 natural persons,
/// 1 business), 3 disclosed, 2 not held; 1 reconsideration upheld; every other cell 0. Cell k of
/// the layout is on line 100 + k. Signed 2025-01-20.
Report consistent_report(Layout layout = Layout::L2021);

/// Sets a cell to a read value (on its existing line).
void set(Report& r, std::string_view id, int64_t value);
/// Marks a cell missing (printed empty).
void set_missing(Report& r, std::string_view id);
Cell& cell(Report& r, std::string_view id);

/// Replaces the text of the first paragraph of a section (adding one when it has none).
void set_paragraph(Report& r, SectionKey key, std::string text, uint32_t line = 0);
/// Adds a paragraph to a section.
void add_paragraph(Report& r, SectionKey key, std::string text, uint32_t line = 0);

/// The findings of one code.
std::vector<audit::Finding> with_code(const std::vector<audit::Finding>& all,
                                      std::string_view code);
/// The ids of a finding's cells.
std::vector<std::string> cell_ids(const audit::Finding& f);

}  // namespace gongkai::report::testing
