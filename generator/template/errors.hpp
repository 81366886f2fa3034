#pragma once
// Template errors as values: where (template, line, column), what, and the way the render got
// there (the includes, extends, imports, blocks and macro calls it passed through).
#include <cstdint>
#include <string>
#include <vector>

namespace gongkai::tmpl {

struct ErrorLocation {
  std::string template_name;
  uint32_t line = 0;    ///< 1-based; 0 when unknown
  uint32_t column = 0;  ///< 1-based, in code points
};

struct Error {
  std::string template_name;  ///< empty when the error is not inside a template
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;
  std::string source_line;  ///< the text of the offending line (without its line end)
  /// Innermost first: where the failing template was included, extended, imported, or where the
  /// failing macro or block was called.
  std::vector<ErrorLocation> chain;

  /// `name:line:col: message`, the source line, a caret under the column, then one
  /// `  in name:line:col` line per chain entry.
  std::string format() const;
};

}  // namespace gongkai::tmpl
