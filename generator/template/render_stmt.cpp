// Statements: what each tag does when rendered, in the order Jinja2's generated code does it.
#include "template/environment.hpp"
#include "template/markup.hpp"
#include "template/ops.hpp"
#include "template/renderer.hpp"
#include "template/runtime_objects.hpp"
#include "template/small_vector.hpp"

namespace gongkai::tmpl {

using namespace ast;

namespace {

/// Restores the output target and the autoescape setting when a scope ends (also on errors).
struct OutputScope {
  std::string*& slot;
  std::string* saved;
  OutputScope(std::string*& s, std::string* replacement) : slot(s), saved(s) { slot = replacement; }
  ~OutputScope() { slot = saved; }
};

struct FlagScope {
  bool& slot;
  bool saved;
  FlagScope(bool& s, bool value) : slot(s), saved(s) { slot = value; }
  ~FlagScope() { slot = saved; }
};

constexpr int kMaxDepth = 200;

struct DepthGuard {
  int& depth;
  explicit DepthGuard(int& d) : depth(d) { ++depth; }
  ~DepthGuard() { --depth; }
};

/// Adds a site to an error leaving a nested template or call.
template <typename F>
void with_site(const Frame& f, uint32_t offset, F&& body) {
  try {
    body();
  } catch (RenderError& e) {
    e.chain.push_back({f.tmpl, offset});
    throw;
  }
}

}  // namespace

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

// ---- macros and call blocks ----

void Renderer::exec_call_block(const CallBlock& n, Frame& f) {
  capture(f.act, f.ctx);
  Value caller = make_object<MacroObject>(n.code, Ref<Activation>::share(f.act),
                                          Ref<Context>::share(f.ctx), *f.tmpl, autoescape_);
  Value result = eval_call(*n.call, f, &caller);
  result.append_str(*out_);
}

Value Renderer::call_macro(const MacroObject& m, const Args& args) {
  // Jinja2's Macro.__call__: positional arguments first, then parameters by keyword, then the
  // special caller, kwargs and varargs.
  const MacroCode& code = m.code;
  size_t argc = code.params.size();
  DepthGuard guard(depth_);
  if (depth_ > kMaxDepth) throw RuntimeError("maximum recursion depth exceeded");
  Ref<Activation> act = Activation::make(code.fn.slot_count, m.closure);
  SmallVector<char, 8> used;
  for (size_t i = 0; i < args.keywords.size(); ++i) used.push_back(0);
  auto pop_keyword = [&](std::string_view name) -> const Value* {
    for (size_t i = 0; i < args.keywords.size(); ++i) {
      if (!used[i] && args.keywords[i].name == name) {
        used[i] = 1;
        return &args.keywords[i].value;
      }
    }
    return nullptr;
  };
  size_t given = std::min(args.positional.size(), argc);
  for (size_t i = 0; i < given; ++i) act->at(code.params[i].slot) = args.positional[i];
  bool found_caller = false;
  if (given != argc) {
    for (size_t i = given; i < argc; ++i) {
      if (const Value* v = pop_keyword(code.params[i].name)) act->at(code.params[i].slot) = *v;
      if (code.params[i].name == "caller") found_caller = true;
    }
  } else {
    found_caller = code.explicit_caller;
  }
  if (code.uses_caller && !found_caller) {
    const Value* v = pop_keyword("caller");
    act->at(code.caller_slot) = v ? *v : Value::undefined_hint("No caller defined");
  }
  Dict kwargs;
  bool has_extra = false;
  std::string_view first_extra;
  bool extra_caller = false;
  for (size_t i = 0; i < args.keywords.size(); ++i) {
    if (used[i]) continue;
    if (code.catch_kwargs) {
      kwargs.set(args.keywords[i].name, args.keywords[i].value);
    } else {
      if (!has_extra) first_extra = args.keywords[i].name;
      has_extra = true;
      if (args.keywords[i].name == "caller") extra_caller = true;
    }
  }
  if (has_extra) {
    if (extra_caller) {
      throw RuntimeError("macro '" + code.name +
                         "' was invoked with two values for the special caller argument. This is "
                         "most likely a bug.");
    }
    throw RuntimeError("macro '" + code.name + "' takes no keyword argument '" +
                       std::string(first_extra) + "'");
  }
  if (args.positional.size() > argc && !code.catch_varargs) {
    throw RuntimeError("macro '" + code.name + "' takes not more than " + std::to_string(argc) +
                       " argument(s)");
  }
  if (code.catch_kwargs) act->at(code.kwargs_slot) = Value(std::move(kwargs));
  if (code.catch_varargs) {
    std::vector<Value> varargs;
    if (args.positional.size() > argc)
      varargs.assign(args.positional.begin() + argc, args.positional.end());
    act->at(code.varargs_slot) = Value::tuple(std::move(varargs));
  }
  Frame mf{act.get(), m.ctx.get(), &m.tmpl, nullptr};
  bool caller_autoescape = autoescape_;
  std::string buffer = take_buffer();
  {
    OutputScope scope(out_, &buffer);
    FlagScope flag(autoescape_, m.autoescape);
    apply_enter(code.fn.frame, mf);
    size_t first_default = argc - code.defaults.size();
    for (size_t i = 0; i < argc; ++i) {
      Value& p = act->at(code.params[i].slot);
      if (!p.is_missing()) continue;
      if (i >= first_default) {
        p = eval(*code.defaults[i - first_default], mf);
      } else {
        p = Value::undefined_hint("parameter '" + code.params[i].name + "' was not provided");
      }
    }
    exec(code.body, mf);
  }
  Value result = Value::string(buffer, caller_autoescape);
  give_buffer(std::move(buffer));
  return result;
}

// ---- blocks and template inheritance ----

void Renderer::render_block(const BlockRef& block, const Ref<Context>& ctx) {
  const BlockCode& code = *block.code;
  DepthGuard guard(depth_);
  Ref<Activation> act = Activation::make(code.fn.slot_count, Ref<Activation>());
  if (code.self_slot >= 0)
    act->at(static_cast<uint16_t>(code.self_slot)) = make_object<TemplateReference>(ctx);
  if (code.super_slot >= 0) {
    Value super = Value::undefined_hint("there is no parent block called '" + code.name + "'.");
    if (auto* stack = ctx->block_stack(code.name)) {
      for (size_t i = 0; i < stack->size(); ++i) {
        if ((*stack)[i] == block && i + 1 < stack->size()) {
          super = make_object<BlockReference>(code.name, ctx, i + 1);
        }
      }
    }
    act->at(static_cast<uint16_t>(code.super_slot)) = super;
  }
  Frame bf{act.get(), ctx.get(), block.tmpl, nullptr};
  FlagScope flag(autoescape_, block.tmpl->autoescape);
  apply_enter(code.fn.frame, bf);
  exec(code.node->body, bf);
}

Value Renderer::render_block_value(const BlockRef& block, const Ref<Context>& ctx) {
  std::string buffer;
  {
    OutputScope scope(out_, &buffer);
    render_block(block, ctx);
  }
  return Value::string(buffer, autoescape_);
}

void Renderer::exec_block(const Block& n, Frame& f) {
  if (n.skip) return;
  if (n.output_check && f.root && f.root->parent_template) return;
  Ref<Context> ctx = Ref<Context>::share(f.ctx);
  if (n.scoped) {
    Ref<Context> derived = new_context(*f.ctx->tmpl, layers_of(ctx, locals_dict(n.locals, f)));
    derived->blocks = f.ctx->blocks;
    ctx = derived;
  }
  auto* stack = ctx->block_stack(n.name);
  if (n.required && (!stack || stack->size() <= 1)) {
    fail(f, n.offset, "Required block '" + n.name + "' not found");
  }
  if (!stack || stack->empty()) fail(f, n.offset, "no block named '" + n.name + "'");
  BlockRef top = stack->front();
  with_site(f, n.offset, [&] { render_block(top, ctx); });
}

void Renderer::exec_extends(const Extends& n, Frame& f) {
  if (f.root && f.root->parent_template) fail(f, n.offset, "extended multiple times");
  Value name = eval(*n.name, f);
  const CompiledTemplate& parent = load(name, f, n.offset, nullptr);
  for (const auto& b : parent.blocks) {
    auto* stack = f.ctx->block_stack(b.name);
    if (!stack) {
      f.ctx->blocks.emplace_back(b.name, std::vector<BlockRef>{});
      stack = &f.ctx->blocks.back().second;
    }
    stack->push_back({&parent, &b});
  }
  if (f.root) {
    f.root->parent_template = &parent;
    f.root->extends_offset = n.offset;
  }
}

void Renderer::render_root(const CompiledTemplate& t, const Ref<Context>& ctx) {
  DepthGuard guard(depth_);
  if (depth_ > kMaxDepth) throw RuntimeError("maximum recursion depth exceeded");
  Ref<Activation> act = Activation::make(t.root.slot_count, Ref<Activation>());
  if (t.self_slot >= 0)
    act->at(static_cast<uint16_t>(t.self_slot)) = make_object<TemplateReference>(ctx);
  Frame rf{act.get(), ctx.get(), &t, act.get()};
  {
    FlagScope flag(autoescape_, t.autoescape);
    apply_enter(t.root.frame, rf);
    exec(t.body, rf);
  }
  if (const CompiledTemplate* parent = act->parent_template) {
    with_site(rf, act->extends_offset, [&] { render_root(*parent, ctx); });
  }
}

// ---- include and import ----

Value Renderer::locals_dict(const LocalNames& names, Frame& f) {
  if (names.empty()) return Value();
  Dict d;
  for (const auto& [name, ref] : names) {
    const Value& v = slot(ref, f);
    if (!v.is_missing()) d.set(name, v);
  }
  return Value(std::move(d));
}

void Renderer::exec_include(const Include& n, Frame& f) {
  Value name = eval(*n.name, f);
  bool missing = false;
  const CompiledTemplate& t = load(name, f, n.offset, n.ignore_missing ? &missing : nullptr);
  if (missing) return;
  Ref<Context> ctx;
  if (n.with_context) {
    ctx = new_context(t, layers_of(Ref<Context>::share(f.ctx), locals_dict(n.locals, f)));
  } else {
    ctx = new_context(t, {Context::Layer{env_.globals_dict(), {}}});
  }
  with_site(f, n.offset, [&] { render_root(t, ctx); });
}

Value Renderer::make_module(const CompiledTemplate& t, const Ref<Context>& ctx, uint32_t site,
                            Frame& f) {
  std::string body;
  {
    OutputScope scope(out_, &body);
    with_site(f, site, [&] { render_root(t, ctx); });
  }
  std::vector<std::pair<std::string, Value>> exports;
  for (const auto& name : ctx->exported) {
    if (const Value* v = ctx->find_var(name, Dict::hash_string(name)))
      exports.emplace_back(name, *v);
  }
  return make_object<TemplateModule>(t.name, std::move(exports), std::move(body));
}

void Renderer::exec_import(const Import& n, Frame& f) {
  Value name = eval(*n.name, f);
  const CompiledTemplate& t = load(name, f, n.offset, nullptr);
  Ref<Context> ctx =
      n.with_context
          ? new_context(t, layers_of(Ref<Context>::share(f.ctx), locals_dict(n.locals, f)))
          : new_context(t, {Context::Layer{env_.globals_dict(), {}}});
  Value module = make_module(t, ctx, n.offset, f);
  slot(n.ref, f) = module;
  if (n.toplevel) {
    f.ctx->set_var(n.target, module);
    f.ctx->discard_exported(n.target);
  }
}

void Renderer::exec_from_import(const FromImport& n, Frame& f) {
  Value name = eval(*n.name, f);
  const CompiledTemplate& t = load(name, f, n.offset, nullptr);
  Ref<Context> ctx =
      n.with_context
          ? new_context(t, layers_of(Ref<Context>::share(f.ctx), locals_dict(n.locals, f)))
          : new_context(t, {Context::Layer{env_.globals_dict(), {}}});
  Value module = make_module(t, ctx, n.offset, f);
  auto* mod = static_cast<TemplateModule*>(module.as_object());
  for (const auto& item : n.names) {
    Value v = mod->attribute(item.name);
    if (v.is_missing()) {
      auto line = f.tmpl->source.locate(n.offset).line;
      v = Value::undefined_hint("the template '" + t.name + "' (imported on line " +
                                std::to_string(line) + " in '" + f.tmpl->name +
                                "') does not export the requested name '" + item.name + "'");
    }
    slot(item.ref, f) = v;
    if (n.toplevel) {
      f.ctx->set_var(item.alias, v);
      f.ctx->discard_exported(item.alias);
    }
  }
}

const CompiledTemplate& Renderer::load(const Value& name, Frame& f, uint32_t offset,
                                       bool* missing) {
  std::vector<std::string> names;
  if (name.is_list()) {
    for (const Value& v : name.as_list()) names.push_back(v.str());
  } else if (name.is_string()) {
    names.push_back(std::string(name.as_string()));
  } else {
    if (name.is_undefined()) fail(f, offset, name.undefined_message());
    fail(f, offset, "template name must be a string, not " + std::string(name.type_name()));
  }
  std::string last_error;
  for (const auto& n : names) {
    RenderError error;
    bool not_found = false;
    const CompiledTemplate* t = env_.load_template(n, &error, &not_found);
    if (t) return *t;
    if (!not_found) {
      // it exists but does not compile: report it where it is wrong, and where it was loaded
      error.chain.push_back({f.tmpl, offset});
      throw error;
    }
    last_error = error.message;
  }
  if (missing) {
    *missing = true;
    static const CompiledTemplate kNone;
    return kNone;
  }
  if (names.size() == 1) fail(f, offset, last_error);
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  fail(f, offset, "none of the templates given were found: " + list);
}

void Renderer::render_top(const CompiledTemplate& t, const Value& data) {
  std::vector<Context::Layer> layers;
  if (data.is_dict()) layers.push_back({data, {}});
  layers.push_back({env_.globals_dict(), {}});
  Ref<Context> ctx = new_context(t, std::move(layers));
  render_root(t, ctx);
}

}  // namespace gongkai::tmpl
