#include "output/xml_escape.hpp"

#include "core/utf8.hpp"

namespace gongkai::output {

void append_xml_escaped(std::string& out, std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {  // ASCII: the common case, byte by byte
      ++i;
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&apos;";
          break;
        case '\t':
        case '\n':
        case '\r':
          out += static_cast<char>(c);
          break;
        default:
          if (c >= 0x20 && c != 0x7F) out += static_cast<char>(c);
          // C0 controls are not XML 1.0 characters at all (not even as &#1;): dropped. DEL is
          // allowed but invisible and useless in a feed: dropped too.
      }
      continue;
    }
    const size_t start = i;
    const char32_t cp = core::utf8::next(text, i);
    if (cp == 0xFFFE || cp == 0xFFFF) continue;  // not XML characters
    if (cp == core::utf8::kReplacement && i - start == 1) {
      core::utf8::append(out, cp);  // an invalid byte
      continue;
    }
    out.append(text.substr(start, i - start));
  }
}

std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  append_xml_escaped(out, text);
  return out;
}

}  // namespace gongkai::output
