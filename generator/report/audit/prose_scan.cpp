#include "report/audit/prose_scan.hpp"

namespace gongkai::report::audit::prose {

namespace {

/// Byte length of a sentence end at s[i] (。！？；!?;\n), 0 when there is none.
size_t sentence_end_at(std::string_view s, size_t i) {
  char c = s[i];
  if (c == '!' || c == '?' || c == ';' || c == '\n') return 1;
  for (std::string_view end : {"。", "！", "？", "；"}) {
    if (at(s, i, end)) return end.size();
  }
  return 0;
}

size_t clause_end_at(std::string_view s, size_t i) {
  char c = s[i];
  if (c == ',' || c == ':') return 1;
  for (std::string_view end : {"，", "："}) {
    if (at(s, i, end)) return end.size();
  }
  return 0;
}

}  // namespace

void split_sentences(std::string_view text, uint32_t line, SectionKey section,
                     std::vector<Sentence>& out) {
  size_t start = 0;
  uint32_t newlines = 0, newlines_at_start = 0;
  for (size_t i = 0; i < text.size();) {
    size_t len = sentence_end_at(text, i);
    if (!len) {
      ++i;
      continue;
    }
    if (i > start) {
      out.push_back({text.substr(start, i - start), line ? line + newlines_at_start : 0, section});
    }
    if (text[i] == '\n') ++newlines;
    i += len;
    start = i;
    newlines_at_start = newlines;
  }
  if (start < text.size()) {
    out.push_back({text.substr(start), line ? line + newlines_at_start : 0, section});
  }
}

std::vector<std::string_view> clauses(std::string_view sentence) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < sentence.size();) {
    size_t len = clause_end_at(sentence, i);
    if (!len) {
      ++i;
      continue;
    }
    out.push_back(sentence.substr(start, i - start));
    i += len;
    start = i;
  }
  out.push_back(sentence.substr(start));
  return out;
}

int digit_at(std::string_view s, size_t i, size_t& len) {
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

std::optional<int64_t> read_integer(std::string_view s, size_t& i) {
  int64_t v = 0;
  int digits = 0;
  size_t len = 0;
  for (int d; (d = digit_at(s, i, len)) >= 0; i += len) {
    if (++digits > 12) return std::nullopt;
    v = v * 10 + d;
  }
  if (!digits) return std::nullopt;
  return v;
}

size_t skip_spaces(std::string_view s, size_t i) {
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
    } else if (at(s, i, "\u3000")) {
      i += 3;
    } else if (at(s, i, "\u00a0")) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace gongkai::report::audit::prose
