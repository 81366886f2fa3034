// Text filters: case, padding, trimming, truncating, wrapping, counting, formatting.
#include "template/filter_util.hpp"
#include "template/markup.hpp"
#include "template/pyformat.hpp"
#include "template/pystr.hpp"

namespace gongkai::tmpl::filters {

namespace {

/// A str-method result: Markup in, Markup out (markupsafe wraps the str methods).
Value keep_kind(const Value& s, std::string out) {
  return Value::string(out, s.is_safe());
}

Value do_capitalize(CallContext&, const Value& v, const Args& a) {
  Params("do_capitalize", a, {});
  Value s = soft_str(v);
  return keep_kind(s, pystr::capitalize(s.as_string()));
}

Value do_upper(CallContext&, const Value& v, const Args& a) {
  Params("do_upper", a, {});
  Value s = soft_str(v);
  return keep_kind(s, pystr::upper(s.as_string()));
}

Value do_lower(CallContext&, const Value& v, const Args& a) {
  Params("do_lower", a, {});
  Value s = soft_str(v);
  return keep_kind(s, pystr::lower(s.as_string()));
}

Value do_center(CallContext&, const Value& v, const Args& a) {
  Params p("do_center", a, {"width"});
  Value s = soft_str(v);
  return keep_kind(s, pystr::center(s.as_string(), p.has(0) ? to_int_arg(*p[0]) : 80));
}

Value do_trim(CallContext&, const Value& v, const Args& a) {
  Params p("do_trim", a, {"chars"});
  Value s = soft_str(v);
  if (p.has(0) && !p[0]->is_none()) {
    if (!p[0]->is_string()) fail("strip arg must be None or str");
    std::string_view chars = p[0]->as_string();
    return keep_kind(s, std::string(pystr::strip(s.as_string(), &chars)));
  }
  return keep_kind(s, std::string(pystr::strip(s.as_string())));
}

Value do_string(CallContext&, const Value& v, const Args& a) {
  Params("soft_str", a, {});
  return soft_str(v);
}

/// Jinja2's do_title: words start after - whitespace ( { [ <.
Value do_title(CallContext&, const Value& v, const Args& a) {
  Params("do_title", a, {});
  Value s = soft_str(v);
  std::string_view text = s.as_string();
  auto is_sep = [](char32_t c) {
    return c == '-' || c == '(' || c == '{' || c == '[' || c == '<' || pystr::is_space(c);
  };
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    // a run of separators is kept as is; a run of other characters is one "item"
    size_t start = i;
    size_t j = i;
    bool sep = is_sep(pystr::next(text, j));
    while (i < text.size()) {
      size_t k = i;
      if (is_sep(pystr::next(text, k)) != sep) break;
      i = k;
    }
    std::string_view item = text.substr(start, i - start);
    if (sep) {
      out.append(item);
    } else {
      size_t first = 0;
      pystr::next(item, first);
      out += pystr::upper(item.substr(0, first));
      out += pystr::lower(item.substr(first));
    }
  }
  return Value(out);  // re.split returns plain str pieces: the result is never Markup
}

Value do_replace(CallContext& cx, const Value& v, const Args& a) {
  Params p("do_replace", a, {"old", "new", "count"});
  if (!p.has(0) || !p.has(1)) fail("do_replace() missing required argument");
  int64_t count = p.has(2) && !p[2]->is_none() ? to_int_arg(*p[2]) : -1;
  const Value& old_v = *p[0];
  const Value& new_v = *p[1];
  if (!cx.autoescape()) {
    return Value(pystr::replace(v.str(), old_v.str(), new_v.str(), count));
  }
  bool old_safe = old_v.is_safe(), new_safe = new_v.is_safe();
  Value s;
  if (old_safe || (new_safe && !v.is_safe())) {
    s = v.is_safe() ? v : Value::markup(escape_html(v.str()));
  } else {
    s = soft_str(v);
  }
  // Markup.replace escapes the replacement; a plain str.replace does not
  std::string repl = new_v.str();
  if (s.is_safe() && !new_safe) repl = escape_html(repl);
  return keep_kind(s, pystr::replace(s.as_string(), soft_str(old_v).as_string(), repl, count));
}

Value do_format(CallContext&, const Value& v, const Args& a) {
  if (!a.positional.empty() && !a.keywords.empty()) {
    fail("can't handle positional and keyword arguments at the same time");
  }
  Value s = soft_str(v);
  Value args;
  if (!a.keywords.empty()) {
    Dict d;
    for (const Keyword& k : a.keywords) d.set(k.name, k.value);
    args = Value(std::move(d));
  } else {
    args = Value::tuple(std::vector<Value>(a.positional.begin(), a.positional.end()));
  }
  return keep_kind(s, pyformat::percent(s.as_string(), args, s.is_safe()));
}

Value do_indent(CallContext&, const Value& v, const Args& a) {
  Params p("do_indent", a, {"width", "first", "blank"});
  std::string indention;
  if (p.has(0) && p[0]->is_string()) {
    indention = std::string(p[0]->as_string());
  } else {
    int64_t width = p.has(0) ? to_int_arg(*p[0]) : 4;
    indention.assign(static_cast<size_t>(std::max<int64_t>(width, 0)), ' ');
  }
  bool first = p.get(1, false).truthy();
  bool blank = p.get(2, false).truthy();
  if (!v.is_string()) {
    ops::check_defined(v);
    fail("unsupported operand type(s) for +=: '" + std::string(v.type_name()) + "' and 'str'");
  }
  bool safe = v.is_safe();
  if (safe && p.has(0) && p[0]->is_string() && !p[0]->is_safe()) indention = escape_html(indention);
  std::string s(v.as_string());
  s += '\n';
  auto lines = pystr::splitlines(s);
  std::string rv;
  if (blank) {
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i) rv += "\n" + indention;
      rv.append(lines[i]);
    }
  } else {
    if (!lines.empty()) rv.append(lines[0]);
    for (size_t i = 1; i < lines.size(); ++i) {
      rv += '\n';
      if (!lines[i].empty()) rv += indention;
      rv.append(lines[i]);
    }
  }
  if (first) rv = indention + rv;
  return Value::string(rv, safe);
}

Value do_truncate(CallContext&, const Value& v, const Args& a) {
  Params p("do_truncate", a, {"length", "killwords", "end", "leeway"});
  int64_t length = p.has(0) ? to_int_arg(*p[0]) : 255;
  bool killwords = p.get(1, false).truthy();
  Value end = p.get(2, Value("..."));
  int64_t leeway = p.has(3) && !p[3]->is_none() ? to_int_arg(*p[3]) : 5;
  if (!end.is_string()) fail("object of type '" + std::string(end.type_name()) + "' has no len()");
  auto end_len = static_cast<int64_t>(pystr::length(end.as_string()));
  if (length < end_len)
    fail("expected length >= " + std::to_string(end_len) + ", got " + std::to_string(length));
  if (leeway < 0) fail("expected leeway >= 0, got " + std::to_string(leeway));
  if (!v.is_string()) {
    ops::check_defined(v);
    fail("object of type '" + std::string(v.type_name()) + "' has no len()");
  }
  std::string_view s = v.as_string();
  if (static_cast<int64_t>(pystr::length(s)) <= length + leeway) return v;
  std::string head(s.substr(0, pystr::byte_offset(s, static_cast<size_t>(length - end_len))));
  if (!killwords) {
    size_t space = head.rfind(' ');
    if (space != std::string::npos) head.resize(space);
  }
  std::string tail(end.as_string());
  if (v.is_safe() && !end.is_safe()) tail = escape_html(tail);
  return Value::string(head + tail, v.is_safe());
}

Value do_wordcount(CallContext&, const Value& v, const Args& a) {
  Params("do_wordcount", a, {});
  Value s = soft_str(v);
  std::string_view text = s.as_string();
  int64_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    bool w = pystr::is_word(pystr::next(text, i));
    if (w && !in_word) ++words;
    in_word = w;
  }
  return Value(words);
}

// ---- wordwrap: Python's textwrap.wrap with Jinja2's options ----

bool tw_space(char32_t c) {
  return c == '\t' || c == '\n' || c == 0x0b || c == 0x0c || c == '\r' || c == ' ';
}
bool tw_letter(char32_t c) {
  return pystr::is_word(c) && !(c >= '0' && c <= '9') && !(c > 0x7f && pystr::is_digit(c));
}
bool tw_word_punct(char32_t c) {
  return pystr::is_word(c) || c == '!' || c == '"' || c == '\'' || c == '&' || c == '.' ||
         c == ',' || c == '?';
}

/// textwrap's wordsep_re (break_on_hyphens) or wordsep_simple_re, over code points.
std::vector<std::u32string> split_chunks(const std::u32string& t, bool hyphens) {
  std::vector<std::u32string> chunks;
  size_t n = t.size(), i = 0;
  auto dashes_then_word = [&](size_t k) {  // -{2,}\w at k
    size_t d = k;
    while (d < n && t[d] == '-') ++d;
    return d - k >= 2 && d < n && pystr::is_word(t[d]);
  };
  while (i < n) {
    size_t start = i;
    if (tw_space(t[i])) {
      while (i < n && tw_space(t[i])) ++i;
    } else if (!hyphens) {
      while (i < n && !tw_space(t[i])) ++i;
    } else if (t[i] == '-' && i > 0 && tw_word_punct(t[i - 1]) && dashes_then_word(i)) {
      while (i < n && t[i] == '-') ++i;  // an em-dash between words
    } else {
      // a word, possibly hyphenated: the shortest run of non-space ending where one of the
      // regex's alternatives holds
      size_t k = i;
      while (true) {
        ++k;                                  // consume one non-space character (t[k-1])
        if (k >= n || tw_space(t[k])) break;  // end of word
        if (t[k - 1] == '-') {
          bool behind = (k >= 3 && tw_letter(t[k - 3]) && tw_letter(t[k - 2])) ||
                        (k >= 4 && tw_letter(t[k - 4]) && t[k - 3] == '-' && tw_letter(t[k - 2]));
          bool ahead = k < n && tw_letter(t[k]) &&
                       ((k + 1 < n && tw_letter(t[k + 1])) ||
                        (k + 2 < n && t[k + 1] == '-' && tw_letter(t[k + 2])));
          if (behind && ahead) break;
        }
        if (tw_word_punct(t[k - 1]) && dashes_then_word(k)) break;  // before an em-dash
        if (tw_space(t[k])) break;
      }
      i = k;
    }
    chunks.push_back(t.substr(start, i - start));
  }
  return chunks;
}

bool blank(const std::u32string& s) {
  for (char32_t c : s) {
    if (!pystr::is_space(c)) return false;
  }
  return true;
}

std::vector<std::u32string> wrap_line(const std::u32string& text, int64_t width, bool break_long,
                                      bool hyphens) {
  std::vector<std::u32string> lines;
  if (width <= 0) fail("invalid width " + std::to_string(width) + " (must be > 0)");
  auto chunks = split_chunks(text, hyphens);
  std::reverse(chunks.begin(), chunks.end());
  while (!chunks.empty()) {
    std::vector<std::u32string> cur;
    int64_t cur_len = 0;
    if (!lines.empty() && blank(chunks.back())) chunks.pop_back();
    while (!chunks.empty()) {
      auto l = static_cast<int64_t>(chunks.back().size());
      if (cur_len + l <= width) {
        cur.push_back(chunks.back());
        chunks.pop_back();
        cur_len += l;
      } else {
        break;
      }
    }
    if (!chunks.empty() && static_cast<int64_t>(chunks.back().size()) > width) {
      int64_t space_left = width < 1 ? 1 : width - cur_len;
      if (break_long) {
        int64_t end = space_left;
        std::u32string& chunk = chunks.back();
        if (hyphens && static_cast<int64_t>(chunk.size()) > space_left) {
          size_t hyphen = chunk.rfind(U'-', static_cast<size_t>(space_left) - 1);
          if (space_left > 0 && hyphen != std::u32string::npos && hyphen > 0 &&
              static_cast<int64_t>(hyphen) < space_left) {
            bool other = false;
            for (size_t q = 0; q < hyphen; ++q) other |= chunk[q] != U'-';
            if (other) end = static_cast<int64_t>(hyphen) + 1;
          }
        }
        cur.push_back(chunk.substr(0, static_cast<size_t>(end)));
        chunk = chunk.substr(static_cast<size_t>(end));
      } else if (cur.empty()) {
        cur.push_back(chunks.back());
        chunks.pop_back();
      }
      cur_len = 0;
      for (const auto& c : cur) cur_len += static_cast<int64_t>(c.size());
    }
    if (!cur.empty() && blank(cur.back())) {
      cur_len -= static_cast<int64_t>(cur.back().size());
      cur.pop_back();
    }
    if (!cur.empty()) {
      std::u32string line;
      for (const auto& c : cur) line += c;
      lines.push_back(line);
    }
  }
  return lines;
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out += pystr::next(s, i);
  return out;
}

std::string from_u32(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) pystr::append_utf8(out, c);
  return out;
}

Value do_wordwrap(CallContext&, const Value& v, const Args& a) {
  Params p("do_wordwrap", a, {"width", "break_long_words", "wrapstring", "break_on_hyphens"});
  int64_t width = p.has(0) ? to_int_arg(*p[0]) : 79;
  bool break_long = p.get(1, true).truthy();
  std::string wrapstring = p.has(2) && !p[2]->is_none() ? p[2]->str() : "\n";
  bool hyphens = p.get(3, true).truthy();
  if (!v.is_string()) {
    ops::check_defined(v);
    fail("'" + std::string(v.type_name()) + "' object has no attribute 'splitlines'");
  }
  std::string out;
  bool first_line = true;
  for (auto line : pystr::splitlines(v.as_string())) {
    if (!first_line) out += wrapstring;
    first_line = false;
    bool first_piece = true;
    for (const auto& piece : wrap_line(to_u32(line), width, break_long, hyphens)) {
      if (!first_piece) out += wrapstring;
      first_piece = false;
      out += from_u32(piece);
    }
  }
  return Value(out);
}

// ---- urlencode ----

bool unreserved(unsigned char c, bool for_qs) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  if (c == '_' || c == '.' || c == '-' || c == '~') return true;
  return !for_qs && c == '/';
}

std::string url_quote(const Value& v, bool for_qs) {
  std::string s = v.str();
  std::string out;
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (unreserved(c, for_qs)) {
      out += static_cast<char>(c);
    } else if (for_qs && c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Value do_urlencode(CallContext&, const Value& v, const Args& a) {
  Params("do_urlencode", a, {});
  if (v.is_string() || !ops::is_iterable(v)) return Value(url_quote(v, false));
  std::vector<Value> pairs;
  if (v.is_dict()) {
    for (const auto& [k, x] : v.as_dict()) pairs.push_back(Value::tuple({k, x}));
  } else {
    pairs = ops::to_list(v);
  }
  std::string out;
  for (const Value& pair : pairs) {
    auto kv = ops::to_list(pair);
    if (kv.size() != 2) fail("too many values to unpack (expected 2)");
    if (!out.empty()) out += '&';
    out += url_quote(kv[0], true) + "=" + url_quote(kv[1], true);
  }
  return Value(out);
}

}  // namespace

void add_string_filters(const Registrar& r) {
  r.add("capitalize", do_capitalize, true);
  r.add("center", do_center, true);
  r.add("format", do_format, true);
  r.add("indent", do_indent, true);
  r.add("lower", do_lower, true);
  r.add("upper", do_upper, true);
  r.add("replace", do_replace, true);
  r.add("string", do_string, true);
  r.add("title", do_title, true);
  r.add("trim", do_trim, true);
  r.add("truncate", do_truncate, true);
  r.add("wordcount", do_wordcount, true);
  r.add("wordwrap", do_wordwrap, true);
  r.add("urlencode", do_urlencode, true);
}

}  // namespace gongkai::tmpl::filters
