#include "template/errors.hpp"

#include <unicode/uchar.h>

#include "core/utf8.hpp"

namespace gongkai::tmpl {

namespace {

void append_location(std::string& out, const std::string& name, uint32_t line, uint32_t column) {
  out += name;
  if (line) {
    out += ':' + std::to_string(line);
    if (column) out += ':' + std::to_string(column);
  }
}

}  // namespace

std::string Error::format() const {
  std::string out;
  if (!template_name.empty()) {
    append_location(out, template_name, line, column);
    out += ": ";
  }
  out += message;
  out += '\n';
  if (line && !source_line.empty()) {
    out += source_line;
    out += '\n';
    // The caret sits under the column: tabs are kept and wide (CJK) characters count twice, so
    // it lines up in a terminal.
    uint32_t col = 1;
    for (size_t i = 0; i < source_line.size() && col < column; ++col) {
      char32_t c = core::utf8::next(source_line, i);
      if (c == '\t') {
        out += '\t';
        continue;
      }
      int width = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
      out += (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? "  " : " ";
    }
    out += "^\n";
  }
  for (const auto& site : chain) {
    out += "  in ";
    append_location(out, site.template_name, site.line, site.column);
    out += '\n';
  }
  return out;
}

}  // namespace gongkai::tmpl
