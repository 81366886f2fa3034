#pragma once
// The title: agency name + year + 政府信息公开工作年度报告, often wrapped over lines (even
// mid-word: `…年度报\n告`, `高新技术产业开发区\n\n分局 2023 年…`).
#include <string_view>

#include "report/parse/document.hpp"

namespace gongkai::report::parse {

/// Finds the title in the first lines of the body; sets doc.title_begin/end and the report's
/// title, agency and year (each with its line), or diagnoses what it could not find.
void read_title(Document& doc, Report& report);

/// Splits a one-line title into agency and year; offsets into `title` (npos when not found).
struct TitleParts {
  size_t agency_begin = std::string_view::npos, agency_end = std::string_view::npos;
  size_t year_at = std::string_view::npos;
  int year = 0;
};
TitleParts split_title(std::string_view title);

}  // namespace gongkai::report::parse
