#pragma once
// Python's operators over template values: arithmetic, comparisons, `in`, attribute and item
// lookup (Jinja2's environment.getattr/getitem), slicing and iteration. Failures throw
// RuntimeError with Python's message ("unsupported operand type(s) for +: 'int' and 'str'").
#include <cstdint>
#include <string_view>
#include <vector>

#include "template/ast.hpp"
#include "template/object.hpp"
#include "template/value.hpp"

namespace gongkai::tmpl::ops {

/// Raises the UndefinedError of an undefined value (Jinja2's _fail_with_undefined_error).
[[noreturn]] void fail_undefined(const Value& v);
inline void check_defined(const Value& v) {
  if (v.is_undefined()) fail_undefined(v);
}

Value add(const Value& a, const Value& b);
Value sub(const Value& a, const Value& b);
Value mul(const Value& a, const Value& b);
Value div(const Value& a, const Value& b);
Value floordiv(const Value& a, const Value& b);
Value mod(const Value& a, const Value& b);
Value pow(const Value& a, const Value& b);
/// Arithmetic operators (not `and`/`or`, which short-circuit in the renderer).
Value binary(ast::BinOp op, const Value& a, const Value& b);
Value neg(const Value& a);
Value pos(const Value& a);

/// Python's ordering: -1, 0, 1; throws TypeError for unorderable pairs (`op` names the operator).
int order(const Value& a, const Value& b, std::string_view op = "<");
bool compare(ast::CmpOp op, const Value& a, const Value& b);
/// `item in container`.
bool contains(const Value& container, const Value& item);

/// `obj.name`: attribute first (methods of str, dict, list), then item; undefined when neither.
Value getattr(const Value& obj, std::string_view name, uint64_t hash);
Value getattr(const Value& obj, std::string_view name);
/// `obj[key]`: item first, then attribute for string keys; undefined when neither.
Value getitem(const Value& obj, const Value& key);
/// `obj[start:stop:step]` (each bound may be none).
Value slice(const Value& obj, const Value& start, const Value& stop, const Value& step);

/// Python's iter(): list items, dict keys, string characters, nothing for undefined.
void iterate(const Value& v, std::vector<Value>& out);
std::vector<Value> to_list(const Value& v);
bool is_iterable(const Value& v);
/// len(): strings in code points; throws for values without a length.
int64_t length(const Value& v);

/// Python's int(x) for numbers and numeric strings; false when not convertible.
bool to_int(const Value& v, int64_t& out);

}  // namespace gongkai::tmpl::ops
