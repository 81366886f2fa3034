// Sequence filters: picking, sorting, grouping, mapping, selecting, aggregating.
#include <random>

#include "template/filter_util.hpp"
#include "template/markup.hpp"
#include "template/methods.hpp"
#include "template/pystr.hpp"

namespace gongkai::tmpl::filters {

namespace {

bool is_safe(const Value& v) {
  return v.is_safe() || (v.is_object() && v.as_object()->is_safe());
}

std::vector<Value> items_of(const Value& v) {
  return ops::to_list(v);
}

/// `(key, value)` pairs of a mapping, as dict.items() gives them.
std::vector<Value> mapping_items(const Value& v) {
  if (v.is_dict()) return dict_items(v).as_list();
  if (v.is_object() && v.as_object()->is_mapping()) {
    std::vector<Value> out;
    for (const Value& k : v.as_object()->items())
      out.push_back(Value::tuple({k, v.as_object()->item(k)}));
    return out;
  }
  ops::check_defined(v);
  fail("'" + std::string(v.type_name()) + "' object has no attribute 'items'");
}

Value do_attr(CallContext&, const Value& v, const Args& a) {
  Params p("do_attr", a, {"name"});
  if (!p.has(0)) fail("do_attr() missing 1 required positional argument: 'name'");
  std::string name = p[0]->str();
  ops::check_defined(v);
  if (v.is_object()) {
    Value r = v.as_object()->attribute(name);
    if (!r.is_missing()) return r;
  } else if (v.is_string() || v.is_list() || v.is_dict()) {
    Value m = bound_method(v, name);
    if (!m.is_missing()) return m;
  }
  return Value::undefined_member(v, Value(name));
}

Value do_batch(CallContext&, const Value& v, const Args& a) {
  Params p("do_batch", a, {"linecount", "fill_with"});
  if (!p.has(0)) fail("do_batch() missing 1 required positional argument: 'linecount'");
  int64_t linecount = to_int_arg(*p[0]);
  bool fill = p.has(1) && !p[1]->is_none();
  std::vector<Value> out, tmp;
  for (const Value& item : items_of(v)) {
    if (static_cast<int64_t>(tmp.size()) == linecount) {
      out.emplace_back(std::move(tmp));
      tmp.clear();
    }
    tmp.push_back(item);
  }
  if (!tmp.empty()) {
    if (fill) {
      while (static_cast<int64_t>(tmp.size()) < linecount) tmp.push_back(*p[1]);
    }
    out.emplace_back(std::move(tmp));
  }
  return Value(std::move(out));
}

Value do_slice(CallContext&, const Value& v, const Args& a) {
  Params p("do_slice", a, {"slices", "fill_with"});
  if (!p.has(0)) fail("do_slice() missing 1 required positional argument: 'slices'");
  int64_t slices = to_int_arg(*p[0]);
  if (slices == 0) fail("integer division or modulo by zero");
  bool fill = p.has(1) && !p[1]->is_none();
  std::vector<Value> seq = items_of(v);
  auto length = static_cast<int64_t>(seq.size());
  int64_t per = length / slices, extra = length % slices, offset = 0;
  std::vector<Value> out;
  for (int64_t n = 0; n < slices; ++n) {
    int64_t start = offset + n * per;
    if (n < extra) ++offset;
    int64_t end = offset + (n + 1) * per;
    std::vector<Value> tmp;
    for (int64_t i = std::max<int64_t>(start, 0); i < std::min(end, length); ++i)
      tmp.push_back(seq[static_cast<size_t>(i)]);
    if (fill && n >= extra) tmp.push_back(*p[1]);
    out.emplace_back(std::move(tmp));
  }
  return Value(std::move(out));
}

Value do_dictsort(CallContext&, const Value& v, const Args& a) {
  Params p("do_dictsort", a, {"case_sensitive", "by", "reverse"});
  bool case_sensitive = p.get(0, false).truthy();
  std::string by = p.has(1) ? p[1]->str() : "key";
  bool reverse = p.get(2, false).truthy();
  size_t pos;
  if (by == "key")
    pos = 0;
  else if (by == "value")
    pos = 1;
  else
    fail("You can only sort by either \"key\" or \"value\"");
  auto items = mapping_items(v);
  return Value(sorted(
      std::move(items),
      [&](const Value& item) {
        const Value& k = item.as_list()[pos];
        return case_sensitive ? k : ignore_case(k);
      },
      reverse));
}

Value do_first(CallContext&, const Value& v, const Args& a) {
  Params("do_first", a, {});
  auto items = items_of(v);
  if (items.empty()) return Value::undefined_hint("No first item, sequence was empty.");
  return items.front();
}

Value do_last(CallContext&, const Value& v, const Args& a) {
  Params("do_last", a, {});
  auto items = items_of(v);
  if (items.empty()) return Value::undefined_hint("No last item, sequence was empty.");
  return items.back();
}

Value do_random(CallContext&, const Value& v, const Args& a) {
  Params("do_random", a, {});
  auto items = items_of(v);
  if (items.empty()) return Value::undefined_hint("No random item, sequence was empty.");
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(rng)];
}

Value do_length(CallContext&, const Value& v, const Args& a) {
  Params("len", a, {});
  return Value(ops::length(v));
}

Value do_list(CallContext&, const Value& v, const Args& a) {
  Params("do_list", a, {});
  return Value(items_of(v));
}

Value do_items(CallContext&, const Value& v, const Args& a) {
  Params("do_items", a, {});
  if (v.is_undefined()) return Value(std::vector<Value>{});
  if (!v.is_dict() && !(v.is_object() && v.as_object()->is_mapping()))
    fail("Can only get item pairs from a mapping.");
  return Value(mapping_items(v));
}

Value do_groupby(CallContext&, const Value& v, const Args& a) {
  Params p("do_groupby", a, {"attribute", "default", "case_sensitive"});
  if (!p.has(0)) fail("do_groupby() missing 1 required positional argument: 'attribute'");
  Value fallback = p.get(1, Value::none());
  bool case_sensitive = p.get(2, false).truthy();
  AttrGetter key(*p[0], !case_sensitive, fallback);
  AttrGetter output(*p[0], false, fallback);
  auto items = sorted(
      items_of(v), [&](const Value& x) { return key(x); }, false);
  std::vector<Value> groups;
  std::vector<Value> current;
  Value current_key;
  for (const Value& item : items) {
    Value k = key(item);
    if (!current.empty() && !equals(k, current_key)) {
      Value grouper = case_sensitive ? current_key : output(current.front());
      groups.push_back(
          Value::list_of({grouper, Value(std::move(current))}, ListFlavor::GroupTuple));
      current.clear();
    }
    if (current.empty()) current_key = k;
    current.push_back(item);
  }
  if (!current.empty()) {
    Value grouper = case_sensitive ? current_key : output(current.front());
    groups.push_back(Value::list_of({grouper, Value(std::move(current))}, ListFlavor::GroupTuple));
  }
  return Value(std::move(groups));
}

Value do_join(CallContext& cx, const Value& v, const Args& a) {
  Params p("do_join", a, {"d", "attribute"});
  Value d = p.get(0, Value(""));
  std::vector<Value> items = items_of(v);
  if (p.has(1) && !p[1]->is_none()) {
    AttrGetter get(*p[1]);
    for (Value& item : items) item = get(item);
  }
  std::string out;
  if (!cx.autoescape()) {
    std::string sep = d.str();
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out += sep;
      items[i].append_str(out);
    }
    return Value(out);
  }
  bool escape_all = is_safe(d);
  if (!escape_all) {
    for (const Value& item : items) escape_all |= is_safe(item);
    if (!escape_all) {
      std::string sep = d.str();
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep;
        items[i].append_str(out);
      }
      return Value(out);
    }
  }
  // Markup join: the separator and every unsafe item are escaped
  std::string sep = is_safe(d) ? d.str() : escape_html(d.str());
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    if (is_safe(items[i]))
      items[i].append_str(out);
    else
      append_escaped(out, items[i].str());
  }
  return Value::markup(out);
}

Value do_map(CallContext& cx, const Value& v, const Args& a) {
  if (!v.truthy()) return Value(std::vector<Value>{});
  auto items = items_of(v);
  std::vector<Value> out;
  out.reserve(items.size());
  const Value* attribute = a.positional.empty() ? a.keyword("attribute") : nullptr;
  if (attribute) {
    Value fallback = Value::none();
    for (const Keyword& k : a.keywords) {
      if (k.name == "default")
        fallback = k.value;
      else if (k.name != "attribute")
        fail("Unexpected keyword argument '" + std::string(k.name) + "'");
    }
    AttrGetter get(*attribute, false, fallback);
    for (const Value& item : items) out.push_back(get(item));
    return Value(std::move(out));
  }
  if (a.positional.empty()) fail("map requires a filter argument");
  std::string name = a.positional[0].str();
  Args rest{a.positional.subspan(1), a.keywords};
  for (const Value& item : items) out.push_back(cx.call_filter(name, item, rest));
  return Value(std::move(out));
}

Value select_or_reject(CallContext& cx, const Value& v, const Args& a, bool select, bool attr) {
  if (!v.truthy()) return Value(std::vector<Value>{});
  size_t off = 0;
  AttrGetter get;
  if (attr) {
    if (a.positional.empty()) fail("Missing parameter for attribute name");
    get = AttrGetter(a.positional[0]);
    off = 1;
  }
  bool has_test = a.positional.size() > off;
  std::string name = has_test ? a.positional[off].str() : "";
  Args rest{has_test ? a.positional.subspan(off + 1) : std::span<const Value>{}, a.keywords};
  std::vector<Value> out;
  for (const Value& item : items_of(v)) {
    Value x = attr ? get(item) : item;
    bool ok = has_test ? cx.call_test(name, x, rest) : x.truthy();
    if (ok == select) out.push_back(item);
  }
  return Value(std::move(out));
}

Value do_select(CallContext& cx, const Value& v, const Args& a) {
  return select_or_reject(cx, v, a, true, false);
}
Value do_reject(CallContext& cx, const Value& v, const Args& a) {
  return select_or_reject(cx, v, a, false, false);
}
Value do_selectattr(CallContext& cx, const Value& v, const Args& a) {
  return select_or_reject(cx, v, a, true, true);
}
Value do_rejectattr(CallContext& cx, const Value& v, const Args& a) {
  return select_or_reject(cx, v, a, false, true);
}

Value min_or_max(const Value& v, const Args& a, const char* name, bool max) {
  Params p(name, a, {"case_sensitive", "attribute"});
  bool case_sensitive = p.get(0, false).truthy();
  AttrGetter key(p.get(1, Value::none()), !case_sensitive);
  auto items = items_of(v);
  if (items.empty()) return Value::undefined_hint("No aggregated item, sequence was empty.");
  size_t best = 0;
  Value best_key = key(items[0]);
  for (size_t i = 1; i < items.size(); ++i) {
    Value k = key(items[i]);
    if (ops::order(k, best_key, max ? ">" : "<") == (max ? 1 : -1)) {
      best = i;
      best_key = std::move(k);
    }
  }
  return items[best];
}

Value do_min(CallContext&, const Value& v, const Args& a) {
  return min_or_max(v, a, "do_min", false);
}
Value do_max(CallContext&, const Value& v, const Args& a) {
  return min_or_max(v, a, "do_max", true);
}

Value do_reverse(CallContext&, const Value& v, const Args& a) {
  Params("do_reverse", a, {});
  if (v.is_string()) {
    return Value::string(
        pystr::slice(v.as_string(), static_cast<int64_t>(pystr::length(v.as_string())) - 1, -1, -1),
        v.is_safe());
  }
  if (!ops::is_iterable(v)) fail("argument must be iterable");
  auto items = items_of(v);
  std::reverse(items.begin(), items.end());
  return Value(std::move(items));
}

Value do_sort(CallContext&, const Value& v, const Args& a) {
  Params p("do_sort", a, {"reverse", "case_sensitive", "attribute"});
  bool reverse = p.get(0, false).truthy();
  bool case_sensitive = p.get(1, false).truthy();
  MultiAttrGetter key(p.get(2, Value::none()), !case_sensitive);
  return Value(sorted(
      items_of(v), [&](const Value& x) { return key(x); }, reverse));
}

Value do_sum(CallContext&, const Value& v, const Args& a) {
  Params p("do_sum", a, {"attribute", "start"});
  Value total = p.get(1, Value(0));
  if (total.is_string()) fail("sum() can't sum strings [use ''.join(seq) instead]");
  bool has_attr = p.has(0) && !p[0]->is_none();
  AttrGetter get(has_attr ? *p[0] : Value::none());
  for (const Value& item : items_of(v)) total = ops::add(total, has_attr ? get(item) : item);
  return total;
}

Value do_unique(CallContext&, const Value& v, const Args& a) {
  Params p("do_unique", a, {"case_sensitive", "attribute"});
  bool case_sensitive = p.get(0, false).truthy();
  AttrGetter key(p.get(1, Value::none()), !case_sensitive);
  Dict seen;
  std::vector<Value> out;
  for (const Value& item : items_of(v)) {
    Value k = key(item);
    if (k.is_list() && !k.is_tuple()) fail("unhashable type: 'list'");
    if (k.is_dict()) fail("unhashable type: 'dict'");
    if (seen.contains(k)) continue;
    seen.set(k, Value(true));
    out.push_back(item);
  }
  return Value(std::move(out));
}

}  // namespace

void add_sequence_filters(const Registrar& r) {
  r.add("attr", do_attr, true);
  r.add("batch", do_batch, true);
  r.add("slice", do_slice, true);
  r.add("dictsort", do_dictsort, true);
  r.add("first", do_first, true);
  r.add("last", do_last, true);
  r.add("random", do_random, false);
  r.add("length", do_length, true);
  r.add("count", do_length, true);
  r.add("list", do_list, true);
  r.add("items", do_items, true);
  r.add("groupby", do_groupby, true);
  r.add("join", do_join, true);
  r.add("map", do_map, false);
  r.add("select", do_select, false);
  r.add("reject", do_reject, false);
  r.add("selectattr", do_selectattr, false);
  r.add("rejectattr", do_rejectattr, false);
  r.add("min", do_min, true);
  r.add("max", do_max, true);
  r.add("reverse", do_reverse, true);
  r.add("sort", do_sort, true);
  r.add("sum", do_sum, true);
  r.add("unique", do_unique, true);
}

}  // namespace gongkai::tmpl::filters
