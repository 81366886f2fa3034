#include "output/report_json_text.hpp"

#include <nlohmann/json.hpp>

#include "core/utf8.hpp"
#include "report/report_json.hpp"

namespace gongkai::output {
namespace {

using report::CellStatus;

void append_uint(std::string& out, uint64_t n) {
  char buf[24];
  char* p = buf + sizeof buf;
  do {
    *--p = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n);
  out.append(p, static_cast<size_t>(buf + sizeof buf - p));
}

void append_int(std::string& out, int64_t n) {
  if (n < 0) {
    out += '-';
    append_uint(out, static_cast<uint64_t>(0) - static_cast<uint64_t>(n));
  } else {
    append_uint(out, static_cast<uint64_t>(n));
  }
}

/// A number as to_json gives it: an integer, or a double (dumped by nlohmann itself: its
/// shortest round-trip form, "1286.4", "12.0" — decimals are two cells of a report at most).
void append_number(std::string& out, const report::Number& n) {
  if (n.is_integer()) {
    append_int(out, n.units);
  } else {
    out += nlohmann::ordered_json(n.to_double()).dump();
  }
}

/// "key": — keys are ASCII identifiers of ours, never in need of escaping.
void key(std::string& out, std::string_view k) {
  out += '"';
  out += k;
  out += "\":";
}

void line_field(std::string& out, uint32_t line) {
  out += ",\"line\":";
  append_uint(out, line);
  out += '}';
}

void string_field(std::string& out, const report::Field<std::string>& f) {
  out += "{\"value\":";
  if (f) {
    append_json_string(out, *f.value);
  } else {
    out += "null";
  }
  line_field(out, f.line);
}

void date_field(std::string& out, const report::Field<report::Date>& f) {
  out += "{\"value\":";
  if (f) {
    out += '"';
    out += f.value->iso();
    out += '"';
  } else {
    out += "null";
  }
  line_field(out, f.line);
}

void optional_text(std::string& out, const std::string& s) {
  if (s.empty()) {
    out += "null";
  } else {
    append_json_string(out, s);
  }
}

std::string_view block_kind(report::Block::Kind k) {
  switch (k) {
    case report::Block::Kind::Paragraph:
      return "paragraph";
    case report::Block::Kind::Heading:
      return "heading";
    case report::Block::Kind::HeadedParagraph:
      return "headed_paragraph";
  }
  return "paragraph";
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static const char hex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const size_t start = i;
      const char32_t cp = core::utf8::next(text, i);
      if (cp == core::utf8::kReplacement && i - start == 1) {
        out += "\xEF\xBF\xBD";  // not UTF-8: replaced, as dump(…, replace) does
      } else {
        out.append(text.substr(start, i - start));
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void append_report_json_head(std::string& out, const report::Report& r) {
  append_report_json_head(out, r, r.path);
}

void append_report_json_head(std::string& out, const report::Report& r, std::string_view path) {
  out += "{\"gongkai_report\":";
  append_int(out, report::kReportJsonVersion);
  out += ",\"path\":";
  append_json_string(out, path);
  // Quoted names, or null for what the text did not tell (report_json's rule).
  auto name = [&out](bool known, std::string_view v) {
    if (!known) {
      out += "null";
      return;
    }
    out += '"';
    out += v;
    out += '"';
  };
  out += ",\"shape\":";
  name(r.shape_known, report::to_string(r.shape));
  out += ",\"format\":";
  name(r.format_known, report::to_string(r.format));
  out += ",\"layout\":";
  name(r.format_known, report::to_string(r.layout));
  out += ",\"meta\":{";
  const report::Meta& m = r.meta;
  key(out, "title");
  string_field(out, m.title);
  out += ',';
  key(out, "agency");
  string_field(out, m.agency);
  out += ",\"year\":{\"value\":";
  if (m.year) {
    append_int(out, *m.year.value);
  } else {
    out += "null";
  }
  line_field(out, m.year.line);
  out += ",\"period\":{\"start\":";
  date_field(out, m.period_start);
  out += ",\"end\":";
  date_field(out, m.period_end);
  out += "},\"signed\":";
  date_field(out, m.signed_on);
  out += ",\"contact\":{\"address\":";
  string_field(out, m.contact.address);
  out += ",\"postcode\":";
  string_field(out, m.contact.postcode);
  out += ",\"phone\":";
  string_field(out, m.contact.phone);
  out += ",\"email\":";
  string_field(out, m.contact.email);
  out += ",\"website\":";
  string_field(out, m.contact.website);
  out += "},\"region\":[";
  for (size_t k = 0; k < m.region.size(); ++k) {
    if (k) out += ',';
    append_json_string(out, m.region[k]);
  }
  out += "],\"kind\":";
  optional_text(out, m.kind);
  out += ",\"level\":";
  optional_text(out, m.level);
  out += "},\"cells\":{";
  bool first = true;
  for (report::CellIndex i : report::cells_of(r.layout)) {
    const report::Cell& c = r.cell(i);
    if (!first) out += ',';
    first = false;
    key(out, report::cell_def(i).id);
    const bool read = c.status == CellStatus::Read && c.value;
    out += "{\"value\":";
    if (read) {
      append_number(out, *c.value);
      if (!c.value->is_integer()) {
        out += ",\"text\":\"";
        out += c.value->to_string();
        out += '"';
      }
    } else {
      out += "null";
    }
    out += ",\"line\":";
    append_uint(out, c.line);
    out += ",\"status\":\"";
    out += report::to_string(c.status);
    out += "\"}";
  }
  out += "},\"procurement_unit\":";
  string_field(out, r.procurement_unit);
}

void append_report_json_sections(std::string& out, const report::Report& r) {
  out += ",\"sections\":[";
  for (size_t s = 0; s < r.sections.size(); ++s) {
    const report::Section& section = r.sections[s];
    if (s) out += ',';
    out += "{\"key\":\"";
    out += report::to_string(section.key);
    out += "\",\"heading\":";
    optional_text(out, section.heading);
    out += ",\"line\":";
    append_uint(out, section.line);
    out += ",\"blocks\":[";
    for (size_t b = 0; b < section.blocks.size(); ++b) {
      const report::Block& block = section.blocks[b];
      if (b) out += ',';
      out += "{\"kind\":\"";
      out += block_kind(block.kind);
      out += '"';
      if (block.kind != report::Block::Kind::Paragraph) {
        out += ",\"heading\":";
        append_json_string(out, block.heading);
      }
      if (block.kind != report::Block::Kind::Heading) {
        out += ",\"text\":";
        append_json_string(out, block.text);
      }
      out += ",\"line\":";
      append_uint(out, block.line);
      out += '}';
    }
    out += "]}";
  }
  out += ']';
}

void append_report_json_diagnostics(std::string& out, const report::Report& r) {
  out += ",\"diagnostics\":[";
  for (size_t k = 0; k < r.diagnostics.size(); ++k) {
    const core::Diagnostic& d = r.diagnostics[k];
    if (k) out += ',';
    out += "{\"severity\":\"";
    out += core::to_string(d.severity);
    out += "\",\"code\":";
    append_json_string(out, d.code);
    out += ",\"line\":";
    append_uint(out, d.line);
    out += ",\"message\":";
    append_json_string(out, d.message);
    if (!d.message_zh.empty()) {
      out += ",\"message_zh\":";
      append_json_string(out, d.message_zh);
    }
    out += '}';
  }
  out += ']';
}

}  // namespace gongkai::output
