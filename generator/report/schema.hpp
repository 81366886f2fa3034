#pragma once
// The catalogue of the report format (spec/report-format.md): formats, the three tables with their
// printed labels, every cell's stable identifier, and the four identities (勾稽关系).
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace gongkai::report {

enum class Format : uint8_t { F2019, F2021 };
/// The table structure a report prints: its format, or 2021 with （六）其他处理 printed as one row.
enum class Layout : uint8_t { L2019, L2021, L2021One };
/// How the text reached us (docs/report-json.md, `shape`); HtmlText is last so that older values
/// keep their numbers.
enum class Shape : uint8_t { PdfText, DocxText, Markdown, HtmlText };
enum class Table : uint8_t { Proactive, Applications, Review };

std::string_view to_string(Format f);  // "2019" | "2021"
std::string_view to_string(Layout l);  // "2019" | "2021" | "2021-one"
std::string_view to_string(Shape s);   // "pdf_text" | "docx_text" | "markdown" | "html_text"
std::string_view to_string(Table t);   // "proactive" | "applications" | "review"
Format format_of(Layout l);

/// Index of a cell in the catalogue of all cells of both formats.
using CellIndex = uint16_t;

struct CellDef {
  std::string_view id;  ///< "applications.withheld.state_secret.total"
  Table table;
  std::string_view
      group;  ///< proactive item, applications row or review group ("withheld.state_secret")
  std::string_view field;        ///< proactive field, applications column or review field ("total")
  bool decimal = false;          ///< may have a fraction (fee and procurement amounts)
  bool may_be_negative = false;  ///< 2019 本年增/减
};

size_t cell_count();
const CellDef& cell_def(CellIndex i);
std::optional<CellIndex> find_cell(std::string_view id);
/// The cells a report of this layout has, in the spec's order; for 2021-one the 2021 cells with the
/// seven `applications.other.<column>` right after `applications.other.other.total`.
const std::vector<CellIndex>& cells_of(Layout l);

struct Label {
  std::string_view id;
  std::string_view zh;  ///< as the official format prints it
  std::string_view en;
};

// ---- Table P ----------------------------------------------------------------------------------
struct ProactiveBlock {
  std::string_view heading;  ///< 第二十条第（一）项
  std::vector<Label> fields;
  std::vector<Label> items;
};
const std::vector<ProactiveBlock>& proactive_blocks(Format f);

// ---- Table A ----------------------------------------------------------------------------------
/// The seven columns: six applicant kinds then `total`.
const std::vector<Label>& application_columns();
struct ApplicationRow {
  std::string_view id;  ///< "withheld.state_secret", "other", "total"
  /// Printed labels from the outermost group to the row (三、本年度办理结果 › （三）不予公开
  /// › 1.属于国家秘密).
  std::vector<std::string_view> path;
  std::string_view en;
  bool outcome = false;  ///< a leaf summed by （七）总计
};
const std::vector<ApplicationRow>& application_rows(Layout l);

// ---- Table R ----------------------------------------------------------------------------------
const std::vector<Label>& review_groups();
const std::vector<Label>& review_fields();

// ---- Identities -------------------------------------------------------------------------------
enum class Identity : uint8_t {
  Balance,     ///< spec 1, per column of A: new_received + carried_over = total + carried_forward
  RowSum,      ///< spec 2, per row of A: total = the six applicant columns
  OutcomeSum,  ///< spec 3, per column of A: (七)总计 = the outcome leaf rows
  ReviewSum,   ///< spec 4, per group of R: total = upheld + corrected + other + pending
};
std::string_view to_string(Identity k);  // "balance" | "row_sum" | "outcome_sum" | "review_sum"

struct IdentityTerm {
  CellIndex cell;
  int8_t sign;  ///< +1 or -1: the instance holds when sum(sign * value) == 0
};
struct IdentityInstance {
  Identity kind;
  std::string_view where;  ///< the column, row or group ("total", "withheld.state_secret")
  std::vector<IdentityTerm> terms;
};
const std::vector<IdentityInstance>& identity_instances(Layout l);

}  // namespace gongkai::report
