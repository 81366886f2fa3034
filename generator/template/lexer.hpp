#pragma once
// Splits template source into tokens exactly as Jinja2's lexer does with its default settings:
// `{{ }}`, `{% %}`, `{# #}`, `-`/`+` whitespace control, `raw` blocks, no trim_blocks or
// lstrip_blocks, and the same rules for numbers, names, strings and operators.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::tmpl {

enum class TokenType : uint8_t {
  Data,           ///< template text
  VariableBegin,  ///< {{
  VariableEnd,    ///< }}
  BlockBegin,     ///< {%
  BlockEnd,       ///< %}
  Name,
  String,     ///< a string literal, value decoded
  Integer,    ///< 42, 0x2a, 1_000
  Float,      ///< 4.2, 1e3
  Add,        ///< +
  Sub,        ///< -
  Mul,        ///< *
  Div,        ///< /
  FloorDiv,   ///< //
  Mod,        ///< %
  Pow,        ///< **
  Tilde,      ///< ~
  LBracket,   ///< [
  RBracket,   ///< ]
  LParen,     ///< (
  RParen,     ///< )
  LBrace,     ///< {
  RBrace,     ///< }
  Eq,         ///< ==
  Ne,         ///< !=
  Gt,         ///< >
  GtEq,       ///< >=
  Lt,         ///< <
  LtEq,       ///< <=
  Assign,     ///< =
  Dot,        ///< .
  Colon,      ///< :
  Pipe,       ///< |
  Comma,      ///< ,
  Semicolon,  ///< ;
  Eof,
};

struct Token {
  TokenType type = TokenType::Eof;
  uint32_t offset = 0;  ///< byte offset of the token in the (normalised) source
  std::string text;     ///< Data: the text; Name: the name; String: the decoded value
  int64_t integer = 0;
  double number = 0;
  bool big_integer = false;  ///< an integer literal beyond int64 (an error when used)
};

struct LexError {
  std::string message;
  uint32_t offset = 0;
};

/// Jinja2's newline handling: \r\n and \r become \n, and one trailing newline is dropped.
std::string normalize_source(std::string_view source);

/// Tokenizes normalised source; false (and *error set) on a lexical error.
bool tokenize(std::string_view source, std::vector<Token>& out, LexError* error);

/// How a token is named in messages ("end of statement block", "'+'", the name itself…).
std::string describe(const Token& token);
std::string describe(TokenType type);

}  // namespace gongkai::tmpl
