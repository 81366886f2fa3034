#pragma once
// Web pages flattened by a crawler (shape html_text): the whole report, or a whole table, on one
// line, table cells run together. The reader finds its sections line by line, so such lines are
// cut where the page had its breaks before anything else reads them.
#include <string_view>
#include <vector>

#include "text/lines.hpp"

namespace gongkai::report::parse {

/// A section heading printed inside a line: its number (1-6) and bytes [begin, end) of the line.
struct InlineHeading {
  int number = 0;
  size_t begin = 0, end = 0;
};

/// The section headings inside `line` (一、总体情况 … 六、其他需要报告的事项), in the order
/// printed. A heading ends at its first 情况/事项/措施 within a few characters, holds the section's
/// words and no other numbered item (so table A's 三、本年度办理结果 or 四、结转下年度继续办理 is
/// none).
std::vector<InlineHeading> inline_headings(std::string_view line);

/// True when the text from line `begin` on is a flattened page: a line holds two section headings,
/// or table A's first and last rows (本年新收 … 结转下年度).
bool is_flattened(const text::Lines& lines, size_t begin);

/// Cuts the lines of a flattened page where the page had its breaks: around each section heading,
/// after a title that other text follows, after a sentence that a space follows, before a
/// sub-heading `（一）` that a space or a full stop precedes, and before a signature (a short name
/// and a date) after the last full stop. Every piece keeps its source line number.
void cut_flattened(text::Lines& lines, size_t begin);

}  // namespace gongkai::report::parse
