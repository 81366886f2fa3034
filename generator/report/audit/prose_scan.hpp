#pragma once
// Small scanners over the prose of a report (UTF-8): sentence and clause bounds, digits (ASCII or
// full-width), spaces. No regex and no allocation: the audit must stay far below a tenth of a
// millisecond a report, and most of its time is here.
#include <cstdint>
#include <optional>
#include <string_view>

#include "report/report.hpp"

namespace gongkai::report::audit::prose {

/// True when s holds `word` at byte offset i (a byte loop: words are a few bytes, memcmp calls cost
/// more than they save).
inline bool at(std::string_view s, size_t i, std::string_view word) {
  if (s.size() < i + word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (s[i + k] != word[k]) return false;
  }
  return true;
}
inline bool contains(std::string_view s, std::string_view word) {
  return s.find(word) != std::string_view::npos;
}

/// Byte length of a sentence end at s[i] (。！？； ! ? ; newline), 0 when there is none.
size_t sentence_end_at(std::string_view s, size_t i);
/// Byte length of a clause end at s[i] (a sentence end, or ，,：:), 0 when there is none.
size_t clause_end_at(std::string_view s, size_t i);

/// [begin, end) of the sentence or clause around byte offset i, without its final punctuation.
struct Span {
  size_t begin = 0, end = 0;
  std::string_view of(std::string_view s) const { return s.substr(begin, end - begin); }
};
Span sentence_around(std::string_view s, size_t i);
Span clause_around(std::string_view s, size_t i);

/// The source line of byte offset i of a block's text: its first line plus the newlines before i.
uint32_t line_at(const Block& b, size_t i);

/// Byte length of the UTF-8 character whose lead byte is c (1 for a stray continuation byte), so
/// that scanners step by character.
inline size_t char_len(unsigned char c) {
  return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/// The digit at s[i], ASCII or full-width (０–９), setting len to its byte length; -1 when none.
inline int digit_at(std::string_view s, size_t i, size_t& len) {
  if (i >= s.size()) return -1;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= '0' && c <= '9') {
    len = 1;
    return c - '0';
  }
  // Full-width ０ (U+FF10) … ９ (U+FF19): EF BC 90 … EF BC 99.
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if (d >= 0x90 && d <= 0x99) {
      len = 3;
      return d - 0x90;
    }
  }
  return -1;
}
/// Reads the unsigned integer (at most 12 digits) starting at s[i], advancing i past it; `digits`
/// gets how many digits it had.
std::optional<int64_t> read_integer(std::string_view s, size_t& i, int* digits = nullptr);
/// Past any ASCII space or tab, U+3000 or U+00A0 at s[i].
size_t skip_spaces(std::string_view s, size_t i);

/// Calls fn(block) for the text of every paragraph block (headings left out) of the sections `want`
/// accepts, in order.
template <class Want, class Fn>
void for_each_paragraph(const Report& r, Want want, Fn fn) {
  for (const auto& section : r.sections) {
    if (!want(section.key)) continue;
    for (const auto& block : section.blocks) {
      if (block.kind != Block::Kind::Heading && !block.text.empty()) fn(section, block);
    }
  }
}

}  // namespace gongkai::report::audit::prose
