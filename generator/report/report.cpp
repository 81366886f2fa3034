#include "report/report.hpp"

#include <cstdio>

namespace gongkai::report {

bool Date::valid(int y, int m, int d) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

int64_t Date::days_since_epoch() const {
  // Howard Hinnant's days_from_civil.
  const int y = year - (month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string_view to_string(CellStatus s) {
  switch (s) {
    case CellStatus::Absent:
      return "absent";
    case CellStatus::Missing:
      return "missing";
    case CellStatus::Read:
      return "read";
  }
  return "missing";
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Date> Date::parse_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t from, size_t len) {
    int v = 0;
    for (size_t i = from; i < from + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  Date d{num(0, 4), num(5, 2), num(8, 2)};
  if (!valid(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

std::string_view to_string(SectionKey k) {
  switch (k) {
    case SectionKey::Preamble:
      return "preamble";
    case SectionKey::Overview:
      return "overview";
    case SectionKey::Proactive:
      return "proactive";
    case SectionKey::Applications:
      return "applications";
    case SectionKey::Review:
      return "review";
    case SectionKey::Problems:
      return "problems";
    case SectionKey::Other:
      return "other";
  }
  return "preamble";
}

Report::Report() : cells(cell_count()) {}

const Cell* Report::find(std::string_view id) const {
  auto index = find_cell(id);
  return index ? &cells[*index] : nullptr;
}

const Section* Report::section(SectionKey key) const {
  for (const auto& s : sections) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

void Report::diagnose(core::Severity severity, std::string code, uint32_t line, std::string message,
                      std::string message_zh) {
  diagnostics.push_back(
      {severity, std::move(code), std::move(message), std::move(message_zh), path, line, 0});
}

}  // namespace gongkai::report
