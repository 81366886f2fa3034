#include "template/filter_util.hpp"

#include <algorithm>

#include "template/pystr.hpp"
#include "template/registry.hpp"

namespace gongkai::tmpl::filters {

int64_t to_int_arg(const Value& v) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  ops::check_defined(v);
  fail("'" + std::string(v.type_name()) + "' object cannot be interpreted as an integer");
}

Value soft_str(const Value& v) {
  if (v.is_string()) return v;
  if (v.is_object() && v.as_object()->is_safe()) return Value::markup(v.str());
  return Value(v.str());
}

std::string str_arg(const Value& v) {
  return v.str();
}

namespace {

std::vector<Value> attribute_parts(const Value& attribute) {
  std::vector<Value> parts;
  if (attribute.is_none() || attribute.is_missing()) return parts;
  if (!attribute.is_string()) {
    parts.push_back(attribute);
    return parts;
  }
  std::string_view s = attribute.as_string();
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find('.', i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view piece = s.substr(i, j - i);
    bool digits = !piece.empty() && std::all_of(piece.begin(), piece.end(),
                                                [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
      parts.emplace_back(static_cast<int64_t>(std::stoll(std::string(piece))));
    } else {
      parts.emplace_back(piece);
    }
    i = j + 1;
  }
  return parts;
}

}  // namespace

AttrGetter::AttrGetter(const Value& attribute, bool lower, Value fallback)
    : parts_(attribute_parts(attribute)), lower_(lower), fallback_(std::move(fallback)) {}

Value AttrGetter::operator()(const Value& item) const {
  Value v = item;
  for (const Value& part : parts_) {
    v = ops::getitem(v, part);
    if (!fallback_.is_missing() && !fallback_.is_none() && v.is_undefined()) v = fallback_;
  }
  return lower_ ? ignore_case(v) : v;
}

MultiAttrGetter::MultiAttrGetter(const Value& attribute, bool lower) {
  if (attribute.is_string()) {
    std::string_view s = attribute.as_string();
    size_t i = 0;
    while (i <= s.size()) {
      size_t j = s.find(',', i);
      if (j == std::string_view::npos) j = s.size();
      getters_.emplace_back(Value(s.substr(i, j - i)), lower);
      i = j + 1;
    }
  } else {
    getters_.emplace_back(attribute, lower);
  }
}

Value MultiAttrGetter::operator()(const Value& item) const {
  // Jinja2 always builds a list of keys, even for one attribute.
  std::vector<Value> keys;
  keys.reserve(getters_.size());
  for (const auto& g : getters_) keys.push_back(g(item));
  return Value(std::move(keys));
}

Value ignore_case(const Value& v) {
  if (!v.is_string()) return v;
  return Value::string(pystr::lower(v.as_string()), v.is_safe());
}

std::vector<Value> sorted(std::vector<Value> items, const std::function<Value(const Value&)>& key,
                          bool reverse) {
  struct Keyed {
    Value key;
    Value item;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(items.size());
  for (Value& item : items) {
    Value k = key ? key(item) : item;
    keyed.push_back({std::move(k), std::move(item)});
  }
  std::stable_sort(keyed.begin(), keyed.end(), [reverse](const Keyed& a, const Keyed& b) {
    return reverse ? ops::order(b.key, a.key, "<") == -1 : ops::order(a.key, b.key, "<") == -1;
  });
  std::vector<Value> out;
  out.reserve(keyed.size());
  for (Keyed& k : keyed) out.push_back(std::move(k.item));
  return out;
}

}  // namespace gongkai::tmpl::filters

namespace gongkai::tmpl {

void add_builtin_filters(Registry& r) {
  filters::Registrar reg{[&r](std::string name, Filter fn, bool foldable) {
    auto& e = r.filters[name];
    e.name = name;
    e.fn = std::move(fn);
    e.foldable = foldable;
  }};
  filters::add_string_filters(reg);
  filters::add_sequence_filters(reg);
  filters::add_number_filters(reg);
  filters::add_html_filters(reg);
  filters::add_data_filters(reg);
}

}  // namespace gongkai::tmpl
