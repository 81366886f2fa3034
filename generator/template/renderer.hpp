#pragma once
// Runs compiled templates: statements write to an output string, expressions evaluate to Values.
// One Renderer serves one render call on one thread.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "template/compiled.hpp"
#include "template/object.hpp"
#include "template/runtime.hpp"

namespace gongkai::tmpl {

class Environment;
class MacroObject;
class LoopObject;

/// Where an error passed on its way out: an include, extends, import, block or macro call.
struct ErrorSite {
  const CompiledTemplate* tmpl = nullptr;
  uint32_t offset = 0;
};

/// A located render error (internal: the Environment turns it into a public Error).
struct RenderError {
  std::string message;
  const CompiledTemplate* tmpl = nullptr;  // null: not inside a template (e.g. the first load)
  uint32_t offset = 0;
  std::vector<ErrorSite> chain;  // innermost first
};

/// The state of one running function.
struct Frame {
  Activation* act = nullptr;
  Context* ctx = nullptr;
  const CompiledTemplate* tmpl = nullptr;
  Activation* root = nullptr;  ///< the root activation of this template's render (for extends)
};

class Renderer final : public CallContext {
 public:
  Renderer(const Environment& env, std::string& out) : env_(env), out_(&out) {}
  ~Renderer() { release_captures(); }

  /// Renders template t as the top of a render (Jinja2's Template.render).
  void render_top(const CompiledTemplate& t, const Value& data);

  // CallContext
  bool autoescape() const override { return autoescape_; }
  Value call(const Value& callee, const Args& args) override;
  Value call_filter(std::string_view name, const Value& value, const Args& rest) override;
  bool call_test(std::string_view name, const Value& value, const Args& rest) override;
  bool has_filter(std::string_view name) const override;
  bool has_test(std::string_view name) const override;

  // used by runtime objects
  Value call_macro(const MacroObject& macro, const Args& args);
  Value call_loop(const LoopObject& loop, const Value& iterable);
  Value render_block_value(const BlockRef& block, const Ref<Context>& ctx);
  const Environment& env() const { return env_; }
  /// A namespace() made by this render: it may end up holding itself, so it is emptied at the end.
  void track_namespace(const Value& ns) { captured_namespaces_.push_back(ns); }

 private:
  // statements (render_stmt.cpp)
  void exec(const ast::Body& body, Frame& f);
  void exec(const ast::Stmt& s, Frame& f);
  void exec_output(const ast::Output& n, Frame& f);
  void exec_for(const ast::For& n, Frame& f);
  void run_loop(const ast::For& n, const Value& items, Frame& lf, int64_t depth,
                const Frame& outer);
  Value run_loop_function(const ast::For& n, const Value& items, const Frame& outer, int64_t depth);
  std::vector<Value> filter_items(const ast::For& n, const std::vector<Value>& items,
                                  const Frame& f);
  void exec_block(const ast::Block& n, Frame& f);
  void exec_extends(const ast::Extends& n, Frame& f);
  void exec_include(const ast::Include& n, Frame& f);
  void exec_import(const ast::Import& n, Frame& f);
  void exec_from_import(const ast::FromImport& n, Frame& f);
  void exec_call_block(const ast::CallBlock& n, Frame& f);
  void render_root(const CompiledTemplate& t, const Ref<Context>& ctx);
  void render_block(const BlockRef& block, const Ref<Context>& ctx);
  Value make_module(const CompiledTemplate& t, const Ref<Context>& ctx, uint32_t site, Frame& f);
  const CompiledTemplate& load(const Value& name, Frame& f, uint32_t offset, bool* missing);
  Value locals_dict(const ast::LocalNames& names, Frame& f);
  void apply_enter(const ast::FrameCode& code, Frame& f);
  void apply_leave(const ast::FrameCode& code, Frame& f);
  void assign(const ast::Expr& target, const Value& value, Frame& f);
  void export_vars(const std::vector<ast::ContextExport>& exports, Frame& f);

  // expressions (render_expr.cpp)
 public:
  Value eval(const ast::Expr& e, Frame& f);

 private:
  Value eval_inner(const ast::Expr& e, Frame& f);
  Value eval_call(const ast::Call& n, Frame& f, const Value* caller);
  Value eval_filter(const ast::FilterExpr& n, const Value& operand, Frame& f);
  /// A filter chain of a filter block or `set` block applied to the block's content.
  Value apply_block_filters(const ast::FilterExpr& n, const Value& content, Frame& f);
  bool eval_test(const ast::TestExpr& n, Frame& f);
  Value eval_concat(const ast::Concat& n, Frame& f);
  void write_value(const Value& v);

 public:
  Value& slot(const ast::SlotRef& r, Frame& f) {
    Activation* a = f.act;
    for (uint16_t h = 0; h < r.hops; ++h) a = a->outer.get();
    return a->at(r.slot);
  }
  [[noreturn]] void fail(const Frame& f, uint32_t offset, std::string message);

 private:
  /// Output buffers for macro bodies and captured blocks, reused to save allocations.
  std::string take_buffer() {
    if (spare_.empty()) return {};
    std::string s = std::move(spare_.back());
    spare_.pop_back();
    return s;
  }
  void give_buffer(std::string&& s) {
    s.clear();
    spare_.push_back(std::move(s));
  }
  std::vector<std::string> spare_;

  /// Closures (macros, caller, recursive loops) capture an activation and a context that may
  /// in turn hold the closure: a reference cycle. The render remembers what was captured and
  /// empties it at the end, when nothing can use it any more.
  void capture(Activation* act, Context* ctx) {
    captured_acts_.push_back(Ref<Activation>::share(act));
    captured_ctxs_.push_back(Ref<Context>::share(ctx));
  }
  void release_captures();
  std::vector<Ref<Activation>> captured_acts_;
  std::vector<Ref<Context>> captured_ctxs_;
  std::vector<Value> captured_namespaces_;
  const Environment& env_;
  std::string* out_;
  bool autoescape_ = false;
  int depth_ = 0;
};

/// Python's str() for the output, escaped when autoescape is on and the value is not safe.
void write_escaped_value(std::string& out, const Value& v, bool autoescape);

}  // namespace gongkai::tmpl
