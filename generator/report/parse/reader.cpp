// The reader's stages, in order: decode → lines → front matter → shape (a flattened page: cut into
// lines) → page numbers → title →
// sections → signature → tables → prose → period and contact → front matter overrides.
#include "report/parse/reader.hpp"

#include <exception>

#include "report/parse/codes.hpp"
#include "report/parse/flat_text.hpp"
#include "report/parse/front_matter.hpp"
#include "report/parse/metadata.hpp"
#include "report/parse/prose.hpp"
#include "report/parse/sections.hpp"
#include "report/parse/shape.hpp"
#include "report/parse/tables.hpp"
#include "report/parse/title.hpp"
#include "text/decode.hpp"

namespace gongkai::report::parse {

namespace {

void read_text(std::string_view utf8, Report& report) {
  Document doc;
  doc.lines = text::Lines(utf8);
  FrontMatter fm = read_front_matter(doc.lines, report);
  doc.body_begin = fm.end;
  doc.shape = detect_shape(doc.lines, doc.body_begin);
  report.shape = doc.shape;
  if (doc.shape == Shape::HtmlText) cut_flattened(doc.lines, doc.body_begin);
  doc.skip = find_page_numbers(doc.lines, doc.shape);
  read_title(doc, report);
  find_sections(doc, report);
  read_signature(doc, report);
  read_tables(doc, report);
  read_prose(doc, report);
  read_period_and_contact(doc, report);
  apply_front_matter(fm, report);
  bool any_section = false;
  for (int k = 1; k <= 6; ++k) any_section = any_section || doc.sections[k].found();
  bool any_cell = false;
  for (CellIndex i : cells_of(report.layout)) {
    any_cell = any_cell || report.cell(i).status == CellStatus::Read;
  }
  if (!report.meta.title && !any_section && !any_cell) {
    // One warning says it all: drop the missing title, sections, tables… it would list.
    std::erase_if(report.diagnostics, [](const core::Diagnostic& d) {
      return d.code != codes::kDecoded && d.code != codes::kFrontMatter &&
             d.code != codes::kYearConflict;
    });
    // Nothing of a report: its shape and format are defaults, not something the text told.
    report.shape_known = report.format_known = false;
    report.diagnose(core::Severity::Warning, std::string(codes::kNotReport), 0,
                    "no title, no section and no table found: this does not look like an "
                    "annual report");
  }
}

}  // namespace

Report read_report(std::string path, std::string_view bytes) {
  Report report;
  report.path = std::move(path);
  try {
    text::Decoded decoded = text::decode(bytes);
    if (!decoded.ok) {
      report.diagnose(core::Severity::Error, std::string(codes::kNotText), 0,
                      "not report text: " + decoded.problem);
      report.shape_known = report.format_known = false;
      for (CellIndex i : cells_of(report.layout)) report.cell(i).status = CellStatus::Missing;
      return report;
    }
    if (decoded.encoding != text::Encoding::Utf8) {
      report.diagnose(core::Severity::Info, std::string(codes::kDecoded), 0,
                      "decoded from " + std::string(text::to_string(decoded.encoding)));
    }
    read_text(decoded.text, report);
  } catch (const std::exception& e) {
    report.diagnose(core::Severity::Error, std::string(codes::kInternal), 0,
                    std::string("the reader failed: ") + e.what());
  } catch (...) {
    report.diagnose(core::Severity::Error, std::string(codes::kInternal), 0, "the reader failed");
  }
  return report;
}

}  // namespace gongkai::report::parse
