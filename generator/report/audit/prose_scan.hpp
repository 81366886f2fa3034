#pragma once
// Small scanners over the prose of a report (UTF-8): sentences, clauses, digits (ASCII or
// full-width), spaces. No regex: the audit must stay far below a tenth of a millisecond a report.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "report/report.hpp"

namespace gongkai::report::audit::prose {

struct Sentence {
  std::string_view text;  ///< without its final 。！？；
  uint32_t line = 0;      ///< source line of the block, plus the newlines before the sentence in it
  SectionKey section = SectionKey::Preamble;
};

/// Sentences of the text of every paragraph block (headings left out) of the sections `want`
/// accepts, in order. A sentence ends at 。！？； ! ? ; or a newline.
template <class Want>
std::vector<Sentence> sentences(const Report& r, Want want);

/// Splits `text` into sentences as above, appending them to out with their newline offsets.
void split_sentences(std::string_view text, uint32_t line, SectionKey section,
                     std::vector<Sentence>& out);

/// Splits a sentence into clauses at ，,：:.
std::vector<std::string_view> clauses(std::string_view sentence);

/// The digit at s[i], ASCII or full-width (０–９), setting len to its byte length; -1 when none.
int digit_at(std::string_view s, size_t i, size_t& len);
/// Reads the unsigned integer (at most 12 digits) starting at s[i], advancing i past it.
std::optional<int64_t> read_integer(std::string_view s, size_t& i);
/// Past any ASCII space or tab, U+3000 or U+00A0 at s[i].
size_t skip_spaces(std::string_view s, size_t i);
/// True when s holds `word` at byte offset i.
inline bool at(std::string_view s, size_t i, std::string_view word) {
  return s.size() >= i + word.size() && s.compare(i, word.size(), word) == 0;
}
inline bool contains(std::string_view s, std::string_view word) {
  return s.find(word) != std::string_view::npos;
}

template <class Want>
std::vector<Sentence> sentences(const Report& r, Want want) {
  std::vector<Sentence> out;
  for (const auto& section : r.sections) {
    if (!want(section.key)) continue;
    for (const auto& block : section.blocks) {
      if (block.kind == Block::Kind::Heading) continue;
      split_sentences(block.text, block.line, section.key, out);
    }
  }
  return out;
}

}  // namespace gongkai::report::audit::prose
