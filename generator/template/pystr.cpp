#include "template/pystr.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "core/utf8.hpp"

namespace gongkai::tmpl::pystr {

char32_t next(std::string_view s, size_t& i) {
  return core::utf8::next(s, i);
}
void append_utf8(std::string& out, char32_t c) {
  core::utf8::append(out, c);
}

bool is_space(char32_t c) {
  if (c < 0x80) return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20);
  return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
         c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

bool is_alpha(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return true;
    default:
      return false;
  }
}

bool is_digit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

bool is_alnum(char32_t c) {
  return is_alpha(c) || is_digit(c);
}

bool is_word(char32_t c) {
  return c == '_' || is_alnum(c);
}

bool is_printable(char32_t c) {
  if (c < 0x80) return c >= 0x20 && c < 0x7f;
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_SURROGATE:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_SPACE_SEPARATOR:
      return false;
    default:
      return true;
  }
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

size_t length(std::string_view s) {
  return core::utf8::count_code_points(s);
}

size_t byte_offset(std::string_view s, size_t index) {
  size_t i = 0;
  while (index > 0 && i < s.size()) {
    next(s, i);
    --index;
  }
  return i;
}

std::vector<std::string> chars(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    next(s, i);
    out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

std::string slice(std::string_view s, int64_t start, int64_t stop, int64_t step) {
  std::string out;
  if (is_ascii(s)) {
    if (step > 0) {
      for (int64_t i = start; i < stop; i += step) out += s[static_cast<size_t>(i)];
    } else {
      for (int64_t i = start; i > stop; i += step) out += s[static_cast<size_t>(i)];
    }
    return out;
  }
  auto cs = chars(s);
  if (step > 0) {
    for (int64_t i = start; i < stop; i += step) out += cs[static_cast<size_t>(i)];
  } else {
    for (int64_t i = start; i > stop; i += step) out += cs[static_cast<size_t>(i)];
  }
  return out;
}

namespace {

std::string icu_map(std::string_view s, bool to_upper) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (to_upper) {
    u.toUpper(icu::Locale::getRoot());
  } else {
    u.toLower(icu::Locale::getRoot());
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool is_cased(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_CASED);
}

void append_mapped(std::string& out, char32_t c, int mode) {  // 0 lower, 1 upper, 2 title
  if (c < 0x80) {
    if (mode == 0 && c >= 'A' && c <= 'Z') c += 32;
    if (mode != 0 && c >= 'a' && c <= 'z') c -= 32;
    out += static_cast<char>(c);
    return;
  }
  std::string one;
  append_utf8(one, c);
  if (mode == 2) {
    append_utf8(out, static_cast<char32_t>(u_totitle(static_cast<UChar32>(c))));
  } else {
    out += icu_map(one, mode == 1);
  }
}

}  // namespace

std::string upper(std::string_view s) {
  if (is_ascii(s)) {
    std::string out(s);
    for (char& c : out) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    return out;
  }
  return icu_map(s, true);
}

std::string lower(std::string_view s) {
  if (is_ascii(s)) {
    std::string out(s);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
  }
  return icu_map(s, false);
}

std::string capitalize(std::string_view s) {
  if (s.empty()) return {};
  size_t i = 0;
  char32_t first = next(s, i);
  std::string out;
  append_mapped(out, first, 2);
  out += lower(s.substr(i));
  return out;
}

std::string title(std::string_view s) {
  std::string out;
  bool previous_cased = false;
  for (size_t i = 0; i < s.size();) {
    char32_t c = next(s, i);
    append_mapped(out, c, previous_cased ? 0 : 2);
    previous_cased = is_cased(c);
  }
  return out;
}

std::string swapcase(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    char32_t c = next(s, i);
    if (u_isULowercase(static_cast<UChar32>(c))) {
      append_mapped(out, c, 1);
    } else if (u_isUUppercase(static_cast<UChar32>(c))) {
      append_mapped(out, c, 0);
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

bool is_lower(std::string_view s) {
  bool cased = false;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<UChar32>(next(s, i));
    if (u_isUUppercase(c) || u_charType(c) == U_TITLECASE_LETTER) return false;
    if (u_isULowercase(c)) cased = true;
  }
  return cased;
}

bool is_upper(std::string_view s) {
  bool cased = false;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<UChar32>(next(s, i));
    if (u_isULowercase(c) || u_charType(c) == U_TITLECASE_LETTER) return false;
    if (u_isUUppercase(c)) cased = true;
  }
  return cased;
}

namespace {

bool in_chars(char32_t c, const std::string_view* chars) {
  if (!chars) return is_space(c);
  for (size_t i = 0; i < chars->size();) {
    if (next(*chars, i) == c) return true;
  }
  return false;
}

}  // namespace

std::string_view lstrip(std::string_view s, const std::string_view* chars) {
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    if (!in_chars(next(s, j), chars)) break;
    i = j;
  }
  return s.substr(i);
}

std::string_view rstrip(std::string_view s, const std::string_view* chars) {
  size_t end = s.size();
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t j = start;
    if (!in_chars(next(s, j), chars)) break;
    end = start;
  }
  return s.substr(0, end);
}

std::string_view strip(std::string_view s, const std::string_view* chars) {
  return rstrip(lstrip(s, chars), chars);
}

std::vector<std::string_view> split(std::string_view s, const std::string_view* sep,
                                    int64_t maxsplit) {
  std::vector<std::string_view> out;
  if (sep) {
    size_t pos = 0;
    while (maxsplit < 0 || static_cast<int64_t>(out.size()) < maxsplit) {
      size_t hit = s.find(*sep, pos);
      if (hit == std::string_view::npos) break;
      out.push_back(s.substr(pos, hit - pos));
      pos = hit + sep->size();
    }
    out.push_back(s.substr(pos));
    return out;
  }
  size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size()) {
      size_t j = i;
      if (!is_space(next(s, j))) break;
      i = j;
    }
  };
  skip_space();
  while (i < s.size()) {
    if (maxsplit >= 0 && static_cast<int64_t>(out.size()) >= maxsplit) {
      out.push_back(rstrip(s.substr(i)));
      return out;
    }
    size_t start = i;
    while (i < s.size()) {
      size_t j = i;
      if (is_space(next(s, j))) break;
      i = j;
    }
    out.push_back(s.substr(start, i - start));
    skip_space();
  }
  return out;
}

std::vector<std::string_view> rsplit(std::string_view s, const std::string_view* sep,
                                     int64_t maxsplit) {
  if (maxsplit < 0) return split(s, sep, maxsplit);
  std::vector<std::string_view> out;
  if (sep) {
    size_t end = s.size();
    while (static_cast<int64_t>(out.size()) < maxsplit) {
      if (end < sep->size()) break;
      size_t hit = s.rfind(*sep, end - sep->size());
      if (hit == std::string_view::npos) break;
      out.push_back(s.substr(hit + sep->size(), end - hit - sep->size()));
      end = hit;
    }
    out.push_back(s.substr(0, end));
  } else {
    std::string_view rest = rstrip(s);
    while (!rest.empty()) {
      if (static_cast<int64_t>(out.size()) >= maxsplit) {
        out.push_back(rest);
        break;
      }
      size_t end = rest.size();
      size_t start = end;
      while (start > 0) {
        size_t b = start - 1;
        while (b > 0 && (static_cast<unsigned char>(rest[b]) & 0xC0) == 0x80) --b;
        size_t j = b;
        if (is_space(next(rest, j))) break;
        start = b;
      }
      out.push_back(rest.substr(start, end - start));
      rest = rstrip(rest.substr(0, start));
    }
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<std::string_view> splitlines(std::string_view s, bool keepends) {
  std::vector<std::string_view> out;
  size_t start = 0, i = 0;
  while (i < s.size()) {
    size_t at = i;
    char32_t c = next(s, i);
    bool brk = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e) ||
               c == 0x85 || c == 0x2028 || c == 0x2029;
    if (!brk) continue;
    if (c == '\r' && i < s.size() && s[i] == '\n') ++i;
    out.push_back(s.substr(start, (keepends ? i : at) - start));
    start = i;
  }
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

std::string replace(std::string_view s, std::string_view old, std::string_view repl,
                    int64_t count) {
  std::string out;
  if (old.empty()) {
    // Python inserts the replacement between every code point and at both ends.
    int64_t done = 0;
    size_t i = 0;
    while (true) {
      if (count >= 0 && done >= count) {
        out.append(s.substr(i));
        break;
      }
      out.append(repl);
      ++done;
      if (i >= s.size()) break;
      size_t j = i;
      next(s, j);
      out.append(s.substr(i, j - i));
      i = j;
    }
    return out;
  }
  size_t pos = 0;
  int64_t done = 0;
  while (count < 0 || done < count) {
    size_t hit = s.find(old, pos);
    if (hit == std::string_view::npos) break;
    out.append(s.substr(pos, hit - pos));
    out.append(repl);
    pos = hit + old.size();
    ++done;
  }
  out.append(s.substr(pos));
  return out;
}

size_t count(std::string_view s, std::string_view sub) {
  if (sub.empty()) return length(s) + 1;
  size_t n = 0;
  for (size_t pos = s.find(sub); pos != std::string_view::npos;
       pos = s.find(sub, pos + sub.size())) {
    ++n;
  }
  return n;
}

int64_t find(std::string_view s, std::string_view sub) {
  size_t hit = s.find(sub);
  if (hit == std::string_view::npos) return -1;
  return static_cast<int64_t>(length(s.substr(0, hit)));
}

int64_t rfind(std::string_view s, std::string_view sub) {
  size_t hit = s.rfind(sub);
  if (hit == std::string_view::npos) return -1;
  return static_cast<int64_t>(length(s.substr(0, hit)));
}

namespace {

std::string repeat(std::string_view fill, int64_t n) {
  std::string out;
  for (int64_t i = 0; i < n; ++i) out += fill;
  return out;
}

}  // namespace

std::string center(std::string_view s, int64_t width, std::string_view fill) {
  int64_t len = static_cast<int64_t>(length(s));
  if (width <= len) return std::string(s);
  int64_t marg = width - len;
  // CPython: left = marg / 2 + (marg & width & 1)
  int64_t left = marg / 2 + (marg & width & 1);
  return repeat(fill, left) + std::string(s) + repeat(fill, marg - left);
}

std::string ljust(std::string_view s, int64_t width, std::string_view fill) {
  int64_t len = static_cast<int64_t>(length(s));
  return std::string(s) + repeat(fill, width - len);
}

std::string rjust(std::string_view s, int64_t width, std::string_view fill) {
  int64_t len = static_cast<int64_t>(length(s));
  return repeat(fill, width - len) + std::string(s);
}

std::string zfill(std::string_view s, int64_t width) {
  int64_t len = static_cast<int64_t>(length(s));
  if (width <= len) return std::string(s);
  std::string out;
  size_t i = 0;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    out += s[0];
    i = 1;
  }
  out += repeat("0", width - len);
  out.append(s.substr(i));
  return out;
}

void append_repr(std::string& out, std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  out += quote;
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < s.size();) {
    char32_t c = next(s, i);
    if (c == static_cast<char32_t>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c < 0x7f || is_printable(c)) {
      append_utf8(out, c);
    } else if (c < 0x100) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c < 0x10000) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += hex[(c >> shift) & 15];
    } else {
      out += "\\U";
      for (int shift = 28; shift >= 0; shift -= 4) out += hex[(c >> shift) & 15];
    }
  }
  out += quote;
}

}  // namespace gongkai::tmpl::pystr
