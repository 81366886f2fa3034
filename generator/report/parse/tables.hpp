#pragma once
// Tables P (主动公开), A (申请) and R (复议、诉讼): where they are, which format and layout they
// follow, and their cells.
#include <span>
#include <vector>

#include "report/parse/document.hpp"
#include "report/parse/stated_figures.hpp"
#include "report/parse/tokens.hpp"

namespace gongkai::report::parse {

/// Reads the three tables into report.cells; decides report.format (from table P's headers) and
/// report.layout (2021-one when （六） is printed as one row).
void read_tables(const Document& doc, Report& report);

/// Table P's format from its header words (本年制发件数 → 2021, 本年新制作数量 → 2019); nullopt
/// when the headers do not tell. Exposed for testing.
std::optional<Format> format_from_headers(const TokenStream& p);

/// Readers of one table each (tables_*.cpp). The stream holds the table's region.
/// The figures of table P the prose states (stated_figures), looked for only when a run of digits
/// needs them: in the lines before table P and after table R.
class ProseFigures {
 public:
  ProseFigures(const Document& doc, size_t before, size_t after, Format format)
      : doc_(&doc), before_(before), after_(after), format_(format) {}
  std::span<const StatedFigure> get();

 private:
  const Document* doc_;
  size_t before_, after_;
  Format format_;
  bool read_ = false;
  std::vector<StatedFigure> figures_;
};

void read_proactive(const TokenStream& ts, Format format, uint32_t region_line, ProseFigures& prose,
                    Report& report);
void read_applications(const TokenStream& ts, Layout layout, uint32_t region_line, Report& report);
void read_review(const TokenStream& ts, uint32_t region_line, Report& report);

}  // namespace gongkai::report::parse
