#include <algorithm>

#include "report/audit/rule.hpp"

namespace gongkai::report::audit::detail {

Finding make_finding(std::string_view code) {
  Finding f;
  f.code = std::string(code);
  if (const RuleInfo* info = find_rule(code)) f.severity = info->severity;
  return f;
}

void add_cell(Finding& f, const Report& r, CellIndex i) {
  f.cells.push_back(i);
  add_line(f, r.cell(i).line);
}

void add_line(Finding& f, uint32_t line) {
  if (line) f.lines.push_back(line);
}

void finish(Finding& f) {
  std::sort(f.lines.begin(), f.lines.end());
  f.lines.erase(std::unique(f.lines.begin(), f.lines.end()), f.lines.end());
  if (!f.line && !f.lines.empty()) f.line = f.lines.front();
}

}  // namespace gongkai::report::audit::detail
