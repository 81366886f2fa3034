#include "site/agency_name.hpp"

#include "core/utf8.hpp"

namespace gongkai::site {

std::string normalize_agency_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size();) {
    char32_t c = core::utf8::next(name, i);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0 ||
        c == 0xFEFF) {
      continue;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII block
    if (c == 0x3014 || c == 0x3010) c = '(';      // 〔 【
    if (c == 0x3015 || c == 0x3011) c = ')';      // 〕 】
    core::utf8::append(out, c);
  }
  return out;
}

}  // namespace gongkai::site
