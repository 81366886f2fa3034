#include "core/html_escape.hpp"

namespace gongkai::core {

void append_html_escaped(std::string& out, std::string_view s) {
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char* rep;
    switch (s[i]) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      case '"':
        rep = "&#34;";
        break;
      case '\'':
        rep = "&#39;";
        break;
      default:
        continue;
    }
    out.append(s.data() + run, i - run);
    out.append(rep);
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

std::string html_escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_html_escaped(out, s);
  return out;
}

}  // namespace gongkai::core
