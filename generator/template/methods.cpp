#include "template/methods.hpp"

#include <algorithm>

#include "template/markup.hpp"
#include "template/ops.hpp"
#include "template/pyformat.hpp"
#include "template/pystr.hpp"

namespace gongkai::tmpl {

namespace {

using MethodFn = Value (*)(CallContext&, const Value& self, const Args& args);

class BoundMethod final : public Object {
 public:
  BoundMethod(Value self, std::string_view name, MethodFn fn)
      : self_(std::move(self)), name_(name), fn_(fn) {}
  std::string_view type_name() const override { return "builtin_function_or_method"; }
  bool is_callable() const override { return true; }
  Value call(CallContext& cx, const Args& args) override { return fn_(cx, self_, args); }
  void repr(std::string& out) const override {
    out += "<built-in method ";
    out += name_;
    out += " of ";
    out += self_.type_name();
    out += " object>";
  }

 private:
  Value self_;
  std::string_view name_;
  MethodFn fn_;
};

[[noreturn]] void fail(const std::string& m) {
  throw RuntimeError(m);
}

std::string_view need_str(const Value& v, std::string_view what) {
  if (!v.is_string()) {
    ops::check_defined(v);
    fail(std::string(what) + " must be str, not " + std::string(v.type_name()));
  }
  return v.as_string();
}

int64_t need_int(const Value& v, std::string_view what) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  ops::check_defined(v);
  fail("'" + std::string(v.type_name()) + "' object cannot be interpreted as an integer");
}

/// A str result: Markup when self is Markup (markupsafe wraps every str method).
Value same_kind(const Value& self, std::string s) {
  return Value::string(s, self.is_safe());
}

/// An argument markupsafe escapes before use (the replacement, a fill character).
std::string escaped_arg(const Value& self, const Value& arg, std::string_view what) {
  if (!self.is_safe()) return std::string(need_str(arg, what));
  if (arg.is_safe()) return std::string(arg.as_string());
  return escape_html(need_str(arg, what));
}

Value list_of_strings(const Value& self, const std::vector<std::string_view>& parts) {
  std::vector<Value> out;
  out.reserve(parts.size());
  for (auto p : parts) out.push_back(Value::string(p, self.is_safe()));
  return Value(std::move(out));
}

// ---- str ----

Value s_upper(CallContext&, const Value& s, const Args& a) {
  Params("upper", a, {});
  return same_kind(s, pystr::upper(s.as_string()));
}
Value s_lower(CallContext&, const Value& s, const Args& a) {
  Params("lower", a, {});
  return same_kind(s, pystr::lower(s.as_string()));
}
Value s_casefold(CallContext&, const Value& s, const Args& a) {
  Params("casefold", a, {});
  return same_kind(s, pystr::lower(s.as_string()));
}
Value s_capitalize(CallContext&, const Value& s, const Args& a) {
  Params("capitalize", a, {});
  return same_kind(s, pystr::capitalize(s.as_string()));
}
Value s_title(CallContext&, const Value& s, const Args& a) {
  Params("title", a, {});
  return same_kind(s, pystr::title(s.as_string()));
}
Value s_swapcase(CallContext&, const Value& s, const Args& a) {
  Params("swapcase", a, {});
  return same_kind(s, pystr::swapcase(s.as_string()));
}

Value strip_common(const Value& s, const Args& a, const char* name, int which) {
  Params p(name, a, {"chars"});
  std::string_view chars;
  const std::string_view* cp = nullptr;
  if (p.has(0) && !p[0]->is_none()) {
    chars = need_str(*p[0], "strip arg");
    cp = &chars;
  }
  std::string_view v = s.as_string();
  std::string_view r = which == 0   ? pystr::strip(v, cp)
                       : which == 1 ? pystr::lstrip(v, cp)
                                    : pystr::rstrip(v, cp);
  return same_kind(s, std::string(r));
}
Value s_strip(CallContext&, const Value& s, const Args& a) {
  return strip_common(s, a, "strip", 0);
}
Value s_lstrip(CallContext&, const Value& s, const Args& a) {
  return strip_common(s, a, "lstrip", 1);
}
Value s_rstrip(CallContext&, const Value& s, const Args& a) {
  return strip_common(s, a, "rstrip", 2);
}

Value split_common(const Value& s, const Args& a, bool right) {
  Params p(right ? "rsplit" : "split", a, {"sep", "maxsplit"});
  std::string_view sep;
  const std::string_view* sp = nullptr;
  if (p.has(0) && !p[0]->is_none()) {
    sep = need_str(*p[0], "sep");
    if (sep.empty()) fail("empty separator");
    sp = &sep;
  }
  int64_t maxsplit = p.has(1) ? need_int(*p[1], "maxsplit") : -1;
  auto parts = right ? pystr::rsplit(s.as_string(), sp, maxsplit)
                     : pystr::split(s.as_string(), sp, maxsplit);
  return list_of_strings(s, parts);
}
Value s_split(CallContext&, const Value& s, const Args& a) {
  return split_common(s, a, false);
}
Value s_rsplit(CallContext&, const Value& s, const Args& a) {
  return split_common(s, a, true);
}
Value s_splitlines(CallContext&, const Value& s, const Args& a) {
  Params p("splitlines", a, {"keepends"});
  return list_of_strings(s, pystr::splitlines(s.as_string(), p.get(0, false).truthy()));
}

Value s_replace(CallContext&, const Value& s, const Args& a) {
  Params p("replace", a, {"old", "new", "count"});
  if (!p.has(0) || !p.has(1))
    fail("replace expected at least 2 arguments, got " + std::to_string(a.size()));
  std::string_view old = need_str(*p[0], "replace() argument 1");
  std::string repl = escaped_arg(s, *p[1], "replace() argument 2");
  int64_t count = p.has(2) ? need_int(*p[2], "count") : -1;
  return same_kind(s, pystr::replace(s.as_string(), old, repl, count));
}

Value affix_test(const Value& s, const Args& a, const char* name, bool start) {
  Params p(name, a, {"prefix"});
  if (!p.has(0)) fail(std::string(name) + "() takes at least 1 argument (0 given)");
  std::string_view v = s.as_string();
  auto test = [&](const Value& x) {
    std::string_view t = need_str(x, std::string(name) + " first arg");
    return start ? v.substr(0, t.size()) == t
                 : (v.size() >= t.size() && v.substr(v.size() - t.size()) == t);
  };
  if (p[0]->is_tuple()) {
    for (const Value& x : p[0]->as_list()) {
      if (test(x)) return Value(true);
    }
    return Value(false);
  }
  if (!p[0]->is_string()) {
    fail(std::string(name) + " first arg must be str or a tuple of str, not " +
         std::string(p[0]->type_name()));
  }
  return Value(test(*p[0]));
}
Value s_startswith(CallContext&, const Value& s, const Args& a) {
  return affix_test(s, a, "startswith", true);
}
Value s_endswith(CallContext&, const Value& s, const Args& a) {
  return affix_test(s, a, "endswith", false);
}

Value s_removeprefix(CallContext&, const Value& s, const Args& a) {
  Params p("removeprefix", a, {"prefix"});
  std::string_view t = need_str(p.get(0), "removeprefix() argument");
  std::string_view v = s.as_string();
  if (v.substr(0, t.size()) == t) v.remove_prefix(t.size());
  return same_kind(s, std::string(v));
}
Value s_removesuffix(CallContext&, const Value& s, const Args& a) {
  Params p("removesuffix", a, {"suffix"});
  std::string_view t = need_str(p.get(0), "removesuffix() argument");
  std::string_view v = s.as_string();
  if (v.size() >= t.size() && v.substr(v.size() - t.size()) == t) v.remove_suffix(t.size());
  return same_kind(s, std::string(v));
}

Value s_count(CallContext&, const Value& s, const Args& a) {
  Params p("count", a, {"sub"});
  return Value(
      static_cast<int64_t>(pystr::count(s.as_string(), need_str(p.get(0), "must be str"))));
}
Value s_find(CallContext&, const Value& s, const Args& a) {
  Params p("find", a, {"sub"});
  return Value(pystr::find(s.as_string(), need_str(p.get(0), "must be str")));
}
Value s_rfind(CallContext&, const Value& s, const Args& a) {
  Params p("rfind", a, {"sub"});
  return Value(pystr::rfind(s.as_string(), need_str(p.get(0), "must be str")));
}
Value s_index(CallContext&, const Value& s, const Args& a) {
  Params p("index", a, {"sub"});
  int64_t r = pystr::find(s.as_string(), need_str(p.get(0), "must be str"));
  if (r < 0) fail("substring not found");
  return Value(r);
}
Value s_rindex(CallContext&, const Value& s, const Args& a) {
  Params p("rindex", a, {"sub"});
  int64_t r = pystr::rfind(s.as_string(), need_str(p.get(0), "must be str"));
  if (r < 0) fail("substring not found");
  return Value(r);
}

Value justify(const Value& s, const Args& a, const char* name, int which) {
  Params p(name, a, {"width", "fillchar"});
  if (!p.has(0)) fail(std::string(name) + "() takes at least 1 argument (0 given)");
  int64_t width = need_int(*p[0], "width");
  std::string fill = p.has(1) ? escaped_arg(s, *p[1], "fill character") : " ";
  if (pystr::length(fill) != 1) fail("The fill character must be exactly one character long");
  std::string_view v = s.as_string();
  std::string r = which == 0   ? pystr::center(v, width, fill)
                  : which == 1 ? pystr::ljust(v, width, fill)
                               : pystr::rjust(v, width, fill);
  return same_kind(s, r);
}
Value s_center(CallContext&, const Value& s, const Args& a) {
  return justify(s, a, "center", 0);
}
Value s_ljust(CallContext&, const Value& s, const Args& a) {
  return justify(s, a, "ljust", 1);
}
Value s_rjust(CallContext&, const Value& s, const Args& a) {
  return justify(s, a, "rjust", 2);
}
Value s_zfill(CallContext&, const Value& s, const Args& a) {
  Params p("zfill", a, {"width"});
  return same_kind(s, pystr::zfill(s.as_string(), need_int(p.get(0), "width")));
}

Value s_join(CallContext&, const Value& s, const Args& a) {
  Params p("join", a, {"iterable"});
  if (!p.has(0)) fail("str.join() takes exactly one argument (0 given)");
  auto items = ops::to_list(*p[0]);
  std::string out;
  bool first = true;
  size_t index = 0;
  for (const Value& item : items) {
    if (!first) out += s.as_string();
    first = false;
    if (s.is_safe()) {
      if (item.is_safe()) {
        out += item.as_string();
      } else {
        append_escaped(out, item.str());
      }
    } else {
      if (!item.is_string()) {
        fail("sequence item " + std::to_string(index) + ": expected str instance, " +
             std::string(item.type_name()) + " found");
      }
      out += item.as_string();
    }
    ++index;
  }
  return same_kind(s, out);
}

Value s_format(CallContext&, const Value& s, const Args& a) {
  return same_kind(s, pyformat::str_format(s.as_string(), a, s.is_safe()));
}

Value partition_common(const Value& s, const Args& a, bool right) {
  Params p(right ? "rpartition" : "partition", a, {"sep"});
  std::string_view sep = need_str(p.get(0), "must be str");
  if (sep.empty()) fail("empty separator");
  std::string_view v = s.as_string();
  size_t at = right ? v.rfind(sep) : v.find(sep);
  std::vector<Value> out;
  if (at == std::string_view::npos) {
    if (right) {
      out = {same_kind(s, ""), same_kind(s, ""), same_kind(s, std::string(v))};
    } else {
      out = {same_kind(s, std::string(v)), same_kind(s, ""), same_kind(s, "")};
    }
  } else {
    out = {same_kind(s, std::string(v.substr(0, at))), same_kind(s, std::string(sep)),
           same_kind(s, std::string(v.substr(at + sep.size())))};
  }
  return Value::tuple(std::move(out));
}
Value s_partition(CallContext&, const Value& s, const Args& a) {
  return partition_common(s, a, false);
}
Value s_rpartition(CallContext&, const Value& s, const Args& a) {
  return partition_common(s, a, true);
}

template <bool (*Pred)(char32_t)>
Value all_chars(CallContext&, const Value& s, const Args& a) {
  Params("is…", a, {});
  std::string_view v = s.as_string();
  if (v.empty()) return Value(false);
  for (size_t i = 0; i < v.size();) {
    if (!Pred(pystr::next(v, i))) return Value(false);
  }
  return Value(true);
}
bool decimal_char(char32_t c) {
  return c < 0x80 ? (c >= '0' && c <= '9') : pystr::is_digit(c);
}
Value s_islower(CallContext&, const Value& s, const Args&) {
  return Value(pystr::is_lower(s.as_string()));
}
Value s_isupper(CallContext&, const Value& s, const Args&) {
  return Value(pystr::is_upper(s.as_string()));
}

// ---- dict ----

Value d_items(CallContext&, const Value& d, const Args& a) {
  Params("items", a, {});
  return dict_items(d);
}
Value d_keys(CallContext&, const Value& d, const Args& a) {
  Params("keys", a, {});
  std::vector<Value> out;
  for (const auto& e : d.as_dict()) out.push_back(e.first);
  return Value::list_of(std::move(out), ListFlavor::DictKeys);
}
Value d_values(CallContext&, const Value& d, const Args& a) {
  Params("values", a, {});
  std::vector<Value> out;
  for (const auto& e : d.as_dict()) out.push_back(e.second);
  return Value::list_of(std::move(out), ListFlavor::DictValues);
}
Value d_get(CallContext&, const Value& d, const Args& a) {
  Params p("get", a, {"key", "default"});
  if (!p.has(0)) fail("get expected at least 1 argument, got 0");
  const Value* v = d.as_dict().find(*p[0]);
  return v ? *v : p.get(1, Value::none());
}
Value d_copy(CallContext&, const Value& d, const Args& a) {
  Params("copy", a, {});
  return Value(Dict(d.as_dict()));
}

// ---- list ----

Value l_count(CallContext&, const Value& l, const Args& a) {
  Params p("count", a, {"value"});
  int64_t n = 0;
  for (const Value& v : l.as_list()) n += equals(v, p.get(0)) ? 1 : 0;
  return Value(n);
}
Value l_index(CallContext&, const Value& l, const Args& a) {
  Params p("index", a, {"value"});
  const auto& items = l.as_list();
  for (size_t i = 0; i < items.size(); ++i) {
    if (equals(items[i], p.get(0))) return Value(static_cast<int64_t>(i));
  }
  fail(p.get(0).repr() + " is not in list");
}
Value l_copy(CallContext&, const Value& l, const Args& a) {
  Params("copy", a, {});
  return Value(std::vector<Value>(l.as_list()));
}

Value immutable(CallContext&, const Value& self, const Args&) {
  fail(std::string(self.type_name()) +
       " values cannot be changed in place here (template values are shared and immutable); "
       "build a new value with filters or use namespace()");
}

struct Entry {
  std::string_view name;
  MethodFn fn;
};

const Entry kStrMethods[] = {
    {"capitalize", s_capitalize},
    {"casefold", s_casefold},
    {"center", s_center},
    {"count", s_count},
    {"endswith", s_endswith},
    {"find", s_find},
    {"format", s_format},
    {"index", s_index},
    {"isalnum", all_chars<pystr::is_alnum>},
    {"isalpha", all_chars<pystr::is_alpha>},
    {"isdecimal", all_chars<decimal_char>},
    {"isdigit", all_chars<pystr::is_digit>},
    {"islower", s_islower},
    {"isnumeric", all_chars<pystr::is_digit>},
    {"isspace", all_chars<pystr::is_space>},
    {"isupper", s_isupper},
    {"join", s_join},
    {"ljust", s_ljust},
    {"lower", s_lower},
    {"lstrip", s_lstrip},
    {"partition", s_partition},
    {"removeprefix", s_removeprefix},
    {"removesuffix", s_removesuffix},
    {"replace", s_replace},
    {"rfind", s_rfind},
    {"rindex", s_rindex},
    {"rjust", s_rjust},
    {"rpartition", s_rpartition},
    {"rsplit", s_rsplit},
    {"rstrip", s_rstrip},
    {"split", s_split},
    {"splitlines", s_splitlines},
    {"startswith", s_startswith},
    {"strip", s_strip},
    {"swapcase", s_swapcase},
    {"title", s_title},
    {"upper", s_upper},
    {"zfill", s_zfill},
};

const Entry kDictMethods[] = {
    {"clear", immutable},  {"copy", d_copy},     {"get", d_get},         {"items", d_items},
    {"keys", d_keys},      {"pop", immutable},   {"popitem", immutable}, {"setdefault", immutable},
    {"update", immutable}, {"values", d_values},
};

const Entry kListMethods[] = {
    {"append", immutable}, {"clear", immutable},   {"copy", l_copy},      {"count", l_count},
    {"extend", immutable}, {"index", l_index},     {"insert", immutable}, {"pop", immutable},
    {"remove", immutable}, {"reverse", immutable}, {"sort", immutable},
};

template <size_t N>
const Entry* lookup(const Entry (&table)[N], std::string_view name) {
  for (const Entry& e : table) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

const Entry kTupleMethods[] = {{"count", l_count}, {"index", l_index}};

}  // namespace

namespace {
const Entry* find_method(const Value& self, std::string_view name) {
  if (self.is_string()) return lookup(kStrMethods, name);
  if (self.is_dict()) return lookup(kDictMethods, name);
  if (self.is_tuple()) return lookup(kTupleMethods, name);
  if (self.is_list()) return lookup(kListMethods, name);
  return nullptr;
}
}  // namespace

bool call_method(CallContext& cx, const Value& self, std::string_view name, const Args& args,
                 Value& out) {
  const Entry* e = find_method(self, name);
  if (!e) return false;
  out = e->fn(cx, self, args);
  return true;
}

Value bound_method(const Value& self, std::string_view name) {
  const Entry* e = nullptr;
  if (self.is_string())
    e = lookup(kStrMethods, name);
  else if (self.is_dict())
    e = lookup(kDictMethods, name);
  else if (self.is_tuple())
    e = lookup(kTupleMethods, name);
  else if (self.is_list())
    e = lookup(kListMethods, name);
  if (!e) return Value::missing();
  return make_object<BoundMethod>(self, e->name, e->fn);  // e->name has static storage
}

Value dict_items(const Value& dict) {
  std::vector<Value> out;
  out.reserve(dict.as_dict().size());
  for (const auto& e : dict.as_dict()) out.push_back(Value::tuple({e.first, e.second}));
  return Value::list_of(std::move(out), ListFlavor::DictItems);
}

}  // namespace gongkai::tmpl
