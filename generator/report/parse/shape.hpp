#pragma once
// Which text shape a report reached us in, told from the text alone (never from the file name).
#include "report/parse/document.hpp"

namespace gongkai::report::parse {

/// markdown: pipe tables with a delimiter row, or several `#` headings; docx_text: many lines that
/// start with a TAB (one table cell each); html_text: a web page flattened to long lines
/// (is_flattened); anything else: pdf_text (`pdftotext` output, in reading order or `-layout`).
Shape detect_shape(const text::Lines& lines, size_t begin);

/// Marks the page-number lines a PDF leaves at page breaks: `-3-`, `- 3 -`, `— 3 —`, `第3页`,
/// `第3页共9页` after a blank line, or a bare number that a blank line (or the end) also follows;
/// and any of these (a bare number too) as the last line of a page (the next line starts with a
/// form feed, as `pdftotext` prints it) or the first.
std::vector<uint8_t> find_page_numbers(const text::Lines& lines, Shape shape);

/// True when `s` (trimmed) has the form of a page number (exposed for testing).
bool is_page_number(std::string_view s, bool bare_allowed);

}  // namespace gongkai::report::parse
