#include "report_builder.hpp"

#include <stdexcept>

namespace gongkai::report::testing {

namespace {

Section& section_of(Report& r, SectionKey key) {
  for (auto& s : r.sections) {
    if (s.key == key) return s;
  }
  throw std::runtime_error("no such section");
}

}  // namespace

Cell& cell(Report& r, std::string_view id) {
  auto i = find_cell(id);
  if (!i) throw std::runtime_error("no such cell: " + std::string(id));
  return r.cell(*i);
}

void set(Report& r, std::string_view id, int64_t value) {
  Cell& c = cell(r, id);
  c.value = Number::integer(value);
  c.status = CellStatus::Read;
}

void set_missing(Report& r, std::string_view id) {
  Cell& c = cell(r, id);
  c.value.reset();
  c.status = CellStatus::Missing;
}

Report consistent_report(Layout layout) {
  Report r;
  r.path = "reports/dongchangfu-2024.md";
  r.shape = Shape::Markdown;
  r.layout = layout;
  r.format = format_of(layout);
  const auto& order = cells_of(layout);
  for (size_t k = 0; k < order.size(); ++k) {
    Cell& c = r.cell(order[k]);
    c.status = CellStatus::Read;
    c.value = Number::integer(0);
    c.line = static_cast<uint32_t>(100 + k);
  }
  if (layout == Layout::L2021One) {
    for (auto id : {"other.no_correction", "other.no_fee", "other.other"}) {
      for (const auto& col : application_columns()) {
        Cell& c = cell(r, "applications." + std::string(id) + "." + std::string(col.id));
        c.status = CellStatus::Absent;
        c.value.reset();
      }
    }
  }
  set(r, "applications.new_received.natural_person", 4);
  set(r, "applications.new_received.commercial", 1);
  set(r, "applications.new_received.total", 5);
  set(r, "applications.disclosed.natural_person", 2);
  set(r, "applications.disclosed.commercial", 1);
  set(r, "applications.disclosed.total", 3);
  set(r, "applications.unavailable.not_held.natural_person", 2);
  set(r, "applications.unavailable.not_held.total", 2);
  set(r, "applications.total.natural_person", 4);
  set(r, "applications.total.commercial", 1);
  set(r, "applications.total.total", 5);
  set(r, "review.reconsideration.upheld", 1);
  set(r, "review.reconsideration.total", 1);

  Meta& m = r.meta;
  m.title.set("东昌府区医疗保障局2024年度政府信息公开工作年度报告", 3);
  m.agency.set("东昌府区医疗保障局", 3);
  m.year.set(2024, 3);
  m.period_start.set(Date{2024, 1, 1}, 7);
  m.period_end.set(Date{2024, 12, 31}, 7);
  m.signed_on.set(Date{2025, 1, 20}, 300);

  auto add = [&](SectionKey key, std::string heading, uint32_t line) {
    Section s;
    s.key = key;
    s.heading = std::move(heading);
    s.line = line;
    r.sections.push_back(std::move(s));
  };
  add(SectionKey::Preamble, "", 5);
  add(SectionKey::Overview, "一、总体情况", 10);
  add(SectionKey::Proactive, "二、主动公开政府信息情况", 40);
  add(SectionKey::Applications, "三、收到和处理政府信息公开申请情况", 60);
  add(SectionKey::Review, "四、政府信息公开行政复议、行政诉讼情况", 200);
  add(SectionKey::Problems, "五、存在的主要问题及改进情况", 240);
  add(SectionKey::Other, "六、其他需要报告的事项", 270);
  add_paragraph(
      r, SectionKey::Preamble,
      "报告涵盖2024年1月1日至12月31日期间东昌府区医疗保障局政府信息公开工作情况，共分为六个部分。",
      7);
  add_paragraph(r, SectionKey::Overview,
                "2024年，东昌府区医疗保障局共收到政府信息公开申请5件，均按照规定时间进行答复。",
                14);
  add_paragraph(
      r, SectionKey::Problems,
      "一是信息公开的全面性有待提高，内容还需进一步丰富；二是信息公开范围还需进一步拓展。", 242);
  add_paragraph(r, SectionKey::Other, "2024年度政府信息公开未收取信息处理费。", 272);
  return r;
}

void add_paragraph(Report& r, SectionKey key, std::string text, uint32_t line) {
  Block b;
  b.kind = Block::Kind::Paragraph;
  b.text = std::move(text);
  b.line = line;
  section_of(r, key).blocks.push_back(std::move(b));
}

void set_paragraph(Report& r, SectionKey key, std::string text, uint32_t line) {
  Section& s = section_of(r, key);
  for (auto& b : s.blocks) {
    if (b.kind == Block::Kind::Paragraph) {
      b.text = std::move(text);
      if (line) b.line = line;
      return;
    }
  }
  add_paragraph(r, key, std::move(text), line);
}

std::vector<audit::Finding> with_code(const std::vector<audit::Finding>& all,
                                      std::string_view code) {
  std::vector<audit::Finding> out;
  for (const auto& f : all) {
    if (f.code == code) out.push_back(f);
  }
  return out;
}

std::vector<std::string> cell_ids(const audit::Finding& f) {
  std::vector<std::string> out;
  for (CellIndex i : f.cells) out.emplace_back(cell_def(i).id);
  return out;
}

}  // namespace gongkai::report::testing
