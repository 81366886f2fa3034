#include <map>

#include "core/html_escape.hpp"
#include "output/report_context.hpp"

namespace gongkai::output {

std::string source_html(const site::ReportEntry& entry, const core::SourceFile& src) {
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
  const uint32_t count = src.line_count();
  std::string out;
  out.reserve(src.text().size() * 9 / 8 + count * 24 + 64);
  out += "<pre class=\"source\"><code>";
  // One element per line, <span id="L12">text</span>, its number drawn by the stylesheet (a CSS
  // counter: not copied with the text). Kept this short on purpose: a site holds one of these
  // per report.
  for (uint32_t n = 1; n <= count; ++n) {
    auto mark = marks.find(n);
    out += "<span";
    if (mark != marks.end()) out += " class=\"" + mark->second + "\"";
    out += " id=\"L" + std::to_string(n) + "\">";
    core::append_html_escaped(out, src.line(n));
    out += "</span>";  // display:block: no newline between lines (it would double them)
  }
  out += "</code></pre>";
  return out;
}

}  // namespace gongkai::output
