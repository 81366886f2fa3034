#pragma once
// The six numbered sections (一、总体情况 … 六、其他需要报告的事项) and the preamble before them.
#include <string_view>

#include "report/parse/document.hpp"

namespace gongkai::report::parse {

/// Finds the section headings in order and sets doc.sections (preamble from the title's end to 一).
/// A heading not found gives a warning; its section stays empty.
void find_sections(Document& doc, Report& report);

/// The section number (1-6) a heading line (plain text) announces, 0 when it is no section heading.
/// Table A's rows (一、本年新收…, 四、结转下年度…) are not headings: each number needs its words.
int section_number(std::string_view plain);

}  // namespace gongkai::report::parse
