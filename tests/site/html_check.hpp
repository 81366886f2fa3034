#pragma once
// An HTML5 checker for the built site (tests only): the HTML5 parsing algorithm (gumbo) must meet
// no parse error, and the page must hold what an accessible, linkable page needs.
#include <map>
#include <string>
#include <vector>

namespace gongkai::testing {

struct HtmlCell {
  std::string tag;   ///< "th" | "td"
  std::string text;  ///< text content, whitespace collapsed
  std::string cls;   ///< class attribute
  std::string href;  ///< the first link inside, if any
};

struct HtmlPage {
  std::vector<std::string> errors;  ///< "line:col: …"
  std::vector<std::string> links;   ///< href of a/link, src of script/img, as written
  std::map<std::string, int> ids;   ///< id → how many times
  std::string lang;                 ///< <html lang>
  std::string title;
  std::string text;  ///< the body's text, whitespace collapsed
  /// Rows of each table with an id: id → rows → cells.
  std::map<std::string, std::vector<std::vector<HtmlCell>>> tables;
};

/// Parses and checks: no HTML5 parse error, a doctype, <html lang>, a non-empty <title>, <meta
/// charset>, unique ids, aria-labelledby pointing at ids that exist, every table header cell with
/// a scope, one <h1>.
HtmlPage check_html(const std::string& html);

/// The rows of a table whose first cell's text is `label` (tables[id]); empty when none.
std::vector<HtmlCell> row_of(const HtmlPage& page, const std::string& table_id,
                             const std::string& label);

}  // namespace gongkai::testing
