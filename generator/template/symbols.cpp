#include "template/symbols.hpp"

#include <functional>

namespace gongkai::tmpl::symbols {

using namespace ast;

// ---- Symbols ----

std::string Symbols::define_ref(const std::string& name, const LoadInfo* load) {
  std::string ident = "l_" + std::to_string(level) + "_" + name;
  refs[name] = ident;
  if (load) loads[ident] = *load;
  return ident;
}

const Symbols* Symbols::find_owner(const std::string& name, std::string* ident) const {
  for (const Symbols* s = this; s; s = s->parent) {
    auto it = s->refs.find(name);
    if (it != s->refs.end()) {
      if (ident) *ident = it->second;
      return s;
    }
  }
  return nullptr;
}

void Symbols::store(const std::string& name) {
  stores.insert(name);
  if (refs.count(name)) return;
  if (parent) {
    std::string outer;
    if (parent->find_ref(name, &outer)) {
      LoadInfo alias{Load::Alias, outer};
      define_ref(name, &alias);
      return;
    }
  }
  LoadInfo undefined{Load::Undefined, {}};
  define_ref(name, &undefined);
}

std::string Symbols::declare_parameter(const std::string& name) {
  stores.insert(name);
  LoadInfo param{Load::Parameter, {}};
  return define_ref(name, &param);
}

void Symbols::load(const std::string& name) {
  if (find_ref(name, nullptr)) return;
  LoadInfo resolve{Load::Resolve, name};
  define_ref(name, &resolve);
}

void Symbols::branch_update(const std::vector<Symbols*>& branches) {
  std::set<std::string> new_stores;
  for (const Symbols* b : branches) new_stores.insert(b->stores.begin(), b->stores.end());
  for (const auto& s : stores) new_stores.erase(s);
  for (const Symbols* b : branches) {
    for (const auto& [k, v] : b->refs) refs[k] = v;
    for (const auto& [k, v] : b->loads) loads[k] = v;
    stores.insert(b->stores.begin(), b->stores.end());
  }
  for (const auto& name : new_stores) {
    std::string target;
    find_ref(name, &target);
    if (parent) {
      std::string outer;
      if (parent->find_ref(name, &outer)) {
        loads[target] = {Load::Alias, outer};
        continue;
      }
    }
    loads[target] = {Load::Resolve, name};
  }
}

std::vector<std::string> Symbols::dump_stores() const {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const Symbols* s = this; s; s = s->parent) {
    for (const auto& name : s->stores) {  // std::set: sorted, as Jinja2 sorts
      if (seen.insert(name).second) out.push_back(name);
    }
  }
  return out;
}

Symbols* SymbolsArena::make(Symbols* parent, Fn* fn) {
  auto s = std::make_unique<Symbols>();
  s->parent = parent;
  s->level = parent ? parent->level + 1 : 0;
  s->fn = fn;
  all_.push_back(std::move(s));
  return all_.back().get();
}

Symbols* SymbolsArena::copy(const Symbols& from) {
  all_.push_back(std::make_unique<Symbols>(from));
  return all_.back().get();
}

// ---- FrameSymbolVisitor ----

namespace {

class FrameVisitor {
 public:
  FrameVisitor(Symbols* s, SymbolsArena& arena) : s_(s), arena_(arena) {}

  void expr(const Expr* e, bool store_as_param = false) {
    if (!e) return;
    switch (e->kind) {
      case ExprKind::Const:
        return;
      case ExprKind::Name: {
        const auto& n = static_cast<const Name&>(*e);
        if (store_as_param || n.ctx == NameCtx::Param)
          s_->declare_parameter(n.name);
        else if (n.ctx == NameCtx::Store)
          s_->store(n.name);
        else
          s_->load(n.name);
        return;
      }
      case ExprKind::NSRef:
        s_->load(static_cast<const NSRef&>(*e).name);
        return;
      case ExprKind::Tuple:
      case ExprKind::List:
        for (const auto& item : static_cast<const Sequence&>(*e).items)
          expr(item.get(), store_as_param);
        return;
      case ExprKind::Dict:
        for (const auto& [k, v] : static_cast<const DictExpr&>(*e).items) {
          expr(k.get());
          expr(v.get());
        }
        return;
      case ExprKind::Binary: {
        const auto& b = static_cast<const Binary&>(*e);
        expr(b.left.get());
        expr(b.right.get());
        return;
      }
      case ExprKind::Unary:
        expr(static_cast<const Unary&>(*e).operand.get());
        return;
      case ExprKind::Concat:
        for (const auto& p : static_cast<const Concat&>(*e).parts) expr(p.get());
        return;
      case ExprKind::Compare: {
        const auto& c = static_cast<const Compare&>(*e);
        expr(c.first.get());
        for (const auto& op : c.ops) expr(op.expr.get());
        return;
      }
      case ExprKind::CondExpr: {
        const auto& c = static_cast<const CondExpr&>(*e);
        expr(c.test.get());
        expr(c.then.get());
        expr(c.otherwise.get());
        return;
      }
      case ExprKind::Getattr:
        expr(static_cast<const Getattr&>(*e).object.get());
        return;
      case ExprKind::Getitem: {
        const auto& g = static_cast<const Getitem&>(*e);
        expr(g.object.get());
        expr(g.index.get());
        return;
      }
      case ExprKind::Slice: {
        const auto& s = static_cast<const Slice&>(*e);
        expr(s.start.get());
        expr(s.stop.get());
        expr(s.step.get());
        return;
      }
      case ExprKind::Call: {
        const auto& c = static_cast<const Call&>(*e);
        expr(c.callee.get());
        args(c.args);
        return;
      }
      case ExprKind::Filter: {
        const auto& f = static_cast<const FilterExpr&>(*e);
        expr(f.operand.get());
        args(f.args);
        return;
      }
      case ExprKind::Test: {
        const auto& t = static_cast<const TestExpr&>(*e);
        expr(t.operand.get());
        args(t.args);
        return;
      }
    }
  }

  void args(const CallArgs& a) {
    for (const auto& x : a.args) expr(x.get());
    for (const auto& [k, v] : a.kwargs) expr(v.get());
    expr(a.dyn_args.get());
    expr(a.dyn_kwargs.get());
  }

  void body(const Body& b) {
    for (const auto& s : b) stmt(*s);
  }

  void stmt(const Stmt& st) {
    switch (st.kind) {
      case StmtKind::Output:
        for (const auto& p : static_cast<const Output&>(st).parts) expr(p.expr.get());
        return;
      case StmtKind::If:
        visit_if(static_cast<const If&>(st));
        return;
      case StmtKind::Macro:
        s_->store(static_cast<const Macro&>(st).code.name);
        return;
      case StmtKind::Import: {
        const auto& n = static_cast<const Import&>(st);
        expr(n.name.get());
        s_->store(n.target);
        return;
      }
      case StmtKind::FromImport: {
        const auto& n = static_cast<const FromImport&>(st);
        expr(n.name.get());
        for (const auto& item : n.names) s_->store(item.alias);
        return;
      }
      case StmtKind::Assign: {
        const auto& n = static_cast<const Assign&>(st);
        expr(n.value.get());
        expr(n.target.get());
        return;
      }
      case StmtKind::For:
        expr(static_cast<const For&>(st).iter.get());
        return;
      case StmtKind::CallBlock:
        expr(static_cast<const CallBlock&>(st).call.get());
        return;
      case StmtKind::FilterBlock:
        expr(static_cast<const FilterBlock&>(st).filter.get());
        return;
      case StmtKind::With:
        for (const auto& v : static_cast<const With&>(st).values) expr(v.get());
        return;
      case StmtKind::AssignBlock:
        expr(static_cast<const AssignBlock&>(st).target.get());
        return;
      case StmtKind::Autoescape:
      case StmtKind::Block:
        return;
      case StmtKind::Extends:
        expr(static_cast<const Extends&>(st).name.get());
        return;
      case StmtKind::Include:
        expr(static_cast<const Include&>(st).name.get());
        return;
    }
  }

  /// Jinja2's visit_If over the flattened if/elif chain: each elif is an If nested in elif_.
  void visit_if(const If& node) { visit_branch(node, 0, true); }

 private:
  Symbols* inner_visit(const std::function<void()>& visit) {
    Symbols* original = s_;
    Symbols* copy = arena_.copy(*original);
    s_ = copy;
    visit();
    s_ = original;
    return copy;
  }

  void visit_branch(const If& node, size_t k, bool top) {
    expr(node.branches[k].test.get());
    Symbols* body_symbols = inner_visit([&] { body(node.branches[k].body); });
    Symbols* elif_symbols = inner_visit([&] {
      if (top) {
        for (size_t j = 1; j < node.branches.size(); ++j) visit_branch(node, j, false);
      }
    });
    Symbols* else_symbols = inner_visit([&] {
      if (top) body(node.else_body);
    });
    s_->branch_update({body_symbols, elif_symbols, else_symbols});
  }

  Symbols* s_;
  SymbolsArena& arena_;
};

}  // namespace

void analyze_template(Symbols& s, const Body& body, SymbolsArena& arena) {
  FrameVisitor(&s, arena).body(body);
}

void analyze_block(Symbols& s, const Block& block, SymbolsArena& arena) {
  FrameVisitor(&s, arena).body(block.body);
}

void analyze_macro(Symbols& s, const MacroCode& code, SymbolsArena& arena) {
  FrameVisitor v(&s, arena);
  for (const auto& p : code.params) s.declare_parameter(p.name);
  for (const auto& d : code.defaults) v.expr(d.get());
  v.body(code.body);
}

void analyze_for(Symbols& s, const For& node, ForBranch branch, SymbolsArena& arena) {
  FrameVisitor v(&s, arena);
  switch (branch) {
    case ForBranch::Body:
      v.expr(node.target.get(), true);
      v.body(node.body);
      return;
    case ForBranch::Else:
      v.body(node.else_body);
      return;
    case ForBranch::Test:
      v.expr(node.target.get(), true);
      v.expr(node.test.get());
      return;
  }
}

void analyze_with(Symbols& s, const With& node, SymbolsArena& arena) {
  FrameVisitor v(&s, arena);
  for (const auto& t : node.targets) v.expr(t.get());
  v.body(node.body);
}

void analyze_filter_block(Symbols& s, const FilterBlock& node, SymbolsArena& arena) {
  FrameVisitor v(&s, arena);
  v.body(node.body);
  v.expr(node.filter.get());
}

void analyze_assign_block(Symbols& s, const AssignBlock& node, SymbolsArena& arena) {
  FrameVisitor(&s, arena).body(node.body);
}

void analyze_autoescape(Symbols& s, const Autoescape& node, SymbolsArena& arena) {
  FrameVisitor v(&s, arena);
  v.expr(node.value.get());
  v.body(node.body);
}

// ---- generic walks (Jinja2's iter_child_nodes order) ----

namespace {

struct Walk {
  /// Called for each Name (or parameter name); return value ignored.
  std::function<void(const std::string&, NameCtx)> on_name;
  /// Called for each statement before its children; false skips the children.
  std::function<bool(const Stmt&)> on_stmt;
  bool stop = false;

  void expr(const Expr* e) {
    if (!e || stop) return;
    switch (e->kind) {
      case ExprKind::Const:
        return;
      case ExprKind::Name: {
        const auto& n = static_cast<const Name&>(*e);
        if (on_name) on_name(n.name, n.ctx);
        return;
      }
      case ExprKind::NSRef:
        return;
      case ExprKind::Tuple:
      case ExprKind::List:
        for (const auto& item : static_cast<const Sequence&>(*e).items) expr(item.get());
        return;
      case ExprKind::Dict:
        for (const auto& [k, v] : static_cast<const DictExpr&>(*e).items) {
          expr(k.get());
          expr(v.get());
        }
        return;
      case ExprKind::Binary:
        expr(static_cast<const Binary&>(*e).left.get());
        expr(static_cast<const Binary&>(*e).right.get());
        return;
      case ExprKind::Unary:
        expr(static_cast<const Unary&>(*e).operand.get());
        return;
      case ExprKind::Concat:
        for (const auto& p : static_cast<const Concat&>(*e).parts) expr(p.get());
        return;
      case ExprKind::Compare:
        expr(static_cast<const Compare&>(*e).first.get());
        for (const auto& op : static_cast<const Compare&>(*e).ops) expr(op.expr.get());
        return;
      case ExprKind::CondExpr: {
        const auto& c = static_cast<const CondExpr&>(*e);
        expr(c.test.get());
        expr(c.then.get());
        expr(c.otherwise.get());
        return;
      }
      case ExprKind::Getattr:
        expr(static_cast<const Getattr&>(*e).object.get());
        return;
      case ExprKind::Getitem:
        expr(static_cast<const Getitem&>(*e).object.get());
        expr(static_cast<const Getitem&>(*e).index.get());
        return;
      case ExprKind::Slice: {
        const auto& s = static_cast<const Slice&>(*e);
        expr(s.start.get());
        expr(s.stop.get());
        expr(s.step.get());
        return;
      }
      case ExprKind::Call:
        expr(static_cast<const Call&>(*e).callee.get());
        args(static_cast<const Call&>(*e).args);
        return;
      case ExprKind::Filter:
        expr(static_cast<const FilterExpr&>(*e).operand.get());
        args(static_cast<const FilterExpr&>(*e).args);
        return;
      case ExprKind::Test:
        expr(static_cast<const TestExpr&>(*e).operand.get());
        args(static_cast<const TestExpr&>(*e).args);
        return;
    }
  }

  void args(const CallArgs& a) {
    for (const auto& x : a.args) expr(x.get());
    for (const auto& [k, v] : a.kwargs) expr(v.get());
    expr(a.dyn_args.get());
    expr(a.dyn_kwargs.get());
  }

  void body(const Body& b) {
    for (const auto& s : b) stmt(*s);
  }

  void macro(const MacroCode& code) {
    for (const auto& p : code.params) {
      if (on_name) on_name(p.name, NameCtx::Param);
    }
    for (const auto& d : code.defaults) expr(d.get());
    body(code.body);
  }

  void stmt(const Stmt& st) {
    if (stop) return;
    if (on_stmt && !on_stmt(st)) return;
    switch (st.kind) {
      case StmtKind::Output:
        for (const auto& p : static_cast<const Output&>(st).parts) expr(p.expr.get());
        return;
      case StmtKind::If: {
        const auto& n = static_cast<const If&>(st);
        for (const auto& b : n.branches) {
          expr(b.test.get());
          body(b.body);
        }
        body(n.else_body);
        return;
      }
      case StmtKind::For: {
        const auto& n = static_cast<const For&>(st);
        expr(n.target.get());
        expr(n.iter.get());
        body(n.body);
        body(n.else_body);
        expr(n.test.get());
        return;
      }
      case StmtKind::Macro:
        macro(static_cast<const Macro&>(st).code);
        return;
      case StmtKind::CallBlock:
        expr(static_cast<const CallBlock&>(st).call.get());
        macro(static_cast<const CallBlock&>(st).code);
        return;
      case StmtKind::FilterBlock:
        body(static_cast<const FilterBlock&>(st).body);
        expr(static_cast<const FilterBlock&>(st).filter.get());
        return;
      case StmtKind::With: {
        const auto& n = static_cast<const With&>(st);
        for (const auto& t : n.targets) expr(t.get());
        for (const auto& v : n.values) expr(v.get());
        body(n.body);
        return;
      }
      case StmtKind::Assign:
        expr(static_cast<const Assign&>(st).target.get());
        expr(static_cast<const Assign&>(st).value.get());
        return;
      case StmtKind::AssignBlock:
        expr(static_cast<const AssignBlock&>(st).target.get());
        expr(static_cast<const AssignBlock&>(st).filter.get());
        body(static_cast<const AssignBlock&>(st).body);
        return;
      case StmtKind::Block:
        body(static_cast<const Block&>(st).body);
        return;
      case StmtKind::Extends:
        expr(static_cast<const Extends&>(st).name.get());
        return;
      case StmtKind::Include:
        expr(static_cast<const Include&>(st).name.get());
        return;
      case StmtKind::Import:
        expr(static_cast<const Import&>(st).name.get());
        return;
      case StmtKind::FromImport:
        expr(static_cast<const FromImport&>(st).name.get());
        return;
      case StmtKind::Autoescape:
        expr(static_cast<const Autoescape&>(st).value.get());
        body(static_cast<const Autoescape&>(st).body);
        return;
    }
  }
};

}  // namespace

std::set<std::string> find_undeclared(const Body& body, std::set<std::string> names) {
  std::set<std::string> undeclared;
  Walk w;
  w.on_name = [&](const std::string& name, NameCtx ctx) {
    if (ctx == NameCtx::Load && names.count(name)) {
      undeclared.insert(name);
      if (undeclared == names) w.stop = true;
    } else {
      names.erase(name);
    }
  };
  w.on_stmt = [](const Stmt& s) { return s.kind != StmtKind::Block; };
  w.body(body);
  return undeclared;
}

bool stores_name(const Stmt& stmt, const std::string& name) {
  bool found = false;
  Walk w;
  w.on_name = [&](const std::string& n, NameCtx ctx) {
    if (ctx == NameCtx::Store && n == name) found = true;
  };
  w.stmt(stmt);
  return found;
}

bool has_scoped_block(const Stmt& stmt) {
  bool found = false;
  Walk w;
  w.on_stmt = [&](const Stmt& s) {
    if (s.kind == StmtKind::Block && static_cast<const Block&>(s).scoped) found = true;
    return true;
  };
  w.stmt(stmt);
  return found;
}

bool has_extends(const Body& body) {
  bool found = false;
  Walk w;
  w.on_stmt = [&](const Stmt& s) {
    if (s.kind == StmtKind::Extends) found = true;
    return true;
  };
  w.body(body);
  return found;
}

}  // namespace gongkai::tmpl::symbols
