#pragma once
// Optional YAML front matter: a `---` … `---` block at the very top that overrides or adds what the
// text says (agency, year, region, date, kind, level, period, contact).
#include "report/parse/document.hpp"

namespace gongkai::report::parse {

/// What the block says; each value remembers its source line.
struct FrontMatter {
  bool present = false;
  size_t end = 0;  ///< index of the first line after the block (0 when absent)
  Field<std::string> agency, title, kind, level;
  Field<std::string> address, postcode, phone, email, website;
  Field<int> year;
  Field<Date> signed_on, period_start, period_end;
  std::vector<std::string> region;
};

/// Finds and parses the block; a block that is not valid YAML, or a value of the wrong kind, gives
/// a diagnostic and is left out.
FrontMatter read_front_matter(const text::Lines& lines, Report& report);

/// Overrides the report's metadata with what the block sets (a year that contradicts the title's
/// gives a warning).
void apply_front_matter(const FrontMatter& fm, Report& report);

}  // namespace gongkai::report::parse
