#pragma once
// The objects Jinja2's runtime hands templates: the loop variable, macros (and `caller`),
// imported template modules, `self` and block references, `namespace()` objects.
#include <string>
#include <vector>

#include "template/object.hpp"
#include "template/renderer.hpp"
#include "template/runtime.hpp"

namespace gongkai::tmpl {

/// A macro or a call block's `caller`, closed over the scope that defined it.
class MacroObject final : public Object {
 public:
  MacroObject(const ast::MacroCode& code, Ref<Activation> closure, Ref<Context> ctx,
              const CompiledTemplate& tmpl, bool autoescape)
      : code(code),
        closure(std::move(closure)),
        ctx(std::move(ctx)),
        tmpl(tmpl),
        autoescape(autoescape) {}
  std::string_view type_name() const override { return "jinja2.runtime.Macro"; }
  bool is_callable() const override { return true; }
  Value call(CallContext& cx, const Args& args) override;
  Value attribute(std::string_view name) const override;
  void repr(std::string& out) const override;

  const ast::MacroCode& code;
  Ref<Activation> closure;
  Ref<Context> ctx;
  const CompiledTemplate& tmpl;
  bool autoescape;  ///< the autoescape setting where it was defined (its body's escaping)
};

/// `loop`: position in the iteration, cycle(), changed(), and loop(…) for recursive loops.
class LoopObject final : public Object {
 public:
  LoopObject(Value items, int64_t depth0) : items(std::move(items)), depth0(depth0) {}
  std::string_view type_name() const override { return "jinja2.runtime.LoopContext"; }
  Value attribute(std::string_view name) const override;
  bool has_length() const override { return true; }
  size_t length() const override { return items.as_list().size(); }
  bool is_callable() const override { return true; }  // fails unless the loop is recursive
  Value call(CallContext& cx, const Args& args) override;
  bool call_method(CallContext& cx, std::string_view name, const Args& args, Value& out) override;
  void repr(std::string& out) const override;
  Value cycle(const Args& args) const;
  bool changed(const Args& args) const;

  Value items;  ///< the (materialised) items
  int64_t index0 = -1;
  int64_t depth0 = 0;
  mutable Value last_changed = Value::missing();
  // recursion: the loop statement and the frame that defines its function
  const ast::For* node = nullptr;
  Ref<Activation> outer_act;
  Ref<Context> outer_ctx;
  const CompiledTemplate* outer_tmpl = nullptr;
  Activation* outer_root = nullptr;
};

/// An imported template: its exported names, and its output when printed.
class TemplateModule final : public Object {
 public:
  TemplateModule(std::string name, std::vector<std::pair<std::string, Value>> exports,
                 std::string body)
      : name(std::move(name)), exports(std::move(exports)), body(std::move(body)) {}
  std::string_view type_name() const override { return "jinja2.environment.TemplateModule"; }
  Value attribute(std::string_view name) const override;
  void str(std::string& out) const override { out += body; }
  void repr(std::string& out) const override;
  bool is_safe() const override { return true; }

  std::string name;
  std::vector<std::pair<std::string, Value>> exports;
  std::string body;
};

/// `self`: blocks by name.
class TemplateReference final : public Object {
 public:
  explicit TemplateReference(Ref<Context> ctx) : ctx(std::move(ctx)) {}
  std::string_view type_name() const override { return "jinja2.runtime.TemplateReference"; }
  Value attribute(std::string_view name) const override;
  void repr(std::string& out) const override;
  Ref<Context> ctx;
};

/// `self.name` or `super`: calling it renders the block.
class BlockReference final : public Object {
 public:
  BlockReference(std::string name, Ref<Context> ctx, size_t depth)
      : name(std::move(name)), ctx(std::move(ctx)), depth(depth) {}
  std::string_view type_name() const override { return "jinja2.runtime.BlockReference"; }
  Value attribute(std::string_view attr) const override;
  bool is_callable() const override { return true; }
  Value call(CallContext& cx, const Args& args) override;
  std::string name;
  Ref<Context> ctx;
  size_t depth;
};

/// `namespace(...)`: the one object templates may change (`{% set ns.x = … %}`).
class NamespaceObject final : public Object {
 public:
  explicit NamespaceObject(Dict attrs) : attrs(std::move(attrs)) {}
  std::string_view type_name() const override { return "jinja2.utils.Namespace"; }
  Value attribute(std::string_view name) const override {
    const Value* v = attrs.find(name);
    return v ? *v : Value::missing();
  }
  void repr(std::string& out) const override;
  Dict attrs;
};

}  // namespace gongkai::tmpl
