#include "report_builder.hpp"

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace gongkai::testing {

report::Report make_report(const std::string& agency, int year,
                           const std::vector<std::pair<std::string, std::optional<int>>>& cells,
                           report::Layout layout) {
  report::Report r;
  r.path = agency + "-" + std::to_string(year) + ".txt";
  r.layout = layout;
  r.format = report::format_of(layout);
  r.meta.agency.set(agency, 1);
  r.meta.year.set(year, 1);
  r.meta.title.set(agency + std::to_string(year) + "年政府信息公开工作年度报告", 1);
  for (auto index : report::cells_of(layout)) {
    r.cells[index] = {report::Number::integer(0), static_cast<uint32_t>(100 + index),
                      report::CellStatus::Read};
  }
  for (const auto& [id, value] : cells) {
    auto index = report::find_cell(id);
    if (!index) throw std::logic_error("no cell " + id);
    auto& c = r.cells[*index];
    if (value) {
      c.value = report::Number::integer(*value);
      c.status = report::CellStatus::Read;
    } else {
      c.value.reset();
      c.status = report::CellStatus::Missing;
    }
  }
  return r;
}

report::Report load_cells(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::map<std::string, std::string> values;
  std::vector<std::string> order;
  std::string line;
  while (std::getline(in, line)) {
    auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    order.push_back(line.substr(0, tab));
    values[order.back()] = line.substr(tab + 1);
  }
  report::Report r;
  r.path = path;
  r.meta.agency.set(values.at("meta.agency"), 1);
  r.meta.year.set(std::stoi(values.at("meta.year")), 1);
  bool f2019 = values.at("meta.format") == "2019";
  bool one =
      values.count("applications.other.total") && !values.count("applications.other.other.total");
  r.layout = f2019 ? report::Layout::L2019 : one ? report::Layout::L2021One : report::Layout::L2021;
  r.format = report::format_of(r.layout);
  for (const auto& id : order) {
    if (id.rfind("meta.", 0) == 0) continue;
    auto index = report::find_cell(id);
    if (!index) throw std::runtime_error("unknown cell " + id + " in " + path);
    auto& c = r.cells[*index];
    if (values[id] == "null") {
      c.status = report::CellStatus::Missing;
    } else {
      c.value = report::Number::parse(values[id]);
      c.status = c.value ? report::CellStatus::Read : report::CellStatus::Missing;
    }
  }
  return r;
}

}  // namespace gongkai::testing
