#pragma once
// Helpers the builtin filters share: argument conversion with Python's messages, Jinja2's
// attribute getters ("address.city", "0"), case-insensitive keys, Python's sorted().
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "template/object.hpp"
#include "template/ops.hpp"
#include "template/value.hpp"

namespace gongkai::tmpl::filters {

[[noreturn]] inline void fail(const std::string& message) {
  throw RuntimeError(message);
}

/// An int argument (bools count, as in Python); anything else raises Python's TypeError.
int64_t to_int_arg(const Value& v);
/// markupsafe's soft_str: Markup stays Markup, everything else becomes str(value).
Value soft_str(const Value& v);
/// A str argument (for separators, replacements): str() of the value.
std::string str_arg(const Value& v);

/// Jinja2's make_attrgetter: "a.b.0" looks up item a, then b, then index 0 (environment.getitem);
/// an undefined result is replaced by `fallback` when one is given.
class AttrGetter {
 public:
  AttrGetter() = default;
  explicit AttrGetter(const Value& attribute, bool lower = false,
                      Value fallback = Value::missing());
  Value operator()(const Value& item) const;
  bool empty() const { return parts_.empty() && !lower_; }

 private:
  std::vector<Value> parts_;
  bool lower_ = false;
  Value fallback_ = Value::missing();
};

/// Jinja2's make_multi_attrgetter: "age,name" gives a list of keys.
class MultiAttrGetter {
 public:
  MultiAttrGetter(const Value& attribute, bool lower);
  Value operator()(const Value& item) const;

 private:
  std::vector<AttrGetter> getters_;
};

/// ignore_case: strings lower-cased, other values unchanged.
Value ignore_case(const Value& v);

/// Python's sorted(items, key=key, reverse=reverse): stable, using only `<`.
std::vector<Value> sorted(std::vector<Value> items, const std::function<Value(const Value&)>& key,
                          bool reverse);

/// The builtin filters, grouped by theme.
struct Registrar {
  std::function<void(std::string, Filter, bool)> add;  // name, fn, foldable
};
void add_string_filters(const Registrar& r);
void add_sequence_filters(const Registrar& r);
void add_number_filters(const Registrar& r);
void add_html_filters(const Registrar& r);
void add_data_filters(const Registrar& r);

}  // namespace gongkai::tmpl::filters
