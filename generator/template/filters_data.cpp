// Data filters: default, tojson (Jinja2's htmlsafe_json_dumps) and pprint (Python's pformat).
#include "template/filter_util.hpp"
#include "template/json.hpp"
#include "template/pystr.hpp"

namespace gongkai::tmpl::filters {

namespace {

Value do_default(CallContext&, const Value& v, const Args& a) {
  Params p("do_default", a, {"default_value", "boolean"});
  bool boolean = p.get(1, false).truthy();
  if (v.is_undefined() || (boolean && !v.truthy())) return p.get(0, Value(""));
  return v;
}

Value do_tojson(CallContext&, const Value& v, const Args& a) {
  Params p("do_tojson", a, {"indent"});
  int indent = p.has(0) && !p[0]->is_none() ? static_cast<int>(to_int_arg(*p[0])) : -1;
  std::string json = dump_json(v, indent, true);
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      case '\'':
        out += "\\u0027";
        break;
      default:
        out += c;
    }
  }
  return Value::markup(out);
}

// ---- pprint: pprint.pformat(width=80), dicts sorted ----

std::vector<std::pair<Value, Value>> sorted_items(const Dict& d) {
  std::vector<std::pair<Value, Value>> items(d.begin(), d.end());
  std::stable_sort(items.begin(), items.end(), [](const auto& x, const auto& y) {
    try {
      return ops::order(x.first, y.first, "<") == -1;
    } catch (const RuntimeError&) {
      // pprint's _safe_key: incomparable keys order by type name
      return x.first.type_name() < y.first.type_name();
    }
  });
  return items;
}

void safe_repr(std::string& out, const Value& v) {
  if (v.is_dict()) {
    out += '{';
    bool first = true;
    for (const auto& [k, x] : sorted_items(v.as_dict())) {
      if (!first) out += ", ";
      first = false;
      safe_repr(out, k);
      out += ": ";
      safe_repr(out, x);
    }
    out += '}';
    return;
  }
  if (v.is_list() && (v.flavor() == ListFlavor::List || v.flavor() == ListFlavor::Tuple)) {
    bool tuple = v.is_tuple();
    out += tuple ? '(' : '[';
    const auto& items = v.as_list();
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out += ", ";
      safe_repr(out, items[i]);
    }
    if (tuple && items.size() == 1) out += ',';
    out += tuple ? ')' : ']';
    return;
  }
  v.append_repr(out);
}

std::string repr_of(const Value& v) {
  std::string s;
  safe_repr(s, v);
  return s;
}

constexpr int64_t kWidth = 80;

void format(std::string& out, const Value& v, int64_t indent, int64_t allowance);

void format_items(std::string& out, const std::vector<Value>& items, int64_t indent,
                  int64_t allowance) {
  indent += 1;
  std::string delimnl = ",\n" + std::string(static_cast<size_t>(indent), ' ');
  for (size_t i = 0; i < items.size(); ++i) {
    bool last = i + 1 == items.size();
    if (i) out += delimnl;
    format(out, items[i], indent, last ? allowance : 1);
  }
}

void format(std::string& out, const Value& v, int64_t indent, int64_t allowance) {
  std::string rep = repr_of(v);
  int64_t max_width = kWidth - indent - allowance;
  if (static_cast<int64_t>(pystr::length(rep)) <= max_width) {
    out += rep;
    return;
  }
  if (v.is_dict() && !v.as_dict().empty()) {
    out += '{';
    auto items = sorted_items(v.as_dict());
    int64_t inner = indent + 1;
    std::string delimnl = ",\n" + std::string(static_cast<size_t>(inner), ' ');
    for (size_t i = 0; i < items.size(); ++i) {
      bool last = i + 1 == items.size();
      std::string key = repr_of(items[i].first);
      out += key;
      out += ": ";
      format(out, items[i].second, inner + static_cast<int64_t>(pystr::length(key)) + 2,
             last ? allowance + 1 : 1);
      if (!last) out += delimnl;
    }
    out += '}';
    return;
  }
  if (v.is_list() && v.flavor() == ListFlavor::List && !v.as_list().empty()) {
    out += '[';
    format_items(out, v.as_list(), indent, allowance + 1);
    out += ']';
    return;
  }
  if (v.is_list() && v.flavor() == ListFlavor::Tuple && !v.as_list().empty()) {
    std::string end = v.as_list().size() == 1 ? ",)" : ")";
    out += '(';
    format_items(out, v.as_list(), indent, allowance + static_cast<int64_t>(end.size()));
    out += end;
    return;
  }
  out += rep;
}

Value do_pprint(CallContext&, const Value& v, const Args& a) {
  Params("do_pprint", a, {});
  std::string out;
  format(out, v, 0, 0);
  return Value(out);
}

}  // namespace

void add_data_filters(const Registrar& r) {
  r.add("default", do_default, true);
  r.add("d", do_default, true);
  r.add("tojson", do_tojson, true);
  r.add("pprint", do_pprint, true);
}

}  // namespace gongkai::tmpl::filters
