// Statements: what each tag does when rendered, in the order Jinja2's generated code does it.
#include "template/environment.hpp"
#include "template/markup.hpp"
#include "template/ops.hpp"
#include "template/render_scope.hpp"
#include "template/renderer.hpp"
#include "template/runtime_objects.hpp"
#include "template/small_vector.hpp"

namespace gongkai::tmpl {

using namespace ast;
using namespace render_scope;

void Renderer::release_captures() {
  for (auto& act : captured_acts_) {
    for (uint16_t i = 0; i < act->size; ++i) act->at(i) = Value();
    act->outer = Ref<Activation>();
  }
  for (auto& ctx : captured_ctxs_) {
    ctx->vars.clear();
    ctx->layers.clear();
    ctx->blocks.clear();
  }
  for (auto& ns : captured_namespaces_)
    static_cast<NamespaceObject*>(ns.as_object())->attrs = Dict();
  captured_acts_.clear();
  captured_ctxs_.clear();
  captured_namespaces_.clear();
}

void Renderer::fail(const Frame& f, uint32_t offset, std::string message) {
  throw RenderError{std::move(message), f.tmpl, offset, {}};
}

void Renderer::apply_enter(const FrameCode& code, Frame& f) {
  for (const LoadOp& op : code.enter) {
    Value& target = f.act->at(op.slot);
    switch (op.kind) {
      case LoadKind::Resolve:
        target = f.ctx->resolve(op.name, op.hash);
        break;
      case LoadKind::Alias:
        target = slot(op.source, f);
        break;
      case LoadKind::Missing:
        target = Value::missing();
        break;
    }
  }
}

void Renderer::apply_leave(const FrameCode& code, Frame& f) {
  for (uint16_t s : code.leave) f.act->at(s) = Value::missing();
}

void Renderer::exec(const Body& body, Frame& f) {
  for (const auto& s : body) exec(*s, f);
}

void Renderer::exec_output(const Output& n, Frame& f) {
  if (n.output_check && f.root && f.root->parent_template) return;
  for (const auto& part : n.parts) {
    if (!part.expr) {
      out_->append(part.text);
      continue;
    }
    const Expr& e = *part.expr;
    if (e.kind == ExprKind::Const) {
      write_value(static_cast<const Const&>(e).value);
    } else {
      write_value(eval(e, f));
    }
  }
}

void Renderer::write_value(const Value& v) {
  write_escaped_value(*out_, v, autoescape_);
}

void Renderer::assign(const Expr& target, const Value& value, Frame& f) {
  if (target.kind == ExprKind::Name) {
    slot(static_cast<const Name&>(target).ref, f) = value;
    return;
  }
  if (target.kind == ExprKind::NSRef) {
    const auto& n = static_cast<const NSRef&>(target);
    Value& ns = slot(n.ref, f);
    auto* obj = dynamic_cast<NamespaceObject*>(ns.as_object());
    if (!obj) fail(f, n.offset, "cannot assign attribute on non-namespace object");
    obj->attrs.set(n.attr, value);
    return;
  }
  const auto& items = static_cast<const Sequence&>(target).items;
  std::vector<Value> values;
  try {
    if (!ops::is_iterable(value) || value.is_undefined()) {
      if (value.is_undefined()) {
        values.clear();
      } else {
        throw RuntimeError("cannot unpack non-iterable " + std::string(value.type_name()) +
                           " object");
      }
    } else {
      values = ops::to_list(value);
    }
  } catch (const RuntimeError& e) {
    fail(f, target.offset, e.what());
  }
  if (values.size() < items.size()) {
    fail(f, target.offset,
         "not enough values to unpack (expected " + std::to_string(items.size()) + ", got " +
             std::to_string(values.size()) + ")");
  }
  if (values.size() > items.size()) {
    fail(f, target.offset,
         "too many values to unpack (expected " + std::to_string(items.size()) + ")");
  }
  for (size_t i = 0; i < items.size(); ++i) assign(*items[i], values[i], f);
}

void Renderer::export_vars(const std::vector<ContextExport>& exports, Frame& f) {
  for (const auto& e : exports) {
    f.ctx->set_var(e.name, slot(e.ref, f));
    if (e.name[0] != '_') f.ctx->add_exported(e.name);
  }
}

void Renderer::exec(const Stmt& s, Frame& f) {
  switch (s.kind) {
    case StmtKind::Output:
      exec_output(static_cast<const Output&>(s), f);
      return;
    case StmtKind::If: {
      const auto& n = static_cast<const If&>(s);
      for (const auto& b : n.branches) {
        if (eval(*b.test, f).truthy()) {
          exec(b.body, f);
          return;
        }
      }
      exec(n.else_body, f);
      return;
    }
    case StmtKind::For:
      exec_for(static_cast<const For&>(s), f);
      return;
    case StmtKind::Macro: {
      const auto& n = static_cast<const Macro&>(s);
      capture(f.act, f.ctx);
      Value m = make_object<MacroObject>(n.code, Ref<Activation>::share(f.act),
                                         Ref<Context>::share(f.ctx), *f.tmpl, autoescape_);
      if (n.toplevel) {
        if (n.code.name[0] != '_') f.ctx->add_exported(n.code.name);
        f.ctx->set_var(n.code.name, m);
      }
      slot(n.target, f) = std::move(m);
      return;
    }
    case StmtKind::CallBlock:
      exec_call_block(static_cast<const CallBlock&>(s), f);
      return;
    case StmtKind::FilterBlock: {
      const auto& n = static_cast<const FilterBlock&>(s);
      apply_enter(n.frame, f);
      std::string buffer;
      {
        OutputScope scope(out_, &buffer);
        exec(n.body, f);
      }
      Value content = Value::string(buffer, autoescape_);
      Value result = apply_block_filters(*n.filter, content, f);
      result.append_str(*out_);
      apply_leave(n.frame, f);
      return;
    }
    case StmtKind::With: {
      const auto& n = static_cast<const With&>(s);
      apply_enter(n.frame, f);
      for (size_t i = 0; i < n.targets.size(); ++i) assign(*n.targets[i], eval(*n.values[i], f), f);
      exec(n.body, f);
      apply_leave(n.frame, f);
      return;
    }
    case StmtKind::Assign: {
      const auto& n = static_cast<const Assign&>(s);
      if (n.target->kind == ExprKind::NSRef) {
        const auto& ns = static_cast<const NSRef&>(*n.target);
        if (!dynamic_cast<NamespaceObject*>(slot(ns.ref, f).as_object())) {
          fail(f, ns.offset, "cannot assign attribute on non-namespace object");
        }
      }
      assign(*n.target, eval(*n.value, f), f);
      export_vars(n.exports, f);
      return;
    }
    case StmtKind::AssignBlock: {
      const auto& n = static_cast<const AssignBlock&>(s);
      apply_enter(n.frame, f);
      std::string buffer;
      {
        OutputScope scope(out_, &buffer);
        exec(n.body, f);
      }
      Value value = Value::string(buffer, autoescape_);
      if (n.filter) value = apply_block_filters(*n.filter, value, f);
      if (autoescape_ && !value.is_safe()) value = Value::markup(value.str());
      assign(*n.target, value, f);
      export_vars(n.exports, f);
      apply_leave(n.frame, f);
      return;
    }
    case StmtKind::Block:
      exec_block(static_cast<const Block&>(s), f);
      return;
    case StmtKind::Extends:
      exec_extends(static_cast<const Extends&>(s), f);
      return;
    case StmtKind::Include:
      exec_include(static_cast<const Include&>(s), f);
      return;
    case StmtKind::Import:
      exec_import(static_cast<const Import&>(s), f);
      return;
    case StmtKind::FromImport:
      exec_from_import(static_cast<const FromImport&>(s), f);
      return;
    case StmtKind::Autoescape: {
      const auto& n = static_cast<const Autoescape&>(s);
      apply_enter(n.frame, f);
      bool value = eval(*n.value, f).truthy();
      {
        FlagScope flag(autoescape_, value);
        exec(n.body, f);
      }
      apply_leave(n.frame, f);
      return;
    }
  }
}
// ---- loops ----

std::vector<Value> Renderer::filter_items(const For& n, const std::vector<Value>& items,
                                          const Frame& f) {
  Ref<Activation> act = Activation::make(n.test_fn.slot_count, Ref<Activation>::share(f.act));
  Frame tf{act.get(), f.ctx, f.tmpl, f.root};
  apply_enter(n.test_fn.frame, tf);
  std::vector<Value> out;
  for (const Value& item : items) {
    assign(*n.test_target, item, tf);
    if (!eval(*n.test, tf).truthy()) continue;
    // Jinja2's filter generator yields the target again: a tuple target re-packs as a tuple.
    if (n.test_target->kind == ExprKind::Name) {
      out.push_back(item);
    } else {
      std::function<Value(const Expr&)> pack = [&](const Expr& t) -> Value {
        if (t.kind == ExprKind::Name) return slot(static_cast<const Name&>(t).ref, tf);
        std::vector<Value> parts;
        for (const auto& i : static_cast<const Sequence&>(t).items) parts.push_back(pack(*i));
        return Value::tuple(std::move(parts));
      };
      out.push_back(pack(*n.test_target));
    }
  }
  return out;
}

void Renderer::run_loop(const For& n, const Value& items_value, Frame& lf, int64_t depth,
                        const Frame& outer) {
  const auto& items = items_value.as_list();
  Value loop_value;
  LoopObject* loop = nullptr;
  if (n.loop_slot >= 0) {
    loop_value = make_object<LoopObject>(items_value, depth);
    loop = static_cast<LoopObject*>(loop_value.as_object());
    if (n.recursive) {
      loop->node = &n;
      capture(outer.act, outer.ctx);
      loop->outer_act = Ref<Activation>::share(outer.act);
      loop->outer_ctx = Ref<Context>::share(outer.ctx);
      loop->outer_tmpl = outer.tmpl;
      loop->outer_root = outer.root;
    }
  }
  bool iterated = false;
  for (size_t i = 0; i < items.size(); ++i) {
    if (loop) loop->index0 = static_cast<int64_t>(i);
    assign(*n.target, items[i], lf);
    if (loop) lf.act->at(static_cast<uint16_t>(n.loop_slot)) = loop_value;
    apply_enter(n.loop_frame, lf);
    exec(n.body, lf);
    iterated = true;
  }
  if (n.leave_loop_frame) apply_leave(n.loop_frame, lf);
  if (!n.else_body.empty() && !iterated) {
    apply_enter(n.else_frame, lf);
    exec(n.else_body, lf);
    apply_leave(n.else_frame, lf);
  }
}

Value Renderer::run_loop_function(const For& n, const Value& items, const Frame& outer,
                                  int64_t depth) {
  DepthGuard guard(depth_);
  if (depth_ > kMaxDepth) fail(outer, n.offset, "maximum recursion depth exceeded");
  Ref<Activation> act =
      Activation::make(n.recursive_fn.slot_count, Ref<Activation>::share(outer.act));
  Frame lf{act.get(), outer.ctx, outer.tmpl, outer.root};
  std::string buffer;
  {
    OutputScope scope(out_, &buffer);
    run_loop(n, items, lf, depth, outer);
  }
  return Value::string(buffer, autoescape_);
}

void Renderer::exec_for(const For& n, Frame& f) {
  Value iterable = eval(*n.iter, f);
  Value items;
  try {
    if (iterable.is_list() && !n.test) {
      items = iterable;
    } else {
      items = Value(ops::to_list(iterable));
    }
  } catch (const RuntimeError& e) {
    fail(f, n.iter->offset, e.what());
  }
  if (n.test) items = Value(filter_items(n, items.as_list(), f));
  if (n.recursive) {
    write_value(run_loop_function(n, items, f, 0));
    return;
  }
  run_loop(n, items, f, 0, f);
}

Value Renderer::call_loop(const LoopObject& loop, const Value& iterable) {
  Frame outer{loop.outer_act.get(), loop.outer_ctx.get(), loop.outer_tmpl, loop.outer_root};
  std::vector<Value> items = ops::to_list(iterable);
  if (loop.node->test) items = filter_items(*loop.node, items, outer);
  return run_loop_function(*loop.node, Value(std::move(items)), outer, loop.depth0 + 1);
}

}  // namespace gongkai::tmpl
