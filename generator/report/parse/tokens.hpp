#pragma once
// A table region as a stream of tokens: text, values and empty cells, each with its source line,
// whatever the shape. Labels are matched on the normalised text of the stream (keys), so that a
// label wrapped over lines, split by spaces or printed with other brackets still matches.
//
// Grammar of a line of free text (pdf_text, and lines outside pipe/TAB tables):
//   line    := { space | bracket | piece }
//   bracket := ( "(" | "（" ) … matching ")" | "）" on the same line,     → Text (numbers inside
//              within 50 characters                                        are remarks)
//   piece   := mark | { number [unit] | text }                            (no spaces inside)
//   mark    := "-" | "—" | "–" | "/" | "／" | "--" | "——" …   → Empty (a missing cell);
//              inside a piece, between numbers or at its ends ("/////0000"), each "/", "-",
//              "—" (or "——") is one empty cell; between words ("本年增/减") it is text
//   number  := [sign] digits ["," 3digits]… ["." digits]                  → Value; a sign only at
//              the piece's start or right after a digit ("35-15" is 35, -15); "007" is 0, 0, 7
//   unit    := "元" | "万元"                                               (kept as the suffix)
//   text    := anything else; "1." / "1、" before a non-digit is a row number, part of the text
// Where cells run together (shape html_text, `flat`): a digit run right before a row number ends
// one digit early ("00000002.其他" is 0000000 and 2.其他); a mark right after a label is an empty
// cell ("文件／062"); "-7.属于" is an empty cell and the row number 7.
// A markdown row (`| a | b |`) or a docx row (TAB-prefixed lines up to an empty line) gives its
// cells: the text cells up to the last one are the labels, every cell after it is a value or an
// Empty (an empty cell or a mark); a row without text is all values.
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "report/number.hpp"
#include "report/parse/document.hpp"

namespace gongkai::report::parse {

struct Token {
  enum class Kind : uint8_t { Text, Value, Empty };
  Kind kind = Kind::Text;
  bool cell = false;       ///< an explicit table cell (markdown or docx row)
  uint16_t column = 0;     ///< its index in the row (cell tokens)
  uint16_t row_cells = 0;  ///< how many cells its row has (cell tokens)
  uint32_t row = 0;        ///< table row (cell tokens) or line ordinal (free text)
  uint32_t line = 0;       ///< 1-based source line
  std::string_view text;   ///< as printed: the text, the number, or the mark ("" for an empty cell)
  std::string_view suffix;  ///< a unit printed right after a number ("元", "万元")
  Number number;            ///< Value only
  bool is_value() const { return kind != Kind::Text; }
};

class TokenStream {
 public:
  std::vector<Token> tokens;
  /// The normalised text of the Text tokens (normalize_key); each value token adds one '\x01',
  /// so that a label never matches across a number.
  std::string keys;
  std::vector<uint32_t> key_begin;  ///< per token: where its keys start

  void add(const Token& t);
  /// Offset of `key` in keys at or after `from`, or npos.
  size_t find(std::string_view key, size_t from) const { return keys.find(key, from); }
  /// The token that holds keys[offset].
  size_t token_at(size_t offset) const;
  /// Keeps text built by the tokenizer (a docx cell continued over lines) alive for the tokens.
  std::string_view own(std::string s) {
    owned_.push_back(std::move(s));
    return owned_.back();
  }

 private:
  std::deque<std::string> owned_;
};

/// Tokens of the lines [begin, end) of the document (page-number lines dropped).
TokenStream tokenize(const Document& doc, size_t begin, size_t end);

/// Appends the matching form of label text: no spaces or TABs, one kind of bracket "()", no quotes,
/// "1、"/"1．" → "1.".
void normalize_key(std::string_view text, std::string& out);
std::string normalize_key(std::string_view text);

/// Tokenises one line of free text (exposed for testing). `flat` (shape html_text): cells may run
/// together, so a digit run right before a row number `N.`/`N、` ends before its last digit
/// ("00000002.其他" is the values 0000000 and the label 2.其他…).
void tokenize_free_line(std::string_view line, uint32_t line_number, uint32_t row, TokenStream& out,
                        bool flat = false);

}  // namespace gongkai::report::parse
