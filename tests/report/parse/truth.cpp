#include "truth.hpp"

#include "report/number.hpp"
#include "report/report_cells.hpp"

namespace gongkai::testing {

using json = nlohmann::ordered_json;
using report::Number;

namespace {

std::string text_of(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

template <class T>
std::string text_of(const report::Field<T>& f) {
  if (!f) return "null";
  if constexpr (std::is_same_v<T, std::string>) {
    return *f.value;
  } else if constexpr (std::is_same_v<T, report::Date>) {
    return f.value->iso();
  } else {
    return std::to_string(*f.value);
  }
}

bool same_number(const std::string& a, const std::string& b) {
  auto x = Number::parse(a), y = Number::parse(b);
  return x && y && *x == *y;
}

}  // namespace

std::string describe(const Mismatch& m) {
  return m.file + ": " + m.id + ": expected " + m.expected + ", got " + m.got;
}

void check_against_truth(const json& t, const report::Report& r, TruthCheck& out) {
  const std::string file = t.at("file").get<std::string>();
  auto compare = [&](const std::string& id, const std::string& expected, const std::string& got) {
    ++out.values;
    if (expected != got) out.mismatches.push_back({file, id, expected, got});
  };
  const auto& m = r.meta;
  compare("meta.agency", text_of(t["agency"]), text_of(m.agency));
  compare("meta.year", text_of(t["year"]), text_of(m.year));
  compare("meta.format", text_of(t["format"]), std::string(report::to_string(r.format)));
  compare("meta.shape", text_of(t["shape"]), std::string(report::to_string(r.shape)));
  compare("meta.signed", text_of(t["date"]), text_of(m.signed_on));
  const json& period = t["period"];
  compare("meta.period_start", period.is_null() ? "null" : text_of(period["start"]),
          text_of(m.period_start));
  compare("meta.period_end", period.is_null() ? "null" : text_of(period["end"]),
          text_of(m.period_end));
  const json& c = t["contact"];
  compare("meta.address", text_of(c["address"]), text_of(m.contact.address));
  compare("meta.postcode", text_of(c["postcode"]), text_of(m.contact.postcode));
  compare("meta.phone", text_of(c["phone"]), text_of(m.contact.phone));
  compare("meta.email", text_of(c["email"]), text_of(m.contact.email));
  compare("meta.website", text_of(c["website"]), text_of(m.contact.website));
  compare("procurement_unit", text_of(t["procurement_unit"]), text_of(r.procurement_unit));

  // Cells: the same ids in the same order, and the same values.
  const json& cells = t.at("cells");
  const auto& ids = report::cells_of(r.layout);
  std::vector<std::string> expected_ids;
  for (auto it = cells.begin(); it != cells.end(); ++it) expected_ids.push_back(it.key());
  std::vector<std::string> got_ids;
  for (auto i : ids) got_ids.emplace_back(report::cell_def(i).id);
  if (expected_ids != got_ids) {
    out.mismatches.push_back({file, "cell ids", std::to_string(expected_ids.size()) + " ids",
                              std::to_string(got_ids.size()) + " ids (layout " +
                                  std::string(report::to_string(r.layout)) + ")"});
  }
  for (auto it = cells.begin(); it != cells.end(); ++it) {
    ++out.values;
    const report::Cell* cell = r.find(it.key());
    std::string got = cell ? report::cell_text(*cell) : "<no such cell>";
    std::string expected = text_of(it.value());
    bool equal =
        expected == got || (expected != "null" && got != "null" && same_number(expected, got));
    if (!equal) out.mismatches.push_back({file, it.key(), expected, got});
  }

  // Sections: keys and headings in order.
  std::string expected_sections, got_sections;
  for (const auto& s : t.at("sections")) {
    expected_sections += text_of(s["key"]) + "=" + text_of(s["heading"]) + ";";
  }
  for (const auto& s : r.sections) {
    got_sections += std::string(report::to_string(s.key)) + "=" +
                    (s.heading.empty() ? "null" : s.heading) + ";";
  }
  ++out.sections;
  if (expected_sections != got_sections) {
    out.section_mismatches.push_back({file, "sections", expected_sections, got_sections});
  }
}

}  // namespace gongkai::testing
