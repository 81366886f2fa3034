// HTML filters: escaping, marking safe, stripping tags, linking URLs, attribute lists.
#include "template/filter_util.hpp"
#include "template/markup.hpp"
#include "template/pystr.hpp"

namespace gongkai::tmpl::filters {

namespace {

bool is_safe(const Value& v) {
  return v.is_safe() || (v.is_object() && v.as_object()->is_safe());
}

/// markupsafe.escape: safe values pass, everything else is str()-ed and escaped.
Value escape_value(const Value& v) {
  if (is_safe(v)) return Value::markup(v.str());
  return Value::markup(escape_html(v.str()));
}

Value do_escape(CallContext&, const Value& v, const Args& a) {
  Params("escape", a, {});
  return escape_value(v);
}

Value do_forceescape(CallContext&, const Value& v, const Args& a) {
  Params("do_forceescape", a, {});
  return Value::markup(escape_html(v.str()));
}

Value do_safe(CallContext&, const Value& v, const Args& a) {
  Params("do_mark_safe", a, {});
  return Value::markup(v.str());
}

Value do_striptags(CallContext&, const Value& v, const Args& a) {
  Params("do_striptags", a, {});
  return Value(strip_tags(v.str()));
}

// ---- urlize (Jinja2's utils.urlize) ----

bool ascii_letter(char32_t c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
bool host_char(char32_t c) {
  return pystr::is_word(c) || c == '%' || c == '-';
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::u32string u32(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out += pystr::next(s, i);
  return out;
}

/// `(?::\d{1,5})?(?:[/?#]\S*)?$` on what follows the host.
bool port_and_path(std::string_view rest) {
  size_t i = 0;
  if (i < rest.size() && rest[i] == ':') {
    size_t d = i + 1;
    while (d < rest.size() && rest[d] >= '0' && rest[d] <= '9') ++d;
    size_t digits = d - i - 1;
    if (digits >= 1 && digits <= 5) i = d;
  }
  if (i == rest.size()) return true;
  return rest[i] == '/' || rest[i] == '?' || rest[i] == '#';
}

/// `(([\w%-]+\.)+)?([a-z]{2,63}|xn--[\w%]{2,59})` for a whole host.
bool host_with_tld(const std::u32string& host) {
  if (host.empty()) return false;
  std::vector<std::u32string> labels;
  size_t start = 0;
  for (size_t i = 0; i <= host.size(); ++i) {
    if (i == host.size() || host[i] == '.') {
      labels.push_back(host.substr(start, i - start));
      start = i + 1;
    }
  }
  const std::u32string& tld = labels.back();
  for (size_t i = 0; i + 1 < labels.size(); ++i) {
    if (labels[i].empty()) return false;
  }
  bool letters = tld.size() >= 2 && tld.size() <= 63;
  for (char32_t c : tld) letters = letters && ascii_letter(c);
  if (letters) return true;
  if (tld.size() >= 6 && tld.size() <= 63 && (tld[0] | 0x20) == 'x' && (tld[1] | 0x20) == 'n' &&
      tld[2] == '-' && tld[3] == '-') {
    for (size_t i = 4; i < tld.size(); ++i) {
      if (!(pystr::is_word(tld[i]) || tld[i] == '%')) return false;
    }
    return true;
  }
  return false;
}

/// Jinja2's _http_re.
bool http_match(std::string_view s) {
  auto split_host = [](std::string_view rest, std::u32string& host, std::string_view& after) {
    size_t i = 0;
    while (i < rest.size()) {
      size_t j = i;
      char32_t c = pystr::next(rest, j);
      if (!(host_char(c) || c == '.')) break;
      host += c;
      i = j;
    }
    after = rest.substr(i);
  };
  // scheme or www. + optional subdomains + tld
  size_t scheme = 0;
  if (starts_with_ci(s, "https://"))
    scheme = 8;
  else if (starts_with_ci(s, "http://"))
    scheme = 7;
  else if (starts_with_ci(s, "www."))
    scheme = 4;
  if (scheme) {
    std::u32string host;
    std::string_view after;
    split_host(s.substr(scheme), host, after);
    if (host_with_tld(host) && port_and_path(after)) return true;
  }
  // bare domain with a well-known tld
  {
    std::u32string host;
    std::string_view after;
    split_host(s, host, after);
    size_t dot = host.rfind(U'.');
    if (dot != std::u32string::npos && port_and_path(after)) {
      std::string tld;
      for (char32_t c : host.substr(dot + 1)) tld += c < 0x80 ? static_cast<char>(c) : '?';
      tld = lower_ascii(tld);
      bool known = tld == "com" || tld == "net" || tld == "int" || tld == "edu" || tld == "gov" ||
                   tld == "org" || tld == "info" || tld == "mil";
      if (known) {
        bool ok = true;
        size_t start = 0;
        std::u32string labels = host.substr(0, dot + 1);
        for (size_t i = 0; i < labels.size(); ++i) {
          if (labels[i] == '.') {
            size_t len = i - start;
            ok = ok && len >= 2 && len <= 63;
            start = i + 1;
          } else {
            ok = ok && host_char(labels[i]);
          }
        }
        if (ok && !labels.empty()) return true;
      }
    }
  }
  // http(s):// + IPv4 or [IPv6]
  if (scheme == 7 || scheme == 8) {
    std::string_view rest = s.substr(scheme);
    size_t i = 0;
    bool ipv4 = true;
    for (int part = 0; part < 4 && ipv4; ++part) {
      if (part) {
        if (i < rest.size() && rest[i] == '.')
          ++i;
        else
          ipv4 = false;
      }
      size_t d = i;
      while (d < rest.size() && d - i < 3 && rest[d] >= '0' && rest[d] <= '9') ++d;
      if (d == i) ipv4 = false;
      i = d;
    }
    if (ipv4 && port_and_path(rest.substr(i))) return true;
    if (!rest.empty() && rest[0] == '[') {
      size_t close = rest.find(']');
      if (close != std::string_view::npos) {
        std::string_view inner = rest.substr(1, close - 1);
        bool ok = true;
        int colons = 0;
        for (char c : inner) {
          if (c == ':')
            ++colons;
          else if (!((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')))
            ok = false;
        }
        if (ok && colons >= 2 && port_and_path(rest.substr(close + 1))) return true;
      }
    }
  }
  return false;
}

/// Jinja2's _email_re: `^\S+@\w[\w.-]*\.\w+$`.
bool email_match(std::string_view s) {
  size_t at = s.rfind('@');
  if (at == std::string_view::npos || at == 0) return false;
  for (size_t i = 0; i < at;) {
    if (pystr::is_space(pystr::next(s, i))) return false;
  }
  std::u32string domain = u32(s.substr(at + 1));
  if (domain.empty() || !pystr::is_word(domain[0])) return false;
  size_t dot = domain.rfind(U'.');
  if (dot == std::u32string::npos || dot == 0 || dot + 1 >= domain.size()) return false;
  for (size_t i = 1; i < dot; ++i) {
    if (!(pystr::is_word(domain[i]) || domain[i] == '.' || domain[i] == '-')) return false;
  }
  for (size_t i = dot + 1; i < domain.size(); ++i) {
    if (!pystr::is_word(domain[i])) return false;
  }
  return true;
}

std::string urlize(std::string_view raw, bool safe, int64_t trim_limit, const std::string& rel,
                   const std::string& target, const std::vector<std::string>& extra_schemes) {
  std::string text = safe ? std::string(raw) : escape_html(raw);
  auto trim_url = [&](const std::string& x) {
    if (trim_limit >= 0 && static_cast<int64_t>(pystr::length(x)) > trim_limit) {
      return x.substr(0, pystr::byte_offset(x, static_cast<size_t>(trim_limit))) + "...";
    }
    return x;
  };
  std::string rel_attr = rel.empty() ? "" : " rel=\"" + escape_html(rel) + "\"";
  std::string target_attr = target.empty() ? "" : " target=\"" + escape_html(target) + "\"";
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    // whitespace runs pass through; each other run is a word
    size_t start = i;
    size_t j = i;
    bool space = pystr::is_space(pystr::next(text, j));
    while (i < text.size()) {
      size_t k = i;
      if (pystr::is_space(pystr::next(text, k)) != space) break;
      i = k;
    }
    std::string word = text.substr(start, i - start);
    if (space) {
      out += word;
      continue;
    }
    std::string head, middle = word, tail;
    // leading ( < &lt;
    size_t h = 0;
    while (h < middle.size()) {
      if (middle[h] == '(' || middle[h] == '<')
        ++h;
      else if (middle.compare(h, 4, "&lt;") == 0)
        h += 4;
      else
        break;
    }
    head = middle.substr(0, h);
    middle = middle.substr(h);
    // trailing ) > . , \n &gt;
    size_t t = middle.size();
    while (t > 0) {
      char c = middle[t - 1];
      if (c == ')' || c == '>' || c == '.' || c == ',' || c == '\n')
        --t;
      else if (t >= 4 && middle.compare(t - 4, 4, "&gt;") == 0)
        t -= 4;
      else
        break;
    }
    tail = middle.substr(t);
    middle = middle.substr(0, t);
    // give closing brackets back to the URL when it opened them
    const std::pair<std::string, std::string> pairs[] = {{"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}};
    for (const auto& [open, close] : pairs) {
      size_t opens = pystr::count(middle, open), closes = pystr::count(middle, close);
      if (opens <= closes) continue;
      size_t times = std::min(opens, pystr::count(tail, close));
      for (size_t n = 0; n < times; ++n) {
        size_t end = tail.find(close) + close.size();
        middle += tail.substr(0, end);
        tail = tail.substr(end);
      }
    }
    if (http_match(middle)) {
      // the regex ignores case, the scheme test after it does not (as in Jinja2)
      std::string href = (middle.rfind("https://", 0) == 0 || middle.rfind("http://", 0) == 0)
                             ? middle
                             : "https://" + middle;
      middle =
          "<a href=\"" + href + "\"" + rel_attr + target_attr + ">" + trim_url(middle) + "</a>";
    } else if (middle.rfind("mailto:", 0) == 0 && email_match(middle.substr(7))) {
      middle = "<a href=\"" + middle + "\">" + middle.substr(7) + "</a>";
    } else if (middle.find('@') != std::string::npos && middle.rfind("www.", 0) != 0 &&
               middle[0] != '@' && middle.find(':') == std::string::npos && email_match(middle)) {
      middle = "<a href=\"mailto:" + middle + "\">" + middle + "</a>";
    } else {
      for (const auto& scheme : extra_schemes) {
        if (middle != scheme && middle.rfind(scheme, 0) == 0) {
          middle = "<a href=\"" + middle + "\"" + rel_attr + target_attr + ">" + middle + "</a>";
        }
      }
    }
    out += head + middle + tail;
  }
  return out;
}

bool valid_scheme(const std::string& s) {
  // ^([\w.+-]{2,}:(/){0,2})$
  size_t colon = s.find(':');
  if (colon == std::string::npos || colon < 2) return false;
  for (size_t i = 0; i < colon; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!(std::isalnum(c) || c == '_' || c == '.' || c == '+' || c == '-' || c >= 0x80))
      return false;
  }
  std::string rest = s.substr(colon + 1);
  return rest.empty() || rest == "/" || rest == "//";
}

Value do_urlize(CallContext& cx, const Value& v, const Args& a) {
  Params p("do_urlize", a, {"trim_url_limit", "nofollow", "target", "rel", "extra_schemes"});
  int64_t trim_limit = p.has(0) && !p[0]->is_none() ? to_int_arg(*p[0]) : -1;
  bool nofollow = p.get(1, false).truthy();
  std::string target = p.has(2) && !p[2]->is_none() ? p[2]->str() : "";
  std::vector<std::string> rel_parts;
  auto add_rel = [&](std::string_view words) {
    for (auto w : pystr::split(words, nullptr, -1)) {
      if (std::find(rel_parts.begin(), rel_parts.end(), w) == rel_parts.end())
        rel_parts.emplace_back(w);
    }
  };
  if (p.has(3) && !p[3]->is_none()) add_rel(p[3]->str());
  if (nofollow) add_rel("nofollow");
  add_rel("noopener");  // the urlize.rel policy
  std::sort(rel_parts.begin(), rel_parts.end());
  std::string rel;
  for (const auto& r : rel_parts) rel += (rel.empty() ? "" : " ") + r;
  std::vector<std::string> schemes;
  if (p.has(4) && !p[4]->is_none()) {
    for (const Value& s : ops::to_list(*p[4])) {
      std::string scheme = s.str();
      if (!valid_scheme(scheme)) fail(Value(scheme).repr() + " is not a valid URI scheme prefix.");
      schemes.push_back(scheme);
    }
  }
  std::string rv = urlize(v.str(), is_safe(v), trim_limit, rel, target, schemes);
  return cx.autoescape() ? Value::markup(rv) : Value(rv);
}

// ---- xmlattr ----

Value do_xmlattr(CallContext& cx, const Value& v, const Args& a) {
  Params p("do_xmlattr", a, {"autospace"});
  bool autospace = p.get(0, true).truthy();
  if (!v.is_dict()) {
    ops::check_defined(v);
    fail("'" + std::string(v.type_name()) + "' object has no attribute 'items'");
  }
  std::string rv;
  for (const auto& [key, value] : v.as_dict()) {
    if (value.is_none() || value.is_undefined()) continue;
    std::string k = key.str();
    for (char c : k) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '/' ||
          c == '>' || c == '=') {
        fail("Invalid character in attribute name: " + Value(k).repr());
      }
    }
    if (!rv.empty()) rv += ' ';
    rv += escape_value(key).str() + "=\"" + escape_value(value).str() + "\"";
  }
  if (autospace && !rv.empty()) rv = " " + rv;
  return cx.autoescape() ? Value::markup(rv) : Value(rv);
}

}  // namespace

void add_html_filters(const Registrar& r) {
  r.add("escape", do_escape, true);
  r.add("e", do_escape, true);
  r.add("forceescape", do_forceescape, true);
  r.add("safe", do_safe, true);
  r.add("striptags", do_striptags, true);
  r.add("urlize", do_urlize, true);
  r.add("xmlattr", do_xmlattr, true);
}

}  // namespace gongkai::tmpl::filters
