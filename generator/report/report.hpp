#pragma once
// The Report: what one annual report says, every value with the source line it came from. It does
// not know how it was read, checked or shown.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "report/number.hpp"
#include "report/schema.hpp"

namespace gongkai::report {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  /// "YYYY-MM-DD"
  std::string iso() const;
  /// Parses "YYYY-MM-DD"; nullopt when malformed or not a calendar date.
  static std::optional<Date> parse_iso(std::string_view s);
  static bool valid(int y, int m, int d);
  /// Days since 1970-01-01 (proleptic Gregorian): differences and weekdays.
  int64_t days_since_epoch() const;
  auto operator<=>(const Date&) const = default;
};

/// A value with the 1-based source line it was read from (front matter: the line of its key; 0:
/// nowhere).
template <class T>
struct Field {
  std::optional<T> value;
  uint32_t line = 0;
  explicit operator bool() const { return value.has_value(); }
  void set(T v, uint32_t at) {
    value = std::move(v);
    line = at;
  }
};

enum class CellStatus : uint8_t {
  Absent,  ///< not part of what this report prints (a （九） block left out, （六） sub-rows of
           ///< 2021-one)
  Missing,  ///< expected but not read: printed empty, a dash, unreadable, or its table not found
  Read,     ///< value holds what the report prints
};

/// "absent" | "missing" | "read": the Report JSON's spelling.
std::string_view to_string(CellStatus s);

struct Cell {
  std::optional<Number> value;  ///< set only when status == Read
  uint32_t line = 0;            ///< where the value (or the empty cell) was printed; 0 if unknown
  CellStatus status = CellStatus::Absent;
};

struct Contact {
  Field<std::string> address, postcode, phone, email, website;
};

enum class SectionKey : uint8_t {
  Preamble,
  Overview,
  Proactive,
  Applications,
  Review,
  Problems,
  Other
};
std::string_view to_string(SectionKey k);  // "preamble" "overview" "proactive" … "other"

struct Block {
  enum class Kind : uint8_t {
    Paragraph,        ///< text
    Heading,          ///< heading only ("（一）主动公开")
    HeadedParagraph,  ///< heading and text on one line ("（一）主动公开：我局…")
  };
  Kind kind = Kind::Paragraph;
  std::string heading;
  std::string text;
  uint32_t line = 0;
};

struct Section {
  SectionKey key = SectionKey::Preamble;
  std::string heading;  ///< as printed ("一、总体情况"); empty for the preamble
  uint32_t line = 0;
  std::vector<Block> blocks;
};

struct Meta {
  Field<std::string> title;   ///< on one line, breaks and stray spaces removed
  Field<std::string> agency;  ///< as written in the title (or front matter)
  Field<int> year;
  Field<Date> period_start, period_end;
  Field<Date> signed_on;  ///< the 落款 date
  Contact contact;
  // What the text cannot tell, from front matter (or site.yaml later):
  std::vector<std::string> region;  ///< province, city, county, …
  std::string kind;   ///< "department" | "government" (汇总) | "government_office" …
  std::string level;  ///< "province" | "city" | "county" | "town"
};

struct Report {
  std::string path;  ///< as given to the reader
  Shape shape = Shape::PdfText;
  Format format = Format::F2021;
  Layout layout = Layout::L2021;
  /// False when the text did not tell (P001: nothing was read; the format also when table P's
  /// headers and everything else are silent, P007 "nothing tells it"): the JSON and cells forms
  /// then print null, and `format`/`layout` are only the defaults the cells are laid out by.
  bool shape_known = true;
  bool format_known = true;
  Meta meta;
  std::vector<Section> sections;        ///< in the order printed
  std::vector<Cell> cells;              ///< indexed by CellIndex, sized cell_count()
  Field<std::string> procurement_unit;  ///< "元" | "万元" as printed after the 2019 （九） amount
  std::vector<core::Diagnostic> diagnostics;

  Report();
  const Cell& cell(CellIndex i) const { return cells[i]; }
  Cell& cell(CellIndex i) { return cells[i]; }
  /// nullptr when the id is not in the catalogue.
  const Cell* find(std::string_view id) const;
  const Section* section(SectionKey key) const;
  void diagnose(core::Severity severity, std::string code, uint32_t line, std::string message,
                std::string message_zh = {});
};

}  // namespace gongkai::report
