#include "template/fold.hpp"

#include "template/ops.hpp"
#include "template/registry.hpp"

namespace gongkai::tmpl {

namespace {

using namespace ast;

struct Impossible {};

/// Folding never calls back into templates: anything needing a renderer is not constant.
class ConstContext final : public CallContext {
 public:
  explicit ConstContext(bool autoescape) : autoescape_(autoescape) {}
  bool autoescape() const override { return autoescape_; }
  Value call(const Value&, const Args&) override { throw Impossible{}; }
  Value call_filter(std::string_view, const Value&, const Args&) override { throw Impossible{}; }
  bool call_test(std::string_view, const Value&, const Args&) override { throw Impossible{}; }
  bool has_filter(std::string_view) const override { throw Impossible{}; }
  bool has_test(std::string_view) const override { throw Impossible{}; }

 private:
  bool autoescape_;
};

/// Jinja2's has_safe_repr: only plain data may become a constant.
bool safe_repr(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::None:
    case Value::Kind::Bool:
    case Value::Kind::Int:
    case Value::Kind::Float:
    case Value::Kind::String:
      return true;
    case Value::Kind::List:
      if (v.flavor() != ListFlavor::List && v.flavor() != ListFlavor::Tuple) return false;
      for (const Value& item : v.as_list()) {
        if (!safe_repr(item)) return false;
      }
      return true;
    case Value::Kind::Dict:
      for (const auto& [k, x] : v.as_dict()) {
        if (!safe_repr(k) || !safe_repr(x)) return false;
      }
      return true;
    default:
      return false;
  }
}

const Value& constant(const ExprPtr& e) {
  if (!e || e->kind != ExprKind::Const) throw Impossible{};
  return static_cast<const Const&>(*e).value;
}

/// Evaluates call arguments that are all constant.
struct ConstArgs {
  std::vector<Value> positional;
  std::vector<Keyword> keywords;
  std::vector<std::string> names;  // storage for keyword names from a ** dict

  explicit ConstArgs(const CallArgs& a) {
    for (const auto& x : a.args) positional.push_back(constant(x));
    for (const auto& [k, v] : a.kwargs) keywords.push_back({k, constant(v)});
    if (a.dyn_args) {
      const Value& d = constant(a.dyn_args);
      if (!d.is_list()) throw Impossible{};
      positional.insert(positional.end(), d.as_list().begin(), d.as_list().end());
    }
    if (a.dyn_kwargs) {
      const Value& d = constant(a.dyn_kwargs);
      if (!d.is_dict()) throw Impossible{};
      names.reserve(d.as_dict().size());
      for (const auto& [k, v] : d.as_dict()) {
        if (!k.is_string()) throw Impossible{};
        names.emplace_back(k.as_string());
      }
      size_t i = 0;
      for (const auto& [k, v] : d.as_dict()) keywords.push_back({names[i++], v});
    }
  }
  Args args() const { return Args{positional, keywords}; }
};

Value evaluate(const Expr& e, bool autoescape) {
  switch (e.kind) {
    case ExprKind::Tuple:
    case ExprKind::List: {
      std::vector<Value> items;
      for (const auto& item : static_cast<const Sequence&>(e).items)
        items.push_back(constant(item));
      return e.kind == ExprKind::Tuple ? Value::tuple(std::move(items)) : Value(std::move(items));
    }
    case ExprKind::Dict: {
      Dict d;
      for (const auto& [k, v] : static_cast<const DictExpr&>(e).items)
        d.set(constant(k), constant(v));
      return Value(std::move(d));
    }
    case ExprKind::Binary: {
      const auto& b = static_cast<const Binary&>(e);
      return ops::binary(b.op, constant(b.left), constant(b.right));
    }
    case ExprKind::Unary: {
      const auto& u = static_cast<const Unary&>(e);
      const Value& v = constant(u.operand);
      switch (u.op) {
        case UnOp::Not:
          return Value(!v.truthy());
        case UnOp::Neg:
          return ops::neg(v);
        case UnOp::Pos:
          return ops::pos(v);
      }
      throw Impossible{};
    }
    case ExprKind::Concat: {
      std::string out;
      for (const auto& p : static_cast<const Concat&>(e).parts) constant(p).append_str(out);
      return Value(out);
    }
    case ExprKind::Compare: {
      const auto& c = static_cast<const Compare&>(e);
      Value value = constant(c.first);
      for (const auto& op : c.ops) {
        const Value& next = constant(op.expr);
        if (!ops::compare(op.op, value, next)) return Value(false);
        value = next;
      }
      return Value(true);
    }
    case ExprKind::CondExpr: {
      const auto& c = static_cast<const CondExpr&>(e);
      if (constant(c.test).truthy()) return constant(c.then);
      if (!c.otherwise) throw Impossible{};
      return constant(c.otherwise);
    }
    case ExprKind::Getattr: {
      const auto& g = static_cast<const Getattr&>(e);
      return ops::getattr(constant(g.object), g.attr, g.hash);
    }
    case ExprKind::Getitem: {
      const auto& g = static_cast<const Getitem&>(e);
      if (g.index->kind == ExprKind::Slice) {
        const auto& s = static_cast<const Slice&>(*g.index);
        Value none = Value::none();
        return ops::slice(constant(g.object), s.start ? constant(s.start) : none,
                          s.stop ? constant(s.stop) : none, s.step ? constant(s.step) : none);
      }
      return ops::getitem(constant(g.object), constant(g.index));
    }
    case ExprKind::Filter: {
      const auto& f = static_cast<const FilterExpr&>(e);
      if (!f.filter || !f.filter->foldable || !f.operand) throw Impossible{};
      const Value& operand = constant(f.operand);
      ConstArgs args(f.args);
      ConstContext cx(autoescape);
      return f.filter->fn(cx, operand, args.args());
    }
    case ExprKind::Test: {
      const auto& t = static_cast<const TestExpr&>(e);
      if (!t.test || !t.test->foldable) throw Impossible{};
      const Value& operand = constant(t.operand);
      ConstArgs args(t.args);
      ConstContext cx(autoescape);
      return Value(t.test->fn(cx, operand, args.args()));
    }
    default:
      throw Impossible{};
  }
}

}  // namespace

void fold_constant(ExprPtr& e, bool autoescape) {
  if (!e || e->kind == ExprKind::Const || e->kind == ExprKind::Name || e->kind == ExprKind::Call ||
      e->kind == ExprKind::Slice || e->kind == ExprKind::NSRef) {
    return;
  }
  try {
    Value v = evaluate(*e, autoescape);
    if (!safe_repr(v)) return;
    e = std::make_unique<Const>(e->offset, std::move(v));
  } catch (const Impossible&) {
  } catch (const RuntimeError&) {
  }
}

}  // namespace gongkai::tmpl
