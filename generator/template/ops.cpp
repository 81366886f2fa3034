#include "template/ops.hpp"

#include <cmath>
#include <limits>

#include "template/markup.hpp"
#include "template/methods.hpp"
#include "template/pyformat.hpp"
#include "template/pystr.hpp"

namespace gongkai::tmpl::ops {

namespace {

[[noreturn]] void type_error(std::string message) {
  throw RuntimeError(std::move(message));
}

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

[[noreturn]] void unsupported(std::string_view op, const Value& a, const Value& b) {
  type_error("unsupported operand type(s) for " + std::string(op) + ": " + quoted(a.type_name()) +
             " and " + quoted(b.type_name()));
}

bool is_intlike(const Value& v) {
  return v.is_int() || v.is_bool();
}

Value checked(int64_t r, bool overflow) {
  if (overflow) throw RuntimeError("integer overflow: the result does not fit in 64 bits");
  return Value(r);
}

std::vector<Value> repeat(const std::vector<Value>& items, int64_t n) {
  std::vector<Value> out;
  for (int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
  return out;
}

}  // namespace

void fail_undefined(const Value& v) {
  throw RuntimeError(v.undefined_message());
}

Value add(const Value& a, const Value& b) {
  if (is_intlike(a) && is_intlike(b)) {
    int64_t r;
    return checked(r, __builtin_add_overflow(a.as_int(), b.as_int(), &r));
  }
  if (a.is_number() && b.is_number()) return Value(a.as_float() + b.as_float());
  check_defined(a);
  check_defined(b);
  if (a.is_string() && b.is_string()) {
    std::string out;
    if (a.is_safe() && !b.is_safe()) {
      out = std::string(a.as_string());
      append_escaped(out, b.as_string());
      return Value::markup(out);
    }
    if (!a.is_safe() && b.is_safe()) {
      out = escape_html(a.as_string());
      out += b.as_string();
      return Value::markup(out);
    }
    out = std::string(a.as_string());
    out += b.as_string();
    return Value::string(out, a.is_safe());
  }
  if (a.is_list() && b.is_list() && a.is_tuple() == b.is_tuple()) {
    std::vector<Value> items = a.as_list();
    items.insert(items.end(), b.as_list().begin(), b.as_list().end());
    return a.is_tuple() ? Value::tuple(std::move(items)) : Value(std::move(items));
  }
  if (a.is_string() && !b.is_string()) {
    type_error("can only concatenate str (not \"" + std::string(b.type_name()) + "\") to str");
  }
  if (a.is_list() && !a.is_tuple()) {
    type_error("can only concatenate list (not \"" + std::string(b.type_name()) + "\") to list");
  }
  if (a.is_tuple()) {
    type_error("can only concatenate tuple (not \"" + std::string(b.type_name()) + "\") to tuple");
  }
  unsupported("+", a, b);
}

Value sub(const Value& a, const Value& b) {
  if (is_intlike(a) && is_intlike(b)) {
    int64_t r;
    return checked(r, __builtin_sub_overflow(a.as_int(), b.as_int(), &r));
  }
  if (a.is_number() && b.is_number()) return Value(a.as_float() - b.as_float());
  check_defined(a);
  check_defined(b);
  unsupported("-", a, b);
}

Value mul(const Value& a, const Value& b) {
  if (is_intlike(a) && is_intlike(b)) {
    int64_t r;
    return checked(r, __builtin_mul_overflow(a.as_int(), b.as_int(), &r));
  }
  if (a.is_number() && b.is_number()) return Value(a.as_float() * b.as_float());
  check_defined(a);
  check_defined(b);
  const Value* seq = nullptr;
  const Value* times = nullptr;
  if ((a.is_string() || a.is_list()) && is_intlike(b)) seq = &a, times = &b;
  if ((b.is_string() || b.is_list()) && is_intlike(a)) seq = &b, times = &a;
  if (seq) {
    int64_t n = times->as_int();
    if (seq->is_string()) {
      std::string out;
      for (int64_t i = 0; i < n; ++i) out += seq->as_string();
      return Value::string(out, seq->is_safe());
    }
    auto items = repeat(seq->as_list(), n);
    return seq->is_tuple() ? Value::tuple(std::move(items)) : Value(std::move(items));
  }
  if (a.is_string() || a.is_list()) {
    type_error("can't multiply sequence by non-int of type " + quoted(b.type_name()));
  }
  unsupported("*", a, b);
}

Value div(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    double y = b.as_float();
    if (y == 0) {
      throw RuntimeError(is_intlike(a) && is_intlike(b) ? "division by zero"
                                                        : "float division by zero");
    }
    if (is_intlike(a) && is_intlike(b)) {
      // Exact when both fit a double; Python rounds the true quotient once.
      return Value(static_cast<double>(static_cast<long double>(a.as_int()) /
                                       static_cast<long double>(b.as_int())));
    }
    return Value(a.as_float() / y);
  }
  check_defined(a);
  check_defined(b);
  unsupported("/", a, b);
}

namespace {

/// CPython's float floor division and modulo (floatobject.c float_divmod).
void float_divmod(double vx, double wx, double& floordiv, double& mod) {
  mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
}

}  // namespace

Value floordiv(const Value& a, const Value& b) {
  if (is_intlike(a) && is_intlike(b)) {
    int64_t x = a.as_int(), y = b.as_int();
    if (y == 0) throw RuntimeError("integer division or modulo by zero");
    if (x == std::numeric_limits<int64_t>::min() && y == -1) checked(0, true);
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
    return Value(q);
  }
  if (a.is_number() && b.is_number()) {
    if (b.as_float() == 0) throw RuntimeError("float floor division by zero");
    double fd, m;
    float_divmod(a.as_float(), b.as_float(), fd, m);
    return Value(fd);
  }
  check_defined(a);
  check_defined(b);
  unsupported("//", a, b);
}

Value mod(const Value& a, const Value& b) {
  if (is_intlike(a) && is_intlike(b)) {
    int64_t x = a.as_int(), y = b.as_int();
    if (y == 0) throw RuntimeError("integer division or modulo by zero");
    if (y == -1) return Value(int64_t(0));
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return Value(r);
  }
  if (a.is_number() && b.is_number()) {
    if (b.as_float() == 0) throw RuntimeError("float modulo");
    double fd, m;
    float_divmod(a.as_float(), b.as_float(), fd, m);
    return Value(m);
  }
  check_defined(a);
  if (a.is_string()) {
    if (b.is_undefined()) check_defined(b);
    return Value::string(pyformat::percent(a.as_string(), b, a.is_safe()), a.is_safe());
  }
  check_defined(b);
  unsupported("%", a, b);
}

Value pow(const Value& a, const Value& b) {
  if (is_intlike(a) && is_intlike(b) && b.as_int() >= 0) {
    int64_t base = a.as_int(), e = b.as_int(), r = 1;
    bool overflow = false;
    while (e > 0) {
      if (e & 1) overflow |= __builtin_mul_overflow(r, base, &r);
      e >>= 1;
      if (e > 0) overflow |= __builtin_mul_overflow(base, base, &base);
    }
    return checked(r, overflow);
  }
  if (a.is_number() && b.is_number()) {
    double x = a.as_float(), y = b.as_float();
    if (x == 0 && y < 0) throw RuntimeError("0.0 cannot be raised to a negative power");
    return Value(std::pow(x, y));
  }
  check_defined(a);
  check_defined(b);
  unsupported("** or pow()", a, b);
}

Value binary(ast::BinOp op, const Value& a, const Value& b) {
  switch (op) {
    case ast::BinOp::Add:
      return add(a, b);
    case ast::BinOp::Sub:
      return sub(a, b);
    case ast::BinOp::Mul:
      return mul(a, b);
    case ast::BinOp::Div:
      return div(a, b);
    case ast::BinOp::FloorDiv:
      return floordiv(a, b);
    case ast::BinOp::Mod:
      return mod(a, b);
    case ast::BinOp::Pow:
      return pow(a, b);
    case ast::BinOp::And:
      return a.truthy() ? b : a;
    case ast::BinOp::Or:
      return a.truthy() ? a : b;
  }
  return Value();
}

Value neg(const Value& a) {
  if (is_intlike(a)) {
    if (a.as_int() == std::numeric_limits<int64_t>::min()) checked(0, true);
    return Value(-a.as_int());
  }
  if (a.is_float()) return Value(-a.as_float());
  check_defined(a);
  type_error("bad operand type for unary -: " + quoted(a.type_name()));
}

Value pos(const Value& a) {
  if (is_intlike(a)) return Value(a.as_int());
  if (a.is_float()) return a;
  check_defined(a);
  type_error("bad operand type for unary +: " + quoted(a.type_name()));
}

int order(const Value& a, const Value& b, std::string_view op) {
  if (a.is_number() && b.is_number()) {
    if (a.is_float() || b.is_float()) {
      double x = a.as_float(), y = b.as_float();
      if (!a.is_float() || !b.is_float()) {
        // int vs float: compare exactly
        if (!a.is_float()) return -order(b, a, op);
        int64_t i = b.as_int();
        if (std::isnan(x)) return 2;
        double fi = static_cast<double>(i);
        if (x < fi) return -1;
        if (x > fi) return 1;
        long double xi = static_cast<long double>(x), ii = static_cast<long double>(i);
        return xi < ii ? -1 : xi > ii ? 1 : 0;
      }
      if (std::isnan(x) || std::isnan(y)) return 2;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    int64_t x = a.as_int(), y = b.as_int();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  check_defined(a);
  check_defined(b);
  if (a.is_string() && b.is_string()) {
    int c = a.as_string().compare(b.as_string());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  if (a.is_list() && b.is_list() && a.is_tuple() == b.is_tuple()) {
    const auto& x = a.as_list();
    const auto& y = b.as_list();
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
      if (equals(x[i], y[i])) continue;
      return order(x[i], y[i], op);
    }
    return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
  }
  type_error("'" + std::string(op) + "' not supported between instances of " +
             quoted(a.type_name()) + " and " + quoted(b.type_name()));
}

bool compare(ast::CmpOp op, const Value& a, const Value& b) {
  using C = ast::CmpOp;
  switch (op) {
    case C::Eq:
      return equals(a, b);
    case C::Ne:
      return !equals(a, b);
    case C::Lt:
      return order(a, b, "<") == -1;
    case C::LtEq: {
      int r = order(a, b, "<=");
      return r == -1 || r == 0;
    }
    case C::Gt:
      return order(a, b, ">") == 1;
    case C::GtEq: {
      int r = order(a, b, ">=");
      return r == 1 || r == 0;
    }
    case C::In:
      return contains(b, a);
    case C::NotIn:
      return !contains(b, a);
  }
  return false;
}

bool contains(const Value& container, const Value& item) {
  switch (container.kind()) {
    case Value::Kind::String:
      if (!item.is_string()) {
        check_defined(item);
        type_error("'in <string>' requires string as left operand, not " +
                   std::string(item.type_name()));
      }
      return container.as_string().find(item.as_string()) != std::string_view::npos;
    case Value::Kind::List:
      for (const Value& v : container.as_list()) {
        if (equals(v, item)) return true;
      }
      return false;
    case Value::Kind::Dict:
      return container.as_dict().contains(item);
    case Value::Kind::Undefined:
      return false;
    case Value::Kind::Object: {
      Object* o = container.as_object();
      if (o->is_mapping()) return !o->item(item).is_missing();
      if (o->is_iterable()) {
        for (const Value& v : o->items()) {
          if (equals(v, item)) return true;
        }
        return false;
      }
      break;
    }
    default:
      break;
  }
  type_error("argument of type " + quoted(container.type_name()) + " is not iterable");
}

namespace {

bool is_dict_method(std::string_view n) {
  return n == "items" || n == "keys" || n == "values" || n == "get" || n == "copy" || n == "pop" ||
         n == "popitem" || n == "setdefault" || n == "update" || n == "clear" || n == "fromkeys";
}

/// Python's index normalisation: negative counts from the end; false when out of range.
bool normalise_index(int64_t& i, size_t size) {
  if (i < 0) i += static_cast<int64_t>(size);
  return i >= 0 && i < static_cast<int64_t>(size);
}

}  // namespace

Value getattr(const Value& obj, std::string_view name, uint64_t hash) {
  switch (obj.kind()) {
    case Value::Kind::Dict: {
      if (is_dict_method(name)) return bound_method(obj, name);
      const Value* v = obj.as_dict().find(name, hash);
      if (v) return *v;
      break;
    }
    case Value::Kind::Object: {
      Value v = obj.as_object()->attribute(name);
      if (!v.is_missing()) return v;
      v = obj.as_object()->item(Value(name));
      if (!v.is_missing()) return v;
      break;
    }
    case Value::Kind::Undefined:
      fail_undefined(obj);
    case Value::Kind::String:
    case Value::Kind::List: {
      if (obj.flavor() == ListFlavor::GroupTuple) {
        if (name == "grouper") return obj.as_list()[0];
        if (name == "list") return obj.as_list()[1];
      }
      Value m = bound_method(obj, name);
      if (!m.is_missing()) return m;
      break;
    }
    default:
      break;
  }
  return Value::undefined_member(obj, Value(name));
}

Value getattr(const Value& obj, std::string_view name) {
  return getattr(obj, name, Dict::hash_string(name));
}

Value getitem(const Value& obj, const Value& key) {
  switch (obj.kind()) {
    case Value::Kind::List:
      if (key.is_int() || key.is_bool()) {
        int64_t i = key.as_int();
        const auto& items = obj.as_list();
        if (normalise_index(i, items.size())) return items[static_cast<size_t>(i)];
        return Value::undefined_member(obj, key);
      }
      break;
    case Value::Kind::Dict: {
      const Value* v = obj.as_dict().find(key);
      if (v) return *v;
      break;
    }
    case Value::Kind::String:
      if (key.is_int() || key.is_bool()) {
        int64_t i = key.as_int();
        std::string_view s = obj.as_string();
        if (pystr::is_ascii(s)) {
          if (normalise_index(i, s.size()))
            return Value::string(s.substr(static_cast<size_t>(i), 1), obj.is_safe());
        } else {
          auto chars = pystr::chars(s);
          if (normalise_index(i, chars.size()))
            return Value::string(chars[static_cast<size_t>(i)], obj.is_safe());
        }
        return Value::undefined_member(obj, key);
      }
      break;
    case Value::Kind::Object: {
      Value v = obj.as_object()->item(key);
      if (!v.is_missing()) return v;
      return Value::undefined_member(obj, key);
    }
    case Value::Kind::Undefined:
      fail_undefined(obj);
    default:
      break;
  }
  if (key.is_string()) {
    std::string_view name = key.as_string();
    if (obj.is_dict() && is_dict_method(name)) return bound_method(obj, name);
    if (obj.is_string() || obj.is_list()) {
      Value m = bound_method(obj, name);
      if (!m.is_missing()) return m;
    }
  }
  return Value::undefined_member(obj, key);
}

namespace {

int64_t slice_bound(const Value& v) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  type_error("slice indices must be integers or None or have an __index__ method");
}

/// CPython's PySlice_AdjustIndices.
void adjust(int64_t length, int64_t& start, int64_t& stop, int64_t step, bool has_start,
            bool has_stop) {
  if (!has_start) {
    start = step < 0 ? length - 1 : 0;
  } else if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (!has_stop) {
    stop = step < 0 ? -1 : length;
  } else if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
}

}  // namespace

Value slice(const Value& obj, const Value& start_v, const Value& stop_v, const Value& step_v) {
  check_defined(obj);
  bool has_start = !start_v.is_none() && !start_v.is_undefined();
  bool has_stop = !stop_v.is_none() && !stop_v.is_undefined();
  int64_t step = (step_v.is_none() || step_v.is_undefined()) ? 1 : slice_bound(step_v);
  if (step == 0) throw RuntimeError("slice step cannot be zero");
  int64_t start = has_start ? slice_bound(start_v) : 0;
  int64_t stop = has_stop ? slice_bound(stop_v) : 0;
  if (obj.is_string()) {
    std::string_view s = obj.as_string();
    int64_t length = static_cast<int64_t>(pystr::length(s));
    adjust(length, start, stop, step, has_start, has_stop);
    return Value::string(pystr::slice(s, start, stop, step), obj.is_safe());
  }
  if (obj.is_list()) {
    const auto& items = obj.as_list();
    adjust(static_cast<int64_t>(items.size()), start, stop, step, has_start, has_stop);
    std::vector<Value> out;
    if (step > 0) {
      for (int64_t i = start; i < stop; i += step) out.push_back(items[static_cast<size_t>(i)]);
    } else {
      for (int64_t i = start; i > stop; i += step) out.push_back(items[static_cast<size_t>(i)]);
    }
    return obj.is_tuple() ? Value::tuple(std::move(out)) : Value(std::move(out));
  }
  if (obj.is_dict()) type_error("unhashable type: 'slice'");
  type_error(quoted(obj.type_name()) + " object is not subscriptable");
}

void iterate(const Value& v, std::vector<Value>& out) {
  switch (v.kind()) {
    case Value::Kind::List:
      out.insert(out.end(), v.as_list().begin(), v.as_list().end());
      return;
    case Value::Kind::Dict:
      for (const auto& e : v.as_dict()) out.push_back(e.first);
      return;
    case Value::Kind::String: {
      std::string_view s = v.as_string();
      for (size_t i = 0; i < s.size();) {
        size_t start = i;
        pystr::next(s, i);
        out.emplace_back(s.substr(start, i - start));
      }
      return;
    }
    case Value::Kind::Undefined:
      return;
    case Value::Kind::Object:
      if (v.as_object()->is_iterable() || v.as_object()->is_mapping()) {
        auto items = v.as_object()->items();
        out.insert(out.end(), items.begin(), items.end());
        return;
      }
      break;
    default:
      break;
  }
  type_error(quoted(v.type_name()) + " object is not iterable");
}

std::vector<Value> to_list(const Value& v) {
  if (v.is_list()) return v.as_list();
  std::vector<Value> out;
  iterate(v, out);
  return out;
}

bool is_iterable(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::List:
    case Value::Kind::Dict:
    case Value::Kind::String:
    case Value::Kind::Undefined:
      return true;
    case Value::Kind::Object:
      return v.as_object()->is_iterable() || v.as_object()->is_mapping();
    default:
      return false;
  }
}

int64_t length(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String:
    case Value::Kind::List:
    case Value::Kind::Dict:
    case Value::Kind::Undefined:
      return static_cast<int64_t>(v.size());
    case Value::Kind::Object:
      if (v.as_object()->has_length()) return static_cast<int64_t>(v.as_object()->length());
      break;
    default:
      break;
  }
  type_error("object of type " + quoted(v.type_name()) + " has no len()");
}

bool to_int(const Value& v, int64_t& out) {
  if (v.is_int() || v.is_bool()) {
    out = v.as_int();
    return true;
  }
  if (v.is_float()) {
    double d = v.as_float();
    if (!std::isfinite(d) || std::fabs(d) >= 9.2233720368547758e18) return false;
    out = static_cast<int64_t>(d);
    return true;
  }
  return false;
}

}  // namespace gongkai::tmpl::ops
