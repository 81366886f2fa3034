#include "report/parse/tables.hpp"

#include <array>

#include "report/parse/codes.hpp"
#include "text/normalize.hpp"

namespace gongkai::report::parse {

namespace {

struct Region {
  bool found = false;
  size_t begin = 0, end = 0;
};

size_t find_line(const Document& doc, size_t from, size_t to,
                 std::initializer_list<std::string_view> words) {
  for (size_t i = from; i < to && i < doc.lines.size(); ++i) {
    std::string_view s = doc.lines[i];
    for (auto w : words) {
      if (s.find(w) != std::string_view::npos) return i;
    }
  }
  return kNone;
}

/// The lines of tables P, A and R: their sections' bodies, or (when a heading is missing) from
/// the first line that only that table prints.
std::array<Region, 3> find_regions(const Document& doc) {
  const size_t n = doc.lines.size();
  size_t start = doc.sections[0].begin;
  std::array<size_t, 4> at = {kNone, kNone, kNone, kNone};  // P, A, R, after R
  std::array<size_t, 3> body = {kNone, kNone, kNone};
  for (int k = 0; k < 3; ++k) {
    const SectionSpan& s = doc.sections[2 + k];
    if (s.found()) {
      at[k] = s.heading;
      body[k] = s.begin;
    }
  }
  size_t after = kNone;
  for (int k = 5; k <= 6 && after == kNone; ++k) {
    if (doc.sections[k].found()) after = doc.sections[k].heading;
  }
  at[3] = after == kNone ? doc.prose_end : after;
  size_t limit = at[3];
  if (at[0] == kNone) {
    at[0] = body[0] = find_line(doc, start, limit, {"第二十条"});
  }
  if (at[1] == kNone) {
    size_t from = at[0] == kNone ? start : at[0];
    at[1] = body[1] = find_line(doc, from, limit, {"勾稽关系", "申请人情况", "本年新收"});
  }
  if (at[2] == kNone) {
    size_t from = at[1] != kNone ? at[1] : at[0] != kNone ? at[0] : start;
    size_t a = find_line(doc, from, limit, {"结转下年度"});
    at[2] = body[2] = find_line(doc, a == kNone ? from : a + 1, limit, {"行政复议"});
  }
  std::array<Region, 3> out;
  for (int k = 0; k < 3; ++k) {
    if (at[k] == kNone) continue;
    size_t end = n;
    for (int j = k + 1; j < 4; ++j) {
      if (at[j] != kNone && at[j] > at[k]) {
        end = at[j];
        break;
      }
    }
    out[k] = {true, body[k], std::min(end, n)};
  }
  return out;
}

bool has(const std::string& keys, std::string_view w) {
  return keys.find(w) != std::string::npos;
}

/// Marks every cell of the layout Missing (not yet read), the cells it does not print Absent.
void init_cells(Report& report) {
  for (auto& c : report.cells) c = Cell{};
  for (CellIndex i : cells_of(report.layout)) report.cell(i).status = CellStatus::Missing;
  if (report.layout == Layout::L2021One) {
    for (std::string_view row : {"other.no_correction", "other.no_fee", "other.other"}) {
      for (const auto& col : application_columns()) {
        std::string id = "applications." + std::string(row) + "." + std::string(col.id);
        if (auto k = find_cell(id)) report.cell(*k).status = CellStatus::Absent;
      }
    }
  }
}

void table_missing(Report& report, Table table) {
  report.diagnose(
      core::Severity::Warning, std::string(codes::kTable), 0,
      "table " + std::string(to_string(table)) + " not found; its cells read as missing");
}

}  // namespace

std::span<const StatedFigure> ProseFigures::get() {
  if (!read_) {
    read_ = true;
    figures_ = stated_figures(*doc_, doc_->body_begin, before_, format_);
    auto more = stated_figures(*doc_, after_, doc_->prose_end, format_);
    figures_.insert(figures_.end(), more.begin(), more.end());
  }
  return figures_;
}

std::optional<Format> format_from_headers(const TokenStream& p) {
  const std::string& k = p.keys;
  int f2021 = 0, f2019 = 0;
  for (std::string_view w : {"制发", "废止", "现行有效", "本年收费", "收费金额"})
    f2021 += has(k, w);
  for (std::string_view w : {"新制作", "本年新制", "新公开", "本年新公", "对外公开总", "上一年项",
                             "增/", "增减", "采购"}) {
    f2019 += has(k, w);
  }
  if (f2021 > f2019) return Format::F2021;
  if (f2019 > f2021) return Format::F2019;
  return std::nullopt;
}

void read_tables(const Document& doc, Report& report) {
  auto regions = find_regions(doc);
  TokenStream p, a, r;
  if (regions[0].found) p = tokenize(doc, regions[0].begin, regions[0].end);
  if (regions[1].found) a = tokenize(doc, regions[1].begin, regions[1].end);
  if (regions[2].found) r = tokenize(doc, regions[2].begin, regions[2].end);
  auto line_of = [&doc](const Region& g) { return g.found ? doc.lines.number(g.begin) : 0u; };

  // Format: from table P's headers; else from what only one format prints.
  Format format = Format::F2021;
  bool known = false;
  if (regions[0].found) {
    if (auto f = format_from_headers(p)) {
      format = *f;
      known = true;
    }
  }
  bool sub_rows = has(a.keys, "逾期不补正") || has(a.keys, "1.申请人无正当理由");
  if (!known) {
    std::string why;
    if (sub_rows) {
      format = Format::F2021;
      why = "table A prints the three sub-rows of （六）, which only the 2021 format has";
    } else if (has(p.keys, "其他对外管理服务") || has(p.keys, "集中采购")) {
      format = Format::F2019;
      why = "table P prints items only the 2019 format has";
    } else if (report.meta.year) {
      format = *report.meta.year.value >= 2021 ? Format::F2021 : Format::F2019;
      why = "guessed from the report year " + std::to_string(*report.meta.year.value);
    } else {
      why = "nothing tells it; assumed";
      report.format_known = false;
    }
    report.diagnose(core::Severity::Warning, std::string(codes::kFormat), line_of(regions[0]),
                    "table P's headers do not tell the format (本年制发件数 or 本年新制作数量); "
                    "read as " +
                        std::string(to_string(format)) + ": " + why);
  }
  report.format = format;
  report.layout = report.format == Format::F2019 ? Layout::L2019 : Layout::L2021;
  if (report.format == Format::F2021 && regions[1].found && !sub_rows &&
      (has(a.keys, "(六)其他处理") || has(a.keys, "(六)其他"))) {
    report.layout = Layout::L2021One;
    uint32_t at = line_of(regions[1]);
    size_t k = a.keys.find("(六)其他");
    if (k != std::string::npos) at = a.tokens[a.token_at(k)].line;
    report.diagnose(core::Severity::Info, std::string(codes::kOneRow), at,
                    "（六）其他处理 printed as one row, without its sub-rows 1-3: read as "
                    "applications.other; the three sub-rows are not printed");
  }
  init_cells(report);

  if (regions[0].found) {
    size_t after = regions[2].found   ? regions[2].end
                   : regions[1].found ? regions[1].end
                                      : regions[0].end;
    ProseFigures prose(doc, regions[0].begin, after, report.format);
    read_proactive(p, report.format, line_of(regions[0]), prose, report);
  } else {
    table_missing(report, Table::Proactive);
  }
  if (regions[1].found) {
    read_applications(a, report.layout, line_of(regions[1]), report);
  } else {
    table_missing(report, Table::Applications);
  }
  if (regions[2].found) {
    read_review(r, line_of(regions[2]), report);
  } else {
    table_missing(report, Table::Review);
  }
}

}  // namespace gongkai::report::parse
