#include "output/data_csv.hpp"

#include "output/csv.hpp"
#include "output/data_columns.hpp"
#include "report/report_cells.hpp"
#include "site/parallel.hpp"

namespace gongkai::output {

std::string reports_csv(const ContextEnv& env) {
  const auto& metas = meta_columns();
  const auto& cells = data_cells();
  std::string header(kCsvBom);
  for (const auto& m : metas) {
    append_csv_field(header, m.name);
    header += ',';
  }
  for (size_t k = 0; k < cells.size(); ++k) {
    if (k) header += ',';
    header += report::cell_def(cells[k]).id;  // ids need no quoting
  }
  header += kCsvRowEnd;
  // Rows are independent: each is made on a worker into its own slot, then joined in order.
  const auto& reports = env.site.reports;
  std::vector<std::string> rows(reports.size());
  site::parallel_for(
      reports.size(), env.jobs,
      [&](size_t i) {
        const auto& e = reports[i];
        std::string& row = rows[i];
        row.reserve(2048);
        for (const auto& m : metas) {
          append_csv_field(row, m.value(env, e));
          row += ',';
        }
        for (size_t k = 0; k < cells.size(); ++k) {
          if (k) row += ',';
          const report::Cell& c = e.report.cell(cells[k]);
          // Absent and missing alike: an empty field, never 0.
          if (c.status == report::CellStatus::Read && c.value) row += c.value->to_string();
        }
        row += kCsvRowEnd;
      },
      64);
  size_t size = header.size();
  for (const auto& r : rows) size += r.size();
  std::string out;
  out.reserve(size);
  out += header;
  for (const auto& r : rows) out += r;
  return out;
}

FileGenerator reports_csv_generator() {
  return {"reports csv", [](const ContextEnv& env, std::vector<OutputFile>& files) {
            files.push_back({"data/reports.csv", reports_csv(env)});
          }};
}

}  // namespace gongkai::output
