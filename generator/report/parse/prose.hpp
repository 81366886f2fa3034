#pragma once
// The prose of the preamble and the six sections, as blocks: paragraphs, sub-headings
// ("（一）主动公开情况") and headed paragraphs ("（一）主动公开：我局…").
#include <string>

#include "report/parse/document.hpp"

namespace gongkai::report::parse {

/// Builds report.sections from doc.sections: the preamble (always) and each section found, with
/// its blocks. Tables are not prose; neither are the signature and trailing chart data.
void read_prose(const Document& doc, Report& report);

/// What one paragraph is (exposed for testing). `heading` when the shape marked it as one (a
/// markdown `###` line). A numbered sub-heading gets full-width brackets: "(一) 存在问题" →
/// "（一）存在问题".
Block classify_paragraph(std::string text, uint32_t line, bool heading);

}  // namespace gongkai::report::parse
