#include "report/audit/prose_scan.hpp"

namespace gongkai::report::audit::prose {

namespace {

inline unsigned char byte(std::string_view s, size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

}  // namespace

size_t sentence_end_at(std::string_view s, size_t i) {
  unsigned char c = byte(s, i);
  if (c == '!' || c == '?' || c == ';' || c == '\n') return 1;
  // 。 E3 80 82; ！ EF BC 81, ？ EF BC 9F, ； EF BC 9B.
  if (c == 0xE3) return byte(s, i + 1) == 0x80 && byte(s, i + 2) == 0x82 ? 3 : 0;
  if (c == 0xEF && byte(s, i + 1) == 0xBC) {
    unsigned char d = byte(s, i + 2);
    return d == 0x81 || d == 0x9F || d == 0x9B ? 3 : 0;
  }
  return 0;
}

size_t clause_end_at(std::string_view s, size_t i) {
  unsigned char c = byte(s, i);
  if (c == ',' || c == ':') return 1;
  // ， EF BC 8C; ： EF BC 9A.
  if (c == 0xEF && byte(s, i + 1) == 0xBC) {
    unsigned char d = byte(s, i + 2);
    if (d == 0x8C || d == 0x9A) return 3;
  }
  return sentence_end_at(s, i);
}

namespace {

/// Bounds around i where `end_at` finds no end. Walking back, a 3-byte end ends 3 bytes before the
/// position after it.
template <class EndAt>
Span around(std::string_view s, size_t i, EndAt end_at) {
  Span sp{0, s.size()};
  for (size_t k = i; k > 0; --k) {
    size_t p = k - 1;
    if (end_at(s, p)) {
      sp.begin = p + end_at(s, p);
      break;
    }
  }
  if (sp.begin > i) sp.begin = i;
  for (size_t k = i; k < s.size(); ++k) {
    if (end_at(s, k)) {
      sp.end = k;
      break;
    }
  }
  return sp;
}

}  // namespace

Span sentence_around(std::string_view s, size_t i) {
  return around(s, i, sentence_end_at);
}
Span clause_around(std::string_view s, size_t i) {
  return around(s, i, clause_end_at);
}

uint32_t line_at(const Block& b, size_t i) {
  if (!b.line) return 0;
  uint32_t line = b.line;
  for (size_t k = 0; k < i && k < b.text.size(); ++k) line += b.text[k] == '\n';
  return line;
}

std::optional<int64_t> read_integer(std::string_view s, size_t& i, int* digits) {
  int64_t v = 0;
  int n = 0;
  size_t len = 0;
  for (int d; (d = digit_at(s, i, len)) >= 0; i += len) {
    if (++n > 12) return std::nullopt;
    v = v * 10 + d;
  }
  if (digits) *digits = n;
  if (!n) return std::nullopt;
  return v;
}

size_t skip_spaces(std::string_view s, size_t i) {
  while (i < s.size()) {
    unsigned char c = byte(s, i);
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == 0xE3 && byte(s, i + 1) == 0x80 && byte(s, i + 2) == 0x80) {
      i += 3;  // U+3000
    } else if (c == 0xC2 && byte(s, i + 1) == 0xA0) {
      i += 2;  // U+00A0
    } else {
      break;
    }
  }
  return i;
}

}  // namespace gongkai::report::audit::prose
