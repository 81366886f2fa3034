#include "report/parse/front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include "report/parse/codes.hpp"
#include "text/normalize.hpp"

namespace gongkai::report::parse {

namespace {

std::string scalar(const YAML::Node& n) {
  if (!n || !n.IsScalar()) return {};
  return std::string(text::trim(n.Scalar()));
}

uint32_t line_of(const YAML::Node& n, uint32_t first_line) {
  int l = n.Mark().line;
  return l < 0 ? first_line : first_line + static_cast<uint32_t>(l);
}

/// Dates may be "2024-01-19" or a YAML date that yaml-cpp keeps as the same scalar.
bool read_date(const YAML::Node& n, uint32_t first_line, Field<Date>& out, Report& report,
               std::string_view key) {
  if (!n) return false;
  auto d = Date::parse_iso(scalar(n));
  if (!d) {
    report.diagnose(core::Severity::Warning, std::string(codes::kFrontMatter),
                    line_of(n, first_line),
                    "front matter: `" + std::string(key) + "` is not a date YYYY-MM-DD; ignored");
    return false;
  }
  out.set(*d, line_of(n, first_line));
  return true;
}

void read_string(const YAML::Node& map, std::string_view key, uint32_t first_line,
                 Field<std::string>& out) {
  YAML::Node n = map[std::string(key)];
  std::string s = scalar(n);
  if (!s.empty()) out.set(s, line_of(n, first_line));
}

}  // namespace

FrontMatter read_front_matter(const text::Lines& lines, Report& report) {
  FrontMatter fm;
  if (lines.empty() || text::trim(lines[0]) != "---") return fm;
  size_t close = kNone;
  for (size_t i = 1; i < lines.size() && i < 200; ++i) {
    std::string_view t = text::trim(lines[i]);
    if (t == "---" || t == "...") {
      close = i;
      break;
    }
  }
  if (close == kNone) return fm;
  fm.present = true;
  fm.end = close + 1;
  std::string yaml;
  for (size_t i = 1; i < close; ++i) {
    yaml.append(lines[i]);
    yaml += '\n';
  }
  const uint32_t first = lines.number(1);  // YAML line 0 is source line 2
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    uint32_t at = e.mark.line >= 0 ? first + static_cast<uint32_t>(e.mark.line) : 1;
    report.diagnose(core::Severity::Warning, std::string(codes::kFrontMatter), at,
                    "front matter is not valid YAML (" + e.msg + "); ignored");
    return fm;
  }
  if (root.IsNull()) return fm;
  if (!root.IsMap()) {
    report.diagnose(core::Severity::Warning, std::string(codes::kFrontMatter), 1,
                    "front matter is not a map of keys to values; ignored");
    return fm;
  }
  try {
    read_string(root, "agency", first, fm.agency);
    read_string(root, "title", first, fm.title);
    read_string(root, "kind", first, fm.kind);
    read_string(root, "level", first, fm.level);
    if (YAML::Node y = root["year"]) {
      std::string s = scalar(y);
      int year = 0;
      bool digits = s.size() == 4;
      for (char c : s) digits = digits && c >= '0' && c <= '9';
      if (digits) year = std::stoi(s);
      if (digits && year >= 1990 && year <= 2999) {
        fm.year.set(year, line_of(y, first));
      } else {
        report.diagnose(core::Severity::Warning, std::string(codes::kFrontMatter),
                        line_of(y, first), "front matter: `year` is not a year; ignored");
      }
    }
    if (!read_date(root["signed"], first, fm.signed_on, report, "signed")) {
      read_date(root["date"], first, fm.signed_on, report, "date");
    }
    if (YAML::Node p = root["period"]; p && p.IsMap()) {
      read_date(p["start"], first, fm.period_start, report, "period.start");
      read_date(p["end"], first, fm.period_end, report, "period.end");
    }
    read_date(root["period_start"], first, fm.period_start, report, "period_start");
    read_date(root["period_end"], first, fm.period_end, report, "period_end");
    YAML::Node contact = root["contact"];
    const YAML::Node& c = contact && contact.IsMap() ? contact : root;
    read_string(c, "address", first, fm.address);
    read_string(c, "postcode", first, fm.postcode);
    read_string(c, "phone", first, fm.phone);
    read_string(c, "email", first, fm.email);
    read_string(c, "website", first, fm.website);
    if (YAML::Node r = root["region"]) {
      if (r.IsScalar()) {
        fm.region.push_back(scalar(r));
      } else if (r.IsSequence()) {
        for (const auto& item : r) {
          if (std::string s = scalar(item); !s.empty()) fm.region.push_back(s);
        }
      } else if (r.IsMap()) {
        for (const char* k : {"province", "city", "county", "town"}) {
          if (std::string s = scalar(r[k]); !s.empty()) fm.region.push_back(s);
        }
      }
    }
  } catch (const YAML::Exception& e) {
    report.diagnose(core::Severity::Warning, std::string(codes::kFrontMatter), 1,
                    "front matter: " + e.msg + "; the rest of it ignored");
  }
  return fm;
}

void apply_front_matter(const FrontMatter& fm, Report& report) {
  if (!fm.present) return;
  Meta& m = report.meta;
  if (fm.agency) m.agency = fm.agency;
  if (fm.title) m.title = fm.title;
  if (fm.year) {
    if (m.year && *m.year.value != *fm.year.value) {
      report.diagnose(core::Severity::Warning, std::string(codes::kYearConflict), fm.year.line,
                      "front matter year " + std::to_string(*fm.year.value) +
                          " differs from the title's " + std::to_string(*m.year.value) + " (line " +
                          std::to_string(m.year.line) + "); the front matter wins");
    }
    m.year = fm.year;
  }
  if (fm.signed_on) m.signed_on = fm.signed_on;
  if (fm.period_start) m.period_start = fm.period_start;
  if (fm.period_end) m.period_end = fm.period_end;
  if (fm.address) m.contact.address = fm.address;
  if (fm.postcode) m.contact.postcode = fm.postcode;
  if (fm.phone) m.contact.phone = fm.phone;
  if (fm.email) m.contact.email = fm.email;
  if (fm.website) m.contact.website = fm.website;
  if (!fm.region.empty()) m.region = fm.region;
  if (fm.kind) m.kind = *fm.kind.value;
  if (fm.level) m.level = *fm.level.value;
}

}  // namespace gongkai::report::parse
