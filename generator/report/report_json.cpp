#include "report/report_json.hpp"

namespace gongkai::report {

using Json = nlohmann::ordered_json;

namespace {

Json number_json(const Number& n) {
  if (n.is_integer()) return Json(n.units);
  return Json(n.to_double());
}

template <class T, class F>
Json field(const Field<T>& f, F convert) {
  Json j = Json::object();
  j["value"] = f ? convert(*f.value) : Json(nullptr);
  j["line"] = f.line;
  return j;
}

Json string_field(const Field<std::string>& f) {
  return field(f, [](const std::string& s) { return Json(s); });
}

Json date_field(const Field<Date>& f) {
  return field(f, [](const Date& d) { return Json(d.iso()); });
}

std::string_view block_kind(Block::Kind k) {
  switch (k) {
    case Block::Kind::Paragraph:
      return "paragraph";
    case Block::Kind::Heading:
      return "heading";
    case Block::Kind::HeadedParagraph:
      return "headed_paragraph";
  }
  return "paragraph";
}

}  // namespace

Json to_json(const Report& r, const JsonOptions& options) {
  Json j = Json::object();
  j["gongkai_report"] = kReportJsonVersion;
  j["path"] = r.path;
  j["shape"] = r.shape_known ? Json(std::string(to_string(r.shape))) : Json(nullptr);
  j["format"] = r.format_known ? Json(std::string(to_string(r.format))) : Json(nullptr);
  j["layout"] = r.format_known ? Json(std::string(to_string(r.layout))) : Json(nullptr);

  const Meta& m = r.meta;
  Json meta = Json::object();
  meta["title"] = string_field(m.title);
  meta["agency"] = string_field(m.agency);
  meta["year"] = field(m.year, [](int y) { return Json(y); });
  meta["period"] = {{"start", date_field(m.period_start)}, {"end", date_field(m.period_end)}};
  meta["signed"] = date_field(m.signed_on);
  meta["contact"] = {{"address", string_field(m.contact.address)},
                     {"postcode", string_field(m.contact.postcode)},
                     {"phone", string_field(m.contact.phone)},
                     {"email", string_field(m.contact.email)},
                     {"website", string_field(m.contact.website)}};
  meta["region"] = m.region;
  meta["kind"] = m.kind.empty() ? Json(nullptr) : Json(m.kind);
  meta["level"] = m.level.empty() ? Json(nullptr) : Json(m.level);
  j["meta"] = std::move(meta);

  Json cells = Json::object();
  for (CellIndex i : cells_of(r.layout)) {
    const Cell& c = r.cell(i);
    Json cell = Json::object();
    bool read = c.status == CellStatus::Read && c.value;
    cell["value"] = read ? number_json(*c.value) : Json(nullptr);
    if (read && !c.value->is_integer()) cell["text"] = c.value->to_string();
    cell["line"] = c.line;
    cell["status"] = std::string(to_string(c.status));
    cells[std::string(cell_def(i).id)] = std::move(cell);
  }
  j["cells"] = std::move(cells);
  j["procurement_unit"] = string_field(r.procurement_unit);

  if (options.prose) {
    Json sections = Json::array();
    for (const auto& s : r.sections) {
      Json sj = Json::object();
      sj["key"] = std::string(to_string(s.key));
      sj["heading"] = s.heading.empty() ? Json(nullptr) : Json(s.heading);
      sj["line"] = s.line;
      Json blocks = Json::array();
      for (const auto& b : s.blocks) {
        Json bj = Json::object();
        bj["kind"] = std::string(block_kind(b.kind));
        if (b.kind != Block::Kind::Paragraph) bj["heading"] = b.heading;
        if (b.kind != Block::Kind::Heading) bj["text"] = b.text;
        bj["line"] = b.line;
        blocks.push_back(std::move(bj));
      }
      sj["blocks"] = std::move(blocks);
      sections.push_back(std::move(sj));
    }
    j["sections"] = std::move(sections);
  }
  if (options.diagnostics) {
    Json diags = Json::array();
    for (const auto& d : r.diagnostics) {
      Json dj = Json::object();
      dj["severity"] = std::string(core::to_string(d.severity));
      dj["code"] = d.code;
      dj["line"] = d.line;
      dj["message"] = d.message;
      if (!d.message_zh.empty()) dj["message_zh"] = d.message_zh;
      diags.push_back(std::move(dj));
    }
    j["diagnostics"] = std::move(diags);
  }
  return j;
}

}  // namespace gongkai::report
