#include <map>

#include "output/html_escape.hpp"
#include "output/report_context.hpp"

namespace gongkai::output {

std::string source_html(const site::ReportEntry& entry) {
  // Lines worth marking: where findings point (by severity), where cells were left empty.
  std::map<uint32_t, std::string> marks;
  for (const auto& f : entry.findings) {
    const std::string cls = "hl-" + std::string(core::to_string(f.severity));
    auto mark = [&](uint32_t line) {
      if (line && !marks.count(line)) marks[line] = cls;
    };
    mark(f.line);
    for (auto l : f.lines) mark(l);
  }
  for (const auto& c : entry.report.cells) {
    if (c.status == report::CellStatus::Missing && c.line && !marks.count(c.line)) {
      marks[c.line] = "hl-missing";
    }
  }
  const core::SourceFile& src = entry.source;
  const uint32_t count = src.line_count();
  std::string out;
  out.reserve(src.text().size() * 5 / 4 + count * 48 + 64);
  out += "<pre class=\"source\"><code>";
  for (uint32_t n = 1; n <= count; ++n) {
    const std::string num = std::to_string(n);
    auto mark = marks.find(n);
    out += "<span class=\"line";
    if (mark != marks.end()) out += " " + mark->second;
    out += "\" id=\"L" + num + "\"><a class=\"ln\" href=\"#L" + num + "\">" + num + "</a>";
    append_escaped(out, src.line(n));
    out += "</span>";  // display:block: no newline between lines (it would double them)
  }
  out += "</code></pre>";
  return out;
}

}  // namespace gongkai::output
