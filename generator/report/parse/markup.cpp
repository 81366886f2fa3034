#include "report/parse/markup.hpp"

#include "text/normalize.hpp"

namespace gongkai::report::parse {

namespace {

/// True when s holds a character a marker starts with ('[', '*', '_'). A plain loop: libstdc++'s
/// find_first_of calls memchr once per character.
bool may_have_markers(std::string_view s) {
  for (char c : s) {
    if (c == '[' || c == '*' || c == '_') return true;
  }
  return false;
}

}  // namespace

int heading_level(std::string_view s, std::string_view& rest) {
  s = text::trim(s);
  size_t k = 0;
  while (k < s.size() && s[k] == '#') ++k;
  if (k == 0 || k > 6 || (k < s.size() && s[k] != ' ')) {
    rest = s;
    return 0;
  }
  rest = text::trim(s.substr(k));
  return static_cast<int>(k);
}

std::string strip_markers(std::string_view s) {
  if (!may_have_markers(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '[') {
      std::string_view rest = s.substr(i);
      if (rest.substr(0, 10) == "[bookmark:" || rest.substr(0, 7) == "[image:") {
        size_t close = s.find(']', i);
        if (close != std::string_view::npos) {
          i = close + 1;
          continue;
        }
      }
    }
    if ((s[i] == '*' || s[i] == '_') && i + 1 < s.size() && s[i + 1] == s[i]) {
      i += 2;
      continue;
    }
    out += s[i++];
  }
  return out;
}

std::string plain_line(std::string_view line) {
  std::string_view rest;
  heading_level(line, rest);
  if (!may_have_markers(rest)) return text::squeeze_spaces(rest);
  return text::squeeze_spaces(strip_markers(rest));
}

}  // namespace gongkai::report::parse
