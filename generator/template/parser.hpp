#pragma once
// Builds the syntax tree from tokens, statement by statement as Jinja2's parser does (same
// grammar, same precedence, same error messages where Jinja2 has one).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "template/ast.hpp"
#include "template/lexer.hpp"

namespace gongkai::tmpl {

struct SyntaxError {
  std::string message;
  uint32_t offset = 0;
};

/// Parses normalised template source; false (and *error set) on a syntax error.
bool parse_template(std::string_view source, ast::Body& out, SyntaxError* error);

}  // namespace gongkai::tmpl
