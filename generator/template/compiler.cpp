// The compile pass: walks the tree as Jinja2's CodeGenerator does, creating the same frames, and
// records for each frame which slots to initialise (and how) instead of emitting Python.
#include <deque>
#include <map>

#include "template/compiled.hpp"
#include "template/fold.hpp"
#include "template/symbols.hpp"

namespace gongkai::tmpl {

namespace symbols {
/// A compile-time function: one activation record at run time.
struct Fn {
  Fn* outer = nullptr;
  ast::FunctionCode* code = nullptr;
  std::map<std::string, uint16_t> slots;

  uint16_t slot(const std::string& ident) {
    auto it = slots.find(ident);
    if (it != slots.end()) return it->second;
    auto s = static_cast<uint16_t>(slots.size());
    slots.emplace(ident, s);
    code->slot_count = static_cast<uint16_t>(slots.size());
    return s;
  }
};
}  // namespace symbols

namespace {

using namespace ast;
using symbols::Fn;
using symbols::Symbols;

struct Failure {
  std::string message;
  uint32_t offset;
};

/// The compile-time evaluation context, shared by frames as in Jinja2.
struct EvalCtx {
  bool autoescape = false;
  bool is_volatile = false;
};

struct Frame {
  Symbols* symbols = nullptr;
  Fn* fn = nullptr;
  EvalCtx* ectx = nullptr;
  bool toplevel = false, rootlevel = false, loop_frame = false, block_frame = false;
  bool soft_frame = false, require_output_check = false;
};

class Compiler {
 public:
  Compiler(CompiledTemplate& t, const Registry& r) : t_(t), reg_(r) {}

  void run() {
    EvalCtx ectx{t_.autoescape, false};
    ectx_ = &ectx;
    // root
    Fn* root = new_fn(nullptr, &t_.root);
    Frame frame;
    frame.symbols = arena_.make(nullptr, root);
    frame.fn = root;
    frame.ectx = &ectx;
    if (symbols::find_undeclared(t_.body, {"self"}).count("self")) {
      std::string ident = frame.symbols->declare_parameter("self");
      t_.self_slot = root->slot(ident);
    }
    symbols::analyze_template(*frame.symbols, t_.body, arena_);
    frame.toplevel = frame.rootlevel = true;
    t_.has_extends = symbols::has_extends(t_.body);
    frame.require_output_check = t_.has_extends;
    collect_blocks(t_.body);
    t_.root.frame = enter_frame(frame);
    body(t_.body, frame);
    // blocks: each its own function with a fresh frame
    for (auto& block : t_.blocks) compile_block(block);
  }

 private:
  [[noreturn]] void fail(std::string message, uint32_t offset) {
    throw Failure{std::move(message), offset};
  }

  Fn* new_fn(Fn* outer, FunctionCode* code) {
    fns_.push_back(Fn{outer, code, {}});
    code->slot_count = 0;
    return &fns_.back();
  }

  Frame inner(const Frame& f) {
    Frame r;
    r.symbols = arena_.make(f.symbols, f.fn);
    r.fn = f.fn;
    r.ectx = f.ectx;
    r.require_output_check = f.require_output_check;
    return r;
  }

  Frame inner_in(const Frame& f, Fn* fn) {
    Frame r = inner(f);
    r.symbols->fn = fn;
    r.fn = fn;
    return r;
  }

  Frame soft(const Frame& f) {
    Frame r = f;
    r.symbols = arena_.copy(*f.symbols);
    r.rootlevel = false;
    r.soft_frame = true;
    return r;
  }

  // ---- slots ----
  SlotRef ref(const Frame& f, const std::string& name, uint32_t offset) {
    std::string ident;
    const Symbols* owner = f.symbols->find_owner(name, &ident);
    if (!owner) fail("internal error: unknown name '" + name + "'", offset);
    return ref_to(f.fn, owner->fn, ident);
  }

  SlotRef ref_to(Fn* from, Fn* owner, const std::string& ident) {
    SlotRef r;
    for (Fn* f = from; f != owner; f = f->outer) {
      if (!f) throw Failure{"internal error: variable outside its function", 0};
      ++r.hops;
    }
    r.slot = owner->slot(ident);
    return r;
  }

  FrameCode enter_frame(const Frame& f) {
    FrameCode code;
    for (const auto& [ident, load] : f.symbols->loads) {
      LoadOp op;
      switch (load.kind) {
        case symbols::Load::Parameter:
          continue;
        case symbols::Load::Resolve:
          op.kind = LoadKind::Resolve;
          op.name = load.param;
          op.hash = Dict::hash_string(load.param);
          break;
        case symbols::Load::Alias: {
          op.kind = LoadKind::Alias;
          // the alias names an identifier of an outer frame: find it by walking up
          std::string name = ident.substr(ident.find('_', 2) + 1);
          std::string outer_ident;
          const Symbols* owner =
              f.symbols->parent ? f.symbols->parent->find_owner(name, &outer_ident) : nullptr;
          if (!owner) fail("internal error: alias without target", 0);
          op.source = ref_to(f.fn, owner->fn, outer_ident);
          break;
        }
        case symbols::Load::Undefined:
          op.kind = LoadKind::Missing;
          break;
      }
      op.slot = f.fn->slot(ident);
      code.enter.push_back(std::move(op));
    }
    return code;
  }

  void leave_frame(const Frame& f, FrameCode& code) {
    for (const auto& [ident, load] : f.symbols->loads) code.leave.push_back(f.fn->slot(ident));
  }

  LocalNames dump_local_context(const Frame& f) {
    LocalNames out;
    for (const auto& name : f.symbols->dump_stores()) out.emplace_back(name, ref(f, name, 0));
    return out;
  }

  // ---- statements ----
  void body(Body& b, const Frame& f) {
    for (auto& s : b) stmt(*s, f);
  }

  void stmt(Stmt& st, const Frame& f) {
    switch (st.kind) {
      case StmtKind::Output: {
        auto& n = static_cast<Output&>(st);
        n.output_check = f.require_output_check;
        for (auto& part : n.parts) {
          if (part.expr) expr(part.expr, f);
        }
        return;
      }
      case StmtKind::If: {
        auto& n = static_cast<If&>(st);
        Frame if_frame = soft(f);
        for (auto& b : n.branches) {
          expr(b.test, if_frame);
          body(b.body, if_frame);
        }
        body(n.else_body, if_frame);
        return;
      }
      case StmtKind::For:
        compile_for(static_cast<For&>(st), f);
        return;
      case StmtKind::Macro: {
        auto& n = static_cast<Macro&>(st);
        macro_body(n.code, f, n.offset);
        n.toplevel = f.toplevel;
        n.target = ref(f, n.code.name, n.offset);
        return;
      }
      case StmtKind::CallBlock: {
        auto& n = static_cast<CallBlock&>(st);
        macro_body(n.code, f, n.offset);
        ExprPtr call(n.call.release());
        expr(call, f);
        n.call.reset(static_cast<Call*>(call.release()));
        return;
      }
      case StmtKind::FilterBlock: {
        auto& n = static_cast<FilterBlock&>(st);
        Frame ff = inner(f);
        symbols::analyze_filter_block(*ff.symbols, n, arena_);
        n.frame = enter_frame(ff);
        body(n.body, ff);
        filter_node(*n.filter, ff);
        leave_frame(ff, n.frame);
        return;
      }
      case StmtKind::With: {
        auto& n = static_cast<With&>(st);
        Frame wf = inner(f);
        symbols::analyze_with(*wf.symbols, n, arena_);
        n.frame = enter_frame(wf);
        for (size_t i = 0; i < n.targets.size(); ++i) {
          target(*n.targets[i], wf, nullptr);
          expr(n.values[i], f);
        }
        body(n.body, wf);
        leave_frame(wf, n.frame);
        return;
      }
      case StmtKind::Assign: {
        auto& n = static_cast<Assign&>(st);
        expr(n.value, f);
        target(*n.target, f, f.toplevel ? &n.exports : nullptr);
        return;
      }
      case StmtKind::AssignBlock: {
        auto& n = static_cast<AssignBlock&>(st);
        Frame bf = inner(f);
        bf.require_output_check = false;
        symbols::analyze_assign_block(*bf.symbols, n, arena_);
        n.frame = enter_frame(bf);
        body(n.body, bf);
        target(*n.target, f, f.toplevel ? &n.exports : nullptr);
        if (n.filter) filter_node(*n.filter, bf);
        leave_frame(bf, n.frame);
        return;
      }
      case StmtKind::Block: {
        auto& n = static_cast<Block&>(st);
        if (f.toplevel) {
          if (has_known_extends_) {
            n.skip = true;
            return;
          }
          if (extends_so_far_ > 0) n.output_check = true;
        }
        if (n.scoped) n.locals = dump_local_context(f);
        return;
      }
      case StmtKind::Extends: {
        auto& n = static_cast<Extends&>(st);
        if (!f.toplevel) fail("cannot use extend from a non top-level scope", n.offset);
        expr(n.name, f);
        if (f.rootlevel) has_known_extends_ = true;
        ++extends_so_far_;
        return;
      }
      case StmtKind::Include: {
        auto& n = static_cast<Include&>(st);
        expr(n.name, f);
        if (n.with_context) n.locals = dump_local_context(f);
        return;
      }
      case StmtKind::Import: {
        auto& n = static_cast<Import&>(st);
        expr(n.name, f);
        n.ref = ref(f, n.target, n.offset);
        n.toplevel = f.toplevel;
        if (n.with_context) n.locals = dump_local_context(f);
        return;
      }
      case StmtKind::FromImport: {
        auto& n = static_cast<FromImport&>(st);
        expr(n.name, f);
        for (auto& item : n.names) item.ref = ref(f, item.alias, n.offset);
        n.toplevel = f.toplevel;
        if (n.with_context) n.locals = dump_local_context(f);
        return;
      }
      case StmtKind::Autoescape: {
        auto& n = static_cast<Autoescape&>(st);
        Frame sf = inner(f);
        symbols::analyze_autoescape(*sf.symbols, n, arena_);
        n.frame = enter_frame(sf);
        expr(n.value, sf);
        EvalCtx saved = *f.ectx;
        if (n.value->kind == ExprKind::Const) {
          f.ectx->autoescape = static_cast<Const&>(*n.value).value.truthy();
        } else {
          f.ectx->is_volatile = true;
        }
        body(n.body, sf);
        *f.ectx = saved;
        leave_frame(sf, n.frame);
        return;
      }
    }
  }

  void compile_for(For& n, const Frame& f) {
    Fn* loop_fn = n.recursive ? new_fn(f.fn, &n.recursive_fn) : f.fn;
    Frame loop_frame = inner_in(f, loop_fn);
    loop_frame.loop_frame = true;
    Frame else_frame = inner_in(f, loop_fn);
    bool extended = n.recursive || symbols::find_undeclared(n.body, {"loop"}).count("loop") ||
                    symbols::has_scoped_block(n);
    if (extended) loop_frame.symbols->declare_parameter("loop");
    symbols::analyze_for(*loop_frame.symbols, n, symbols::ForBranch::Body, arena_);
    if (!n.else_body.empty())
      symbols::analyze_for(*else_frame.symbols, n, symbols::ForBranch::Else, arena_);
    if (n.test) {
      Fn* test_fn = new_fn(f.fn, &n.test_fn);
      Frame test_frame = inner_in(f, test_fn);
      symbols::analyze_for(*test_frame.symbols, n, symbols::ForBranch::Test, arena_);
      n.test_fn.frame = enter_frame(test_frame);
      n.test_target = clone_target(*n.target);
      target(*n.test_target, test_frame, nullptr);
      expr(n.test, test_frame);
    }
    if (symbols::stores_name(n, "loop")) {
      fail("Can't assign to special loop variable in for-loop target", n.offset);
    }
    target(*n.target, loop_frame, nullptr);
    expr(n.iter, f);
    if (extended) n.loop_slot = ref(loop_frame, "loop", n.offset).slot;
    n.loop_frame = enter_frame(loop_frame);
    body(n.body, loop_frame);
    n.leave_loop_frame = !(n.recursive && n.else_body.empty());
    if (n.leave_loop_frame) leave_frame(loop_frame, n.loop_frame);
    if (!n.else_body.empty()) {
      n.else_frame = enter_frame(else_frame);
      body(n.else_body, else_frame);
      leave_frame(else_frame, n.else_frame);
    }
  }

  void macro_body(MacroCode& code, const Frame& f, uint32_t offset) {
    Fn* fn = new_fn(f.fn, &code.fn);
    Frame mf = inner_in(f, fn);
    symbols::analyze_macro(*mf.symbols, code, arena_);
    int explicit_caller = -1;
    bool skip_kwargs = false, skip_varargs = false;
    for (size_t i = 0; i < code.params.size(); ++i) {
      if (code.params[i].name == "caller") explicit_caller = static_cast<int>(i);
      if (code.params[i].name == "kwargs") skip_kwargs = true;
      if (code.params[i].name == "varargs") skip_varargs = true;
    }
    auto undeclared = symbols::find_undeclared(code.body, {"caller", "kwargs", "varargs"});
    std::string caller_ident, kwargs_ident, varargs_ident;
    if (undeclared.count("caller")) {
      if (explicit_caller >= 0) {
        size_t from_end = code.params.size() - static_cast<size_t>(explicit_caller);
        if (from_end > code.defaults.size()) {
          fail(
              "When defining macros or call blocks the special \"caller\" argument must be omitted "
              "or be given a default.",
              offset);
        }
      } else {
        caller_ident = mf.symbols->declare_parameter("caller");
      }
      code.uses_caller = true;
    }
    if (undeclared.count("kwargs") && !skip_kwargs) {
      kwargs_ident = mf.symbols->declare_parameter("kwargs");
      code.catch_kwargs = true;
    }
    if (undeclared.count("varargs") && !skip_varargs) {
      varargs_ident = mf.symbols->declare_parameter("varargs");
      code.catch_varargs = true;
    }
    code.explicit_caller = explicit_caller >= 0;
    mf.require_output_check = false;
    symbols::analyze_macro(*mf.symbols, code, arena_);
    for (auto& p : code.params) p.slot = ref(mf, p.name, p.offset).slot;
    if (!caller_ident.empty()) code.caller_slot = fn->slot(caller_ident);
    if (!kwargs_ident.empty()) code.kwargs_slot = fn->slot(kwargs_ident);
    if (!varargs_ident.empty()) code.varargs_slot = fn->slot(varargs_ident);
    code.fn.frame = enter_frame(mf);
    for (auto& d : code.defaults) expr(d, mf);
    body(code.body, mf);
  }

  void collect_blocks(Body& b) {
    for (auto& s : b) collect_blocks_in(*s);
  }

  void collect_blocks_in(Stmt& st) {
    switch (st.kind) {
      case StmtKind::Block: {
        auto& n = static_cast<Block&>(st);
        for (const auto& existing : t_.blocks) {
          if (existing.name == n.name) fail("block '" + n.name + "' defined twice", n.offset);
        }
        BlockCode code;
        code.name = n.name;
        code.node = &n;
        t_.blocks.push_back(std::move(code));
        collect_blocks(n.body);
        return;
      }
      case StmtKind::If: {
        auto& n = static_cast<If&>(st);
        for (auto& br : n.branches) collect_blocks(br.body);
        collect_blocks(n.else_body);
        return;
      }
      case StmtKind::For:
        collect_blocks(static_cast<For&>(st).body);
        collect_blocks(static_cast<For&>(st).else_body);
        return;
      case StmtKind::Macro:
        collect_blocks(static_cast<Macro&>(st).code.body);
        return;
      case StmtKind::CallBlock:
        collect_blocks(static_cast<CallBlock&>(st).code.body);
        return;
      case StmtKind::FilterBlock:
        collect_blocks(static_cast<FilterBlock&>(st).body);
        return;
      case StmtKind::With:
        collect_blocks(static_cast<With&>(st).body);
        return;
      case StmtKind::AssignBlock:
        collect_blocks(static_cast<AssignBlock&>(st).body);
        return;
      case StmtKind::Autoescape:
        collect_blocks(static_cast<Autoescape&>(st).body);
        return;
      default:
        return;
    }
  }

  void compile_block(BlockCode& code) {
    auto& n = const_cast<Block&>(*code.node);
    EvalCtx ectx{t_.autoescape, false};
    Fn* fn = new_fn(nullptr, &code.fn);
    Frame bf;
    bf.symbols = arena_.make(nullptr, fn);
    bf.fn = fn;
    bf.ectx = &ectx;
    bf.block_frame = true;
    auto undeclared = symbols::find_undeclared(n.body, {"self", "super"});
    if (undeclared.count("self")) code.self_slot = fn->slot(bf.symbols->declare_parameter("self"));
    if (undeclared.count("super"))
      code.super_slot = fn->slot(bf.symbols->declare_parameter("super"));
    symbols::analyze_block(*bf.symbols, n, arena_);
    code.fn.frame = enter_frame(bf);
    body(n.body, bf);
  }

  // ---- expressions ----
  static ExprPtr clone_target(const Expr& e) {
    if (e.kind == ExprKind::Name) {
      const auto& n = static_cast<const Name&>(e);
      return std::make_unique<Name>(n.offset, n.name, n.ctx);
    }
    auto& s = static_cast<const Sequence&>(e);
    auto out = std::make_unique<Sequence>(s.kind, s.offset);
    out->ctx = s.ctx;
    for (const auto& item : s.items) out->items.push_back(clone_target(*item));
    return out;
  }

  /// An assignment target: names get slots; top-level names are also exported to the context.
  void target(Expr& e, const Frame& f, std::vector<ContextExport>* exports) {
    if (e.kind == ExprKind::Name) {
      auto& n = static_cast<Name&>(e);
      n.ref = ref(f, n.name, n.offset);
      if (exports) exports->push_back({n.name, n.ref});
      return;
    }
    if (e.kind == ExprKind::NSRef) {
      auto& n = static_cast<NSRef&>(e);
      n.ref = ref(f, n.name, n.offset);
      return;
    }
    for (auto& item : static_cast<Sequence&>(e).items) target(*item, f, exports);
  }

  void args(CallArgs& a, const Frame& f) {
    for (auto& x : a.args) expr(x, f);
    for (auto& [k, v] : a.kwargs) expr(v, f);
    if (a.dyn_args) expr(a.dyn_args, f);
    if (a.dyn_kwargs) expr(a.dyn_kwargs, f);
  }

  void filter_node(FilterExpr& n, const Frame& f) {
    if (n.operand) expr(n.operand, f);
    args(n.args, f);
    n.filter = reg_.filter(n.name);
    if (!n.filter && !f.soft_frame) fail("No filter named '" + n.name + "'.", n.offset);
  }

  void expr(ExprPtr& e, const Frame& f) {
    if (!e) return;
    switch (e->kind) {
      case ExprKind::Const:
        return;
      case ExprKind::Name: {
        auto& n = static_cast<Name&>(*e);
        n.ref = ref(f, n.name, n.offset);
        n.undefined = Value::undefined_named(n.name);
        return;
      }
      case ExprKind::NSRef: {
        auto& n = static_cast<NSRef&>(*e);
        n.ref = ref(f, n.name, n.offset);
        return;
      }
      case ExprKind::Tuple:
      case ExprKind::List:
        for (auto& item : static_cast<Sequence&>(*e).items) expr(item, f);
        break;
      case ExprKind::Dict:
        for (auto& [k, v] : static_cast<DictExpr&>(*e).items) {
          expr(k, f);
          expr(v, f);
        }
        break;
      case ExprKind::Binary:
        expr(static_cast<Binary&>(*e).left, f);
        expr(static_cast<Binary&>(*e).right, f);
        break;
      case ExprKind::Unary:
        expr(static_cast<Unary&>(*e).operand, f);
        break;
      case ExprKind::Concat:
        for (auto& p : static_cast<Concat&>(*e).parts) expr(p, f);
        break;
      case ExprKind::Compare:
        expr(static_cast<Compare&>(*e).first, f);
        for (auto& op : static_cast<Compare&>(*e).ops) expr(op.expr, f);
        break;
      case ExprKind::CondExpr: {
        auto& c = static_cast<CondExpr&>(*e);
        Frame sf = soft(f);
        expr(c.test, sf);
        expr(c.then, sf);
        expr(c.otherwise, sf);
        break;
      }
      case ExprKind::Getattr: {
        auto& g = static_cast<Getattr&>(*e);
        g.hash = Dict::hash_string(g.attr);
        expr(g.object, f);
        break;
      }
      case ExprKind::Getitem:
        expr(static_cast<Getitem&>(*e).object, f);
        expr(static_cast<Getitem&>(*e).index, f);
        break;
      case ExprKind::Slice: {
        auto& s = static_cast<Slice&>(*e);
        expr(s.start, f);
        expr(s.stop, f);
        expr(s.step, f);
        break;
      }
      case ExprKind::Call:
        expr(static_cast<Call&>(*e).callee, f);
        args(static_cast<Call&>(*e).args, f);
        break;
      case ExprKind::Filter:
        filter_node(static_cast<FilterExpr&>(*e), f);
        break;
      case ExprKind::Test: {
        auto& t = static_cast<TestExpr&>(*e);
        expr(t.operand, f);
        args(t.args, f);
        t.test = reg_.test(t.name);
        if (!t.test && !f.soft_frame) fail("No test named '" + t.name + "'.", t.offset);
        break;
      }
    }
    if (!f.ectx->is_volatile) fold_constant(e, f.ectx->autoescape);
  }

  CompiledTemplate& t_;
  const Registry& reg_;
  EvalCtx* ectx_ = nullptr;
  symbols::SymbolsArena arena_;
  std::deque<Fn> fns_;
  bool has_known_extends_ = false;
  int extends_so_far_ = 0;
};

}  // namespace

bool compile_template(CompiledTemplate& t, const Registry& registry, CompileError* error) {
  try {
    Compiler(t, registry).run();
    return true;
  } catch (const Failure& f) {
    if (error) *error = {f.message, f.offset};
    return false;
  }
}

}  // namespace gongkai::tmpl
