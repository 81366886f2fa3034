// Jinja2's builtin tests (`value is name`), with Python's semantics.
#include "template/filter_util.hpp"
#include "template/ops.hpp"
#include "template/pystr.hpp"
#include "template/registry.hpp"

namespace gongkai::tmpl {

namespace {

using filters::fail;

const Value& arg(const Args& a, size_t i, std::string_view test) {
  if (i < a.positional.size()) return a.positional[i];
  fail(std::string(test) + "() missing required argument");
}

bool is_safe_value(const Value& v) {
  return v.is_safe() || (v.is_object() && v.as_object()->is_safe());
}

bool identical(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::None:
    case Value::Kind::Undefined:
      return true;
    case Value::Kind::Bool:
      return a.as_bool() == b.as_bool();
    case Value::Kind::Int:
      // CPython caches the small integers: `1 is 1` holds, `1000 is 1000` may not.
      return a.as_int() == b.as_int() && a.as_int() >= -5 && a.as_int() <= 256;
    default:
      return a.identity() && a.identity() == b.identity();
  }
}

template <ast::CmpOp Op>
bool compare_test(CallContext&, const Value& v, const Args& a) {
  return ops::compare(Op, v, arg(a, 0, "compare"));
}

}  // namespace

void add_builtin_tests(Registry& r) {
  auto add = [&r](std::string name, Test fn, bool foldable = true) {
    auto& e = r.tests[name];
    e.name = name;
    e.fn = std::move(fn);
    e.foldable = foldable;
  };
  add("odd", [](CallContext&, const Value& v, const Args&) {
    return equals(ops::mod(v, Value(2)), Value(1));
  });
  add("even", [](CallContext&, const Value& v, const Args&) {
    return equals(ops::mod(v, Value(2)), Value(0));
  });
  add("divisibleby", [](CallContext&, const Value& v, const Args& a) {
    return equals(ops::mod(v, arg(a, 0, "divisibleby")), Value(0));
  });
  add("defined", [](CallContext&, const Value& v, const Args&) { return !v.is_undefined(); });
  add("undefined", [](CallContext&, const Value& v, const Args&) { return v.is_undefined(); });
  add(
      "filter",
      [](CallContext& cx, const Value& v, const Args&) {
        return v.is_string() && cx.has_filter(v.as_string());
      },
      false);
  add(
      "test",
      [](CallContext& cx, const Value& v, const Args&) {
        return v.is_string() && cx.has_test(v.as_string());
      },
      false);
  add("none", [](CallContext&, const Value& v, const Args&) { return v.is_none(); });
  add("boolean", [](CallContext&, const Value& v, const Args&) { return v.is_bool(); });
  add("false",
      [](CallContext&, const Value& v, const Args&) { return v.is_bool() && !v.as_bool(); });
  add("true", [](CallContext&, const Value& v, const Args&) { return v.is_bool() && v.as_bool(); });
  add("integer", [](CallContext&, const Value& v, const Args&) { return v.is_int(); });
  add("float", [](CallContext&, const Value& v, const Args&) { return v.is_float(); });
  add("lower", [](CallContext&, const Value& v, const Args&) { return pystr::is_lower(v.str()); });
  add("upper", [](CallContext&, const Value& v, const Args&) { return pystr::is_upper(v.str()); });
  add("string", [](CallContext&, const Value& v, const Args&) { return v.is_string(); });
  add("mapping", [](CallContext&, const Value& v, const Args&) {
    return v.is_dict() || (v.is_object() && v.as_object()->is_mapping());
  });
  add("number", [](CallContext&, const Value& v, const Args&) { return v.is_number(); });
  add("sequence", [](CallContext&, const Value& v, const Args&) {
    // len() and __getitem__: str, list, tuple, dict — and Undefined, which has both
    switch (v.kind()) {
      case Value::Kind::String:
      case Value::Kind::List:
      case Value::Kind::Dict:
      case Value::Kind::Undefined:
        return true;
      case Value::Kind::Object:
        return v.as_object()->has_length();
      default:
        return false;
    }
  });
  add("iterable", [](CallContext&, const Value& v, const Args&) { return ops::is_iterable(v); });
  add("callable", [](CallContext&, const Value& v, const Args&) {
    return v.is_undefined() || v.is_callable();  // Undefined defines __call__ (to fail)
  });
  add("sameas", [](CallContext&, const Value& v, const Args& a) {
    return identical(v, arg(a, 0, "sameas"));
  });
  add("escaped", [](CallContext&, const Value& v, const Args&) { return is_safe_value(v); });
  add("in", [](CallContext&, const Value& v, const Args& a) {
    return ops::contains(arg(a, 0, "in"), v);
  });
  using C = ast::CmpOp;
  for (const char* n : {"==", "eq", "equalto"}) add(n, compare_test<C::Eq>);
  for (const char* n : {"!=", "ne"}) add(n, compare_test<C::Ne>);
  for (const char* n : {">", "gt", "greaterthan"}) add(n, compare_test<C::Gt>);
  for (const char* n : {">=", "ge"}) add(n, compare_test<C::GtEq>);
  for (const char* n : {"<", "lt", "lessthan"}) add(n, compare_test<C::Lt>);
  for (const char* n : {"<=", "le"}) add(n, compare_test<C::LtEq>);
}

}  // namespace gongkai::tmpl
