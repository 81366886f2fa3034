// Expressions: evaluation with Python semantics, calls, filters and tests, output escaping.
#include "template/environment.hpp"
#include "template/markup.hpp"
#include "template/methods.hpp"
#include "template/ops.hpp"
#include "template/pyformat.hpp"
#include "template/renderer.hpp"
#include "template/runtime_objects.hpp"
#include "template/small_vector.hpp"

namespace gongkai::tmpl {

using namespace ast;

namespace {

/// Evaluated call arguments, kept alive while the callee runs.
struct ArgBuffer {
  SmallVector<Value, 6> positional;
  SmallVector<Keyword, 3> keywords;
  Value keyword_source;  // a ** dict whose keys the keyword names point into
  Args args() const {
    return Args{{positional.data(), positional.size()}, {keywords.data(), keywords.size()}};
  }
};

/// Where an error in this expression points.
uint32_t error_offset(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Binary:
      return static_cast<const Binary&>(e).op_offset;
    case ExprKind::Compare: {
      const auto& c = static_cast<const Compare&>(e);
      return c.ops.empty() ? e.offset : c.ops.front().offset;
    }
    case ExprKind::Getattr:
      return static_cast<const Getattr&>(e).attr_offset;
    default:
      return e.offset;
  }
}

}  // namespace

void write_escaped_value(std::string& out, const Value& v, bool autoescape) {
  switch (v.kind()) {
    case Value::Kind::String:
      if (autoescape && !v.is_safe()) {
        append_escaped(out, v.as_string());
      } else {
        out.append(v.as_string());
      }
      return;
    case Value::Kind::Int:
      pyformat::append_int(out, v.as_int());
      return;
    case Value::Kind::Undefined:
      return;
    case Value::Kind::Object:
      if (v.as_object()->is_safe() || !autoescape) {
        v.as_object()->str(out);
      } else {
        std::string s;
        v.as_object()->str(s);
        append_escaped(out, s);
      }
      return;
    default: {
      if (!autoescape) {
        v.append_str(out);
        return;
      }
      std::string s;
      v.append_str(s);
      append_escaped(out, s);
      return;
    }
  }
}

static void build_args(Renderer& r, const CallArgs& a, Frame& f, ArgBuffer& buf) {
  for (const auto& x : a.args) buf.positional.push_back(r.eval(*x, f));
  for (const auto& [k, v] : a.kwargs) buf.keywords.push_back({k, r.eval(*v, f)});
  if (a.dyn_args) {
    Value extra = r.eval(*a.dyn_args, f);
    for (Value& v : ops::to_list(extra)) buf.positional.push_back(std::move(v));
  }
  if (a.dyn_kwargs) {
    buf.keyword_source = r.eval(*a.dyn_kwargs, f);
    if (!buf.keyword_source.is_dict()) {
      throw RuntimeError("argument after ** must be a mapping, not " +
                         std::string(buf.keyword_source.type_name()));
    }
    for (const auto& [k, v] : buf.keyword_source.as_dict()) {
      if (!k.is_string()) throw RuntimeError("keywords must be strings");
      buf.keywords.push_back({k.as_string(), v});
    }
  }
}

Value Renderer::eval(const Expr& e, Frame& f) {
  switch (e.kind) {
    case ExprKind::Const:
      return static_cast<const Const&>(e).value;
    case ExprKind::Name: {
      const auto& n = static_cast<const Name&>(e);
      const Value& v = slot(n.ref, f);
      if (v.is_missing()) return n.undefined;
      return v;
    }
    default:
      break;
  }
  try {
    return eval_inner(e, f);
  } catch (const RuntimeError& err) {
    fail(f, error_offset(e), err.what());
  }
}

Value Renderer::eval_inner(const Expr& e, Frame& f) {
  switch (e.kind) {
    case ExprKind::Tuple:
    case ExprKind::List: {
      const auto& s = static_cast<const Sequence&>(e);
      std::vector<Value> items;
      items.reserve(s.items.size());
      for (const auto& item : s.items) items.push_back(eval(*item, f));
      return e.kind == ExprKind::Tuple ? Value::tuple(std::move(items)) : Value(std::move(items));
    }
    case ExprKind::Dict: {
      Dict d;
      for (const auto& [k, v] : static_cast<const DictExpr&>(e).items) {
        Value key = eval(*k, f);
        d.set(std::move(key), eval(*v, f));
      }
      return Value(std::move(d));
    }
    case ExprKind::Binary: {
      const auto& b = static_cast<const Binary&>(e);
      Value left = eval(*b.left, f);
      if (b.op == BinOp::And) return left.truthy() ? eval(*b.right, f) : left;
      if (b.op == BinOp::Or) return left.truthy() ? left : eval(*b.right, f);
      Value right = eval(*b.right, f);
      return ops::binary(b.op, left, right);
    }
    case ExprKind::Unary: {
      const auto& u = static_cast<const Unary&>(e);
      Value v = eval(*u.operand, f);
      switch (u.op) {
        case UnOp::Not:
          return Value(!v.truthy());
        case UnOp::Neg:
          return ops::neg(v);
        case UnOp::Pos:
          return ops::pos(v);
      }
      return Value();
    }
    case ExprKind::Concat:
      return eval_concat(static_cast<const Concat&>(e), f);
    case ExprKind::Compare: {
      const auto& c = static_cast<const Compare&>(e);
      Value left = eval(*c.first, f);
      for (const auto& op : c.ops) {
        Value right = eval(*op.expr, f);
        if (!ops::compare(op.op, left, right)) return Value(false);
        left = std::move(right);
      }
      return Value(true);
    }
    case ExprKind::CondExpr: {
      const auto& c = static_cast<const CondExpr&>(e);
      if (eval(*c.test, f).truthy()) return eval(*c.then, f);
      if (c.otherwise) return eval(*c.otherwise, f);
      auto line = f.tmpl->source.locate(c.offset).line;
      return Value::undefined_hint("the inline if-expression on line " + std::to_string(line) +
                                   " in '" + f.tmpl->name +
                                   "' evaluated to false and no else section was defined.");
    }
    case ExprKind::Getattr: {
      const auto& g = static_cast<const Getattr&>(e);
      Value obj = eval(*g.object, f);
      return ops::getattr(obj, g.attr, g.hash);
    }
    case ExprKind::Getitem: {
      const auto& g = static_cast<const Getitem&>(e);
      Value obj = eval(*g.object, f);
      if (g.index->kind == ExprKind::Slice) {
        const auto& s = static_cast<const Slice&>(*g.index);
        Value none = Value::none();
        Value start = s.start ? eval(*s.start, f) : none;
        Value stop = s.stop ? eval(*s.stop, f) : none;
        Value step = s.step ? eval(*s.step, f) : none;
        return ops::slice(obj, start, stop, step);
      }
      return ops::getitem(obj, eval(*g.index, f));
    }
    case ExprKind::Call:
      return eval_call(static_cast<const Call&>(e), f, nullptr);
    case ExprKind::Filter: {
      const auto& n = static_cast<const FilterExpr&>(e);
      Value operand = eval(*n.operand, f);
      return eval_filter(n, operand, f);
    }
    case ExprKind::Test:
      return Value(eval_test(static_cast<const TestExpr&>(e), f));
    case ExprKind::Slice:
      throw RuntimeError("a slice is only valid inside [ ]");
    case ExprKind::NSRef:
      throw RuntimeError("a namespace attribute can only be assigned");
    default:
      return eval(e, f);
  }
}

Value Renderer::eval_concat(const Concat& n, Frame& f) {
  std::vector<Value> parts;
  parts.reserve(n.parts.size());
  bool any_safe = false;
  for (const auto& p : n.parts) {
    parts.push_back(eval(*p, f));
    const Value& v = parts.back();
    if (v.is_safe() || (v.is_object() && v.as_object()->is_safe())) any_safe = true;
  }
  std::string out;
  if (autoescape_ && any_safe) {
    // markup_join: Markup("").join(…) escapes every part that is not already safe
    for (const Value& v : parts) {
      bool safe = v.is_safe() || (v.is_object() && v.as_object()->is_safe());
      if (safe) {
        v.append_str(out);
      } else {
        std::string s;
        v.append_str(s);
        append_escaped(out, s);
      }
    }
    return Value::markup(out);
  }
  for (const Value& v : parts) v.append_str(out);
  return Value(out);
}

Value Renderer::eval_call(const Call& n, Frame& f, const Value* caller) {
  if (n.callee->kind == ExprKind::Getattr && !caller) {
    // obj.method(…): call the method directly instead of building a bound method first
    const auto& g = static_cast<const Getattr&>(*n.callee);
    Value self = eval(*g.object, f);
    if (self.is_string() || self.is_dict() || self.is_list() || self.is_object()) {
      ArgBuffer buf;
      build_args(*this, n.args, f, buf);
      Value out;
      bool done = self.is_object() ? self.as_object()->call_method(*this, g.attr, buf.args(), out)
                                   : call_method(*this, self, g.attr, buf.args(), out);
      if (done) return out;
      Value callee = ops::getattr(self, g.attr, g.hash);
      try {
        return call(callee, buf.args());
      } catch (RenderError& err) {
        err.chain.push_back({f.tmpl, n.offset});
        throw;
      }
    }
    Value callee = ops::getattr(self, g.attr, g.hash);
    ArgBuffer buf;
    build_args(*this, n.args, f, buf);
    return call(callee, buf.args());
  }
  Value callee = eval(*n.callee, f);
  ArgBuffer buf;
  build_args(*this, n.args, f, buf);
  if (caller) {
    // Jinja2 passes caller after the written keywords and before **kwargs
    size_t at = buf.keywords.size();
    if (n.args.dyn_kwargs) at -= buf.keyword_source.as_dict().size();
    buf.keywords.insert(at, Keyword{"caller", *caller});
  }
  try {
    return call(callee, buf.args());
  } catch (RenderError& err) {
    err.chain.push_back({f.tmpl, n.offset});
    throw;
  }
}

Value Renderer::call(const Value& callee, const Args& args) {
  if (callee.is_object() && callee.as_object()->is_callable()) {
    return callee.as_object()->call(*this, args);
  }
  ops::check_defined(callee);
  throw RuntimeError("'" + std::string(callee.type_name()) + "' object is not callable");
}

Value Renderer::eval_filter(const FilterExpr& n, const Value& operand, Frame& f) {
  try {
    if (!n.filter) throw RuntimeError("No filter named '" + n.name + "' found.");
    ArgBuffer buf;
    build_args(*this, n.args, f, buf);
    return n.filter->fn(*this, operand, buf.args());
  } catch (const RuntimeError& err) {
    fail(f, n.offset, err.what());
  }
}

Value Renderer::apply_block_filters(const FilterExpr& n, const Value& content, Frame& f) {
  if (!n.operand) return eval_filter(n, content, f);
  // `{% filter a|b %}` is b(a(content)): the innermost filter has no operand
  Value inner = apply_block_filters(static_cast<const FilterExpr&>(*n.operand), content, f);
  return eval_filter(n, inner, f);
}

bool Renderer::eval_test(const TestExpr& n, Frame& f) {
  Value operand = eval(*n.operand, f);
  if (!n.test) throw RuntimeError("No test named '" + n.name + "' found.");
  ArgBuffer buf;
  build_args(*this, n.args, f, buf);
  return n.test->fn(*this, operand, buf.args());
}

Value Renderer::call_filter(std::string_view name, const Value& value, const Args& rest) {
  const FilterEntry* entry = env_.registry().filter(name);
  if (!entry) throw RuntimeError("No filter named '" + std::string(name) + "'.");
  return entry->fn(*this, value, rest);
}

bool Renderer::call_test(std::string_view name, const Value& value, const Args& rest) {
  const TestEntry* entry = env_.registry().test(name);
  if (!entry) throw RuntimeError("No test named '" + std::string(name) + "'.");
  return entry->fn(*this, value, rest);
}

bool Renderer::has_filter(std::string_view name) const {
  return env_.registry().filter(name) != nullptr;
}
bool Renderer::has_test(std::string_view name) const {
  return env_.registry().test(name) != nullptr;
}

}  // namespace gongkai::tmpl
