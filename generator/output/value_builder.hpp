#pragma once
// Building template values (tmpl::Value) from C++: dicts are filled in order without key checks,
// and keys used on hot paths (number cells, table rows) are interned, so a context costs a few
// allocations per cell rather than one per key. The interned values are per thread: a value shared
// by every thread would have its reference count bounced between cores on every copy (measured:
// contexts built on two threads were barely faster than on one).
#include <string>
#include <string_view>
#include <vector>

#include "template/value.hpp"

namespace gongkai::output {

using tmpl::Dict;
using tmpl::Value;

/// A dict under construction: obj("a", 1)("b", "x").value().
class Obj {
 public:
  explicit Obj(size_t reserve = 8) { dict_.reserve(reserve); }
  Obj& operator()(const Value& key, Value value) {
    dict_.append_unique(key, std::move(value));
    return *this;
  }
  Obj& operator()(const char* key, Value value) { return (*this)(Value(key), std::move(value)); }
  Obj& operator()(const std::string& key, Value value) {
    return (*this)(Value(key), std::move(value));
  }
  Value value() { return Value(std::move(dict_)); }

 private:
  Dict dict_;
};

/// Values of C++ containers.
Value list(std::vector<Value> items);
Value strings(const std::vector<std::string>& items);

/// The keys of number cells and table rows, shared by every context.
namespace keys {
extern thread_local const Value state, v, n, line, flags, href, number, severity, code, title,
    label, level, group, cells, note, with_value, reports, complete;
}  // namespace keys

/// Shared constants: the states of a cell, an empty list.
namespace constants {
extern thread_local const Value read, missing, absent, na, none, empty_list, yes, no;
}  // namespace constants

/// A small non-negative count or value as text ("0" … "999" are shared, not allocated).
Value count_text(int64_t n);

}  // namespace gongkai::output
