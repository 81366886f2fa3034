#pragma once
// Which text shape a report reached us in, told from the text alone (never from the file name).
#include "report/parse/document.hpp"

namespace gongkai::report::parse {

/// markdown: pipe tables with a delimiter row, or several `#` headings; docx_text: many lines that
/// start with a TAB (one table cell each); anything else: pdf_text.
Shape detect_shape(const text::Lines& lines, size_t begin);

/// Marks the page-number lines a PDF leaves at page breaks: after a blank line, `-3-`, `- 3 -`,
/// `— 3 —`, `第3页`, or a bare number that a blank line (or the end) also follows.
std::vector<uint8_t> find_page_numbers(const text::Lines& lines, Shape shape);

/// True when `s` (trimmed) has the form of a page number (exposed for testing).
bool is_page_number(std::string_view s, bool bare_allowed);

}  // namespace gongkai::report::parse
