#include "report/report_cells.hpp"

namespace gongkai::report {

namespace {

/// A text value on one line: TABs and line ends would break the format, so they become spaces.
void put(std::string& out, std::string_view id, const std::optional<std::string>& value) {
  out.append(id);
  out += '\t';
  if (!value) {
    out += "null";
  } else {
    for (char c : *value) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  }
  out += '\n';
}

std::optional<std::string> date_text(const Field<Date>& d) {
  if (!d) return std::nullopt;
  return d.value->iso();
}

}  // namespace

std::string cell_text(const Cell& cell) {
  if (cell.status != CellStatus::Read || !cell.value) return "null";
  return cell.value->to_string();
}

std::string to_cells(const Report& r) {
  std::string out;
  const auto& ids = cells_of(r.layout);
  out.reserve(64 * (ids.size() + 9));
  const Meta& m = r.meta;
  put(out, "meta.agency", m.agency.value);
  put(out, "meta.year",
      m.year ? std::optional<std::string>(std::to_string(*m.year.value)) : std::nullopt);
  put(out, "meta.format",
      r.format_known ? std::optional<std::string>(to_string(r.format)) : std::nullopt);
  put(out, "meta.shape",
      r.shape_known ? std::optional<std::string>(to_string(r.shape)) : std::nullopt);
  put(out, "meta.signed", date_text(m.signed_on));
  put(out, "meta.period_start", date_text(m.period_start));
  put(out, "meta.period_end", date_text(m.period_end));
  put(out, "meta.phone", m.contact.phone.value);
  put(out, "meta.email", m.contact.email.value);
  for (CellIndex i : ids) {
    out.append(cell_def(i).id);
    out += '\t';
    out += cell_text(r.cell(i));
    out += '\n';
  }
  return out;
}

}  // namespace gongkai::report
