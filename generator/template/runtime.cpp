#include "template/runtime.hpp"

#include "template/ops.hpp"
#include "template/pystr.hpp"
#include "template/runtime_objects.hpp"

namespace gongkai::tmpl {

// ---- Context ----

Value Context::resolve(std::string_view name, uint64_t hash) const {
  if (const Value* v = find_var(name, hash)) return *v;
  for (const Layer& layer : layers) {
    if (layer.vars_of) {
      if (const Value* v = layer.vars_of->find_var(name, hash)) return *v;
    } else if (const Value* v = layer.dict.as_dict().find(name, hash)) {
      return *v;
    }
  }
  return Value::missing();
}

void Context::set_var(std::string_view name, Value value) {
  uint64_t hash = Dict::hash_string(name);
  for (Var& v : vars) {
    if (v.hash == hash && v.name == name) {
      v.value = std::move(value);
      return;
    }
  }
  vars.push_back({std::string(name), hash, std::move(value)});
}

void Context::add_exported(std::string_view name) {
  for (const auto& e : exported) {
    if (e == name) return;
  }
  exported.emplace_back(name);
}

void Context::discard_exported(std::string_view name) {
  for (auto it = exported.begin(); it != exported.end(); ++it) {
    if (*it == name) {
      exported.erase(it);
      return;
    }
  }
}

std::vector<BlockRef>* Context::block_stack(std::string_view name) {
  for (auto& [n, stack] : blocks) {
    if (n == name) return &stack;
  }
  return nullptr;
}

Ref<Context> new_context(const CompiledTemplate& t, std::vector<Context::Layer> layers) {
  Ref<Context> ctx(new Context());
  ctx->tmpl = &t;
  ctx->layers = std::move(layers);
  for (const auto& b : t.blocks) ctx->blocks.emplace_back(b.name, std::vector<BlockRef>{{&t, &b}});
  return ctx;
}

std::vector<Context::Layer> layers_of(const Ref<Context>& ctx, Value locals) {
  std::vector<Context::Layer> layers;
  layers.reserve(ctx->layers.size() + 2);
  if (locals.is_dict() && !locals.as_dict().empty()) layers.push_back({std::move(locals), {}});
  if (!ctx->vars.empty()) layers.push_back({Value(), ctx});
  layers.insert(layers.end(), ctx->layers.begin(), ctx->layers.end());
  return layers;
}

// ---- runtime objects ----

Value MacroObject::call(CallContext& cx, const Args& args) {
  return static_cast<Renderer&>(cx).call_macro(*this, args);
}

Value MacroObject::attribute(std::string_view name) const {
  if (name == "name") return Value(code.name);
  if (name == "arguments") {
    std::vector<Value> names;
    for (const auto& p : code.params) names.emplace_back(p.name);
    return Value::tuple(std::move(names));
  }
  if (name == "catch_kwargs") return Value(code.catch_kwargs);
  if (name == "catch_varargs") return Value(code.catch_varargs);
  if (name == "caller") return Value(code.uses_caller);
  return Value::missing();
}

void MacroObject::repr(std::string& out) const {
  out += "<Macro ";
  pystr::append_repr(out, code.name);
  out += '>';
}

namespace {

/// `loop.cycle` and `loop.changed` as callables bound to the loop.
class LoopMethod final : public Object {
 public:
  LoopMethod(Value loop, bool cycle) : loop_(std::move(loop)), cycle_(cycle) {}
  std::string_view type_name() const override { return "method"; }
  bool is_callable() const override { return true; }
  Value call(CallContext&, const Args& args) override {
    auto* loop = static_cast<LoopObject*>(loop_.as_object());
    if (cycle_) {
      if (args.positional.empty()) throw RuntimeError("no items for cycling given");
      auto n = static_cast<int64_t>(args.positional.size());
      return args.positional[static_cast<size_t>(loop->index0 % n)];
    }
    Value current =
        Value::tuple(std::vector<Value>(args.positional.begin(), args.positional.end()));
    if (loop->last_changed.is_missing() || !equals(loop->last_changed, current)) {
      loop->last_changed = current;
      return Value(true);
    }
    return Value(false);
  }

 private:
  Value loop_;
  bool cycle_;
};

}  // namespace

Value LoopObject::attribute(std::string_view name) const {
  const auto& list = items.as_list();
  auto length = static_cast<int64_t>(list.size());
  if (name == "index") return Value(index0 + 1);
  if (name == "index0") return Value(index0);
  if (name == "length") return Value(length);
  if (name == "revindex") return Value(length - index0);
  if (name == "revindex0") return Value(length - index0 - 1);
  if (name == "first") return Value(index0 == 0);
  if (name == "last") return Value(index0 + 1 >= length);
  if (name == "depth") return Value(depth0 + 1);
  if (name == "depth0") return Value(depth0);
  if (name == "previtem") {
    if (index0 <= 0) return Value::undefined_hint("there is no previous item");
    return list[static_cast<size_t>(index0 - 1)];
  }
  if (name == "nextitem") {
    if (index0 + 1 >= length) return Value::undefined_hint("there is no next item");
    return list[static_cast<size_t>(index0 + 1)];
  }
  if (name == "cycle") return make_object<LoopMethod>(share_object(this), true);
  if (name == "changed") return make_object<LoopMethod>(share_object(this), false);
  return Value::missing();
}

Value LoopObject::cycle(const Args& args) const {
  if (args.positional.empty()) throw RuntimeError("no items for cycling given");
  auto n = static_cast<int64_t>(args.positional.size());
  return args.positional[static_cast<size_t>(index0 % n)];
}

bool LoopObject::changed(const Args& args) const {
  Value current = Value::tuple(std::vector<Value>(args.positional.begin(), args.positional.end()));
  if (last_changed.is_missing() || !equals(last_changed, current)) {
    last_changed = current;
    return true;
  }
  return false;
}

bool LoopObject::call_method(CallContext&, std::string_view name, const Args& args, Value& out) {
  if (name == "cycle") {
    out = cycle(args);
    return true;
  }
  if (name == "changed") {
    out = Value(changed(args));
    return true;
  }
  return false;
}

Value LoopObject::call(CallContext& cx, const Args& args) {
  if (!node)
    throw RuntimeError("The loop must have the 'recursive' marker to be called recursively.");
  if (args.positional.size() != 1 || !args.keywords.empty()) {
    throw RuntimeError("loop() takes exactly one argument");
  }
  return static_cast<Renderer&>(cx).call_loop(*this, args.positional[0]);
}

void LoopObject::repr(std::string& out) const {
  out += "<LoopContext ";
  out += std::to_string(index0 + 1);
  out += '/';
  out += std::to_string(items.as_list().size());
  out += '>';
}

Value TemplateModule::attribute(std::string_view attr) const {
  for (const auto& [k, v] : exports) {
    if (k == attr) return v;
  }
  return Value::missing();
}

void TemplateModule::repr(std::string& out) const {
  out += "<Template module ";
  pystr::append_repr(out, name);
  out += '>';
}

Value TemplateReference::attribute(std::string_view name) const {
  if (!ctx->block_stack(name)) return Value::missing();
  return make_object<BlockReference>(std::string(name), ctx, 0);
}

void TemplateReference::repr(std::string& out) const {
  out += "<TemplateReference ";
  pystr::append_repr(out, ctx->tmpl->name);
  out += '>';
}

Value BlockReference::attribute(std::string_view attr) const {
  if (attr != "super") return Value::missing();
  auto* stack = ctx->block_stack(name);
  if (!stack || depth + 1 >= stack->size()) {
    return Value::undefined_hint("there is no parent block called '" + name + "'.");
  }
  return make_object<BlockReference>(name, ctx, depth + 1);
}

Value BlockReference::call(CallContext& cx, const Args&) {
  auto* stack = ctx->block_stack(name);
  return static_cast<Renderer&>(cx).render_block_value((*stack)[depth], ctx);
}

void NamespaceObject::repr(std::string& out) const {
  out += "<Namespace ";
  Value(Dict(attrs)).append_repr(out);
  out += '>';
}

}  // namespace gongkai::tmpl
