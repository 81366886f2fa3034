// Template inheritance and composition: blocks, extends, include, import, loading.
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
  if (depth_ > kMaxDepth) {
    throw RenderError{
        "maximum recursion depth exceeded (templates including or extending each other?)",
        &t,
        0,
        {}};
  }
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
