#pragma once
// The syntax tree of a template, as the parser builds it (Jinja2's nodes) plus what the compiler
// resolves ahead of rendering: variable slots, frame set-up, filters and tests by pointer.
// Every node keeps the byte offset of the token that starts it; line and column are computed
// only when an error is reported.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "template/object.hpp"
#include "template/value.hpp"

namespace gongkai::tmpl {
struct FilterEntry;
struct TestEntry;
}  // namespace gongkai::tmpl

namespace gongkai::tmpl::ast {

// ---- what the compiler resolves ----

/// A variable: a slot in the activation `hops` closures out from the running one.
struct SlotRef {
  uint16_t hops = 0;
  uint16_t slot = 0;
};

enum class LoadKind : uint8_t {
  Resolve,  ///< look the name up in the context (Jinja2's `resolve`)
  Alias,    ///< copy another variable (an outer scope's)
  Missing,  ///< start unset
};

struct LoadOp {
  LoadKind kind = LoadKind::Missing;
  uint16_t slot = 0;
  SlotRef source;    ///< Alias
  std::string name;  ///< Resolve
  uint64_t hash = 0;
};

/// What entering and leaving one of Jinja2's frames does to variables.
struct FrameCode {
  std::vector<LoadOp> enter;
  std::vector<uint16_t> leave;  ///< slots reset to "missing" on the way out
};

/// A unit of code with its own activation record (Jinja2: a generated Python function).
struct FunctionCode {
  uint16_t slot_count = 0;
  FrameCode frame;
};

// ---- expressions ----

enum class ExprKind : uint8_t {
  Const,
  Name,
  NSRef,
  Tuple,
  List,
  Dict,
  Binary,
  Unary,
  Concat,
  Compare,
  CondExpr,
  Getattr,
  Getitem,
  Slice,
  Call,
  Filter,
  Test,
};

struct Expr {
  ExprKind kind;
  uint32_t offset = 0;
  explicit Expr(ExprKind k, uint32_t at) : kind(k), offset(at) {}
  virtual ~Expr() = default;
};
using ExprPtr = std::unique_ptr<Expr>;

struct Const final : Expr {
  Value value;
  Const(uint32_t at, Value v) : Expr(ExprKind::Const, at), value(std::move(v)) {}
};

enum class NameCtx : uint8_t { Load, Store, Param };

struct Name final : Expr {
  std::string name;
  NameCtx ctx = NameCtx::Load;
  SlotRef ref;
  Value undefined;  ///< what loading an unset name gives (made once, by the compiler)
  Name(uint32_t at, std::string n, NameCtx c)
      : Expr(ExprKind::Name, at), name(std::move(n)), ctx(c) {}
};

/// `ns.attr` as an assignment target (`{% set ns.attr = … %}`).
struct NSRef final : Expr {
  std::string name;
  std::string attr;
  SlotRef ref;
  NSRef(uint32_t at, std::string n, std::string a)
      : Expr(ExprKind::NSRef, at), name(std::move(n)), attr(std::move(a)) {}
};

/// Tuple or List literal (a tuple may also be an assignment target).
struct Sequence final : Expr {
  std::vector<ExprPtr> items;
  NameCtx ctx = NameCtx::Load;
  Sequence(ExprKind k, uint32_t at) : Expr(k, at) {}
};

struct DictExpr final : Expr {
  std::vector<std::pair<ExprPtr, ExprPtr>> items;
  explicit DictExpr(uint32_t at) : Expr(ExprKind::Dict, at) {}
};

enum class BinOp : uint8_t { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, And, Or };

struct Binary final : Expr {
  BinOp op;
  ExprPtr left, right;
  uint32_t op_offset = 0;  ///< the operator token, where errors point
  Binary(uint32_t at, BinOp o, ExprPtr l, ExprPtr r)
      : Expr(ExprKind::Binary, at), op(o), left(std::move(l)), right(std::move(r)) {}
};

enum class UnOp : uint8_t { Not, Neg, Pos };

struct Unary final : Expr {
  UnOp op;
  ExprPtr operand;
  Unary(uint32_t at, UnOp o, ExprPtr e) : Expr(ExprKind::Unary, at), op(o), operand(std::move(e)) {}
};

struct Concat final : Expr {
  std::vector<ExprPtr> parts;
  explicit Concat(uint32_t at) : Expr(ExprKind::Concat, at) {}
};

enum class CmpOp : uint8_t { Eq, Ne, Lt, LtEq, Gt, GtEq, In, NotIn };

struct Compare final : Expr {
  ExprPtr first;
  struct Operand {
    CmpOp op;
    ExprPtr expr;
    uint32_t offset;
  };
  std::vector<Operand> ops;
  explicit Compare(uint32_t at) : Expr(ExprKind::Compare, at) {}
};

struct CondExpr final : Expr {
  ExprPtr test, then, otherwise;  // otherwise may be null
  explicit CondExpr(uint32_t at) : Expr(ExprKind::CondExpr, at) {}
};

struct Getattr final : Expr {
  ExprPtr object;
  std::string attr;
  uint64_t hash = 0;
  uint32_t attr_offset = 0;
  Getattr(uint32_t at, ExprPtr o, std::string a)
      : Expr(ExprKind::Getattr, at), object(std::move(o)), attr(std::move(a)) {}
};

struct Getitem final : Expr {
  ExprPtr object;
  ExprPtr index;  // may be a Slice
  Getitem(uint32_t at, ExprPtr o, ExprPtr i)
      : Expr(ExprKind::Getitem, at), object(std::move(o)), index(std::move(i)) {}
};

struct Slice final : Expr {
  ExprPtr start, stop, step;  // each may be null
  explicit Slice(uint32_t at) : Expr(ExprKind::Slice, at) {}
};

struct CallArgs {
  std::vector<ExprPtr> args;
  std::vector<std::pair<std::string, ExprPtr>> kwargs;
  ExprPtr dyn_args, dyn_kwargs;
};

struct Call final : Expr {
  ExprPtr callee;
  CallArgs args;
  Call(uint32_t at, ExprPtr c) : Expr(ExprKind::Call, at), callee(std::move(c)) {}
};

struct FilterExpr final : Expr {
  ExprPtr operand;  // null in a filter block or `set` block: the block's content
  std::string name;
  CallArgs args;
  const FilterEntry* filter = nullptr;  // resolved by the compiler; null = unknown (error when run)
  FilterExpr(uint32_t at, ExprPtr o, std::string n)
      : Expr(ExprKind::Filter, at), operand(std::move(o)), name(std::move(n)) {}
};

struct TestExpr final : Expr {
  ExprPtr operand;
  std::string name;
  CallArgs args;
  const TestEntry* test = nullptr;
  TestExpr(uint32_t at, ExprPtr o, std::string n)
      : Expr(ExprKind::Test, at), operand(std::move(o)), name(std::move(n)) {}
};

// ---- statements ----

enum class StmtKind : uint8_t {
  Output,
  If,
  For,
  Macro,
  CallBlock,
  FilterBlock,
  With,
  Assign,
  AssignBlock,
  Block,
  Extends,
  Include,
  Import,
  FromImport,
  Autoescape,
};

struct Stmt {
  StmtKind kind;
  uint32_t offset = 0;
  Stmt(StmtKind k, uint32_t at) : kind(k), offset(at) {}
  virtual ~Stmt() = default;
};
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

/// Text and `{{ … }}` expressions in a row.
struct Output final : Stmt {
  struct Part {
    std::string text;  // when expr is null
    ExprPtr expr;
  };
  std::vector<Part> parts;
  bool output_check = false;  ///< skipped once the template has extended another (Jinja2)
  explicit Output(uint32_t at) : Stmt(StmtKind::Output, at) {}
};

struct If final : Stmt {
  struct Branch {
    ExprPtr test;
    Body body;
  };
  std::vector<Branch> branches;  // if, elif…
  Body else_body;
  explicit If(uint32_t at) : Stmt(StmtKind::If, at) {}
};

/// Names assigned at the top level also go to the template's context (exported for imports).
struct ContextExport {
  std::string name;
  SlotRef ref;
};

struct For final : Stmt {
  ExprPtr target, iter, test;
  Body body, else_body;
  bool recursive = false;
  // compiled
  FrameCode loop_frame, else_frame;
  int loop_slot = -1;  ///< slot of `loop` when the body uses it
  FunctionCode test_fn;
  ExprPtr test_target;  ///< the target again, bound in the filter function's own slots
  FunctionCode recursive_fn;
  bool leave_loop_frame = true;
  explicit For(uint32_t at) : Stmt(StmtKind::For, at) {}
};

struct Param {
  std::string name;
  uint16_t slot = 0;
  uint32_t offset = 0;
};

/// A macro's or call block's signature and compiled body.
struct MacroCode {
  std::string name;               // "caller" for call blocks
  std::vector<Param> params;      // declared parameters in order
  std::vector<ExprPtr> defaults;  // for the last defaults.size() parameters
  Body body;
  FunctionCode fn;
  bool catch_kwargs = false, catch_varargs = false, uses_caller = false;
  bool explicit_caller = false;
  uint16_t kwargs_slot = 0, varargs_slot = 0, caller_slot = 0;
};

struct Macro final : Stmt {
  MacroCode code;
  SlotRef target;
  bool toplevel = false;
  explicit Macro(uint32_t at) : Stmt(StmtKind::Macro, at) {}
};

struct CallBlock final : Stmt {
  std::unique_ptr<Call> call;
  MacroCode code;
  explicit CallBlock(uint32_t at) : Stmt(StmtKind::CallBlock, at) {}
};

struct FilterBlock final : Stmt {
  std::unique_ptr<FilterExpr> filter;
  Body body;
  FrameCode frame;
  explicit FilterBlock(uint32_t at) : Stmt(StmtKind::FilterBlock, at) {}
};

struct With final : Stmt {
  std::vector<ExprPtr> targets, values;
  Body body;
  FrameCode frame;
  explicit With(uint32_t at) : Stmt(StmtKind::With, at) {}
};

struct Assign final : Stmt {
  ExprPtr target, value;
  std::vector<ContextExport> exports;
  explicit Assign(uint32_t at) : Stmt(StmtKind::Assign, at) {}
};

struct AssignBlock final : Stmt {
  ExprPtr target;
  std::unique_ptr<FilterExpr> filter;  // may be null
  Body body;
  FrameCode frame;
  std::vector<ContextExport> exports;
  explicit AssignBlock(uint32_t at) : Stmt(StmtKind::AssignBlock, at) {}
};

struct Block final : Stmt {
  std::string name;
  bool scoped = false, required = false;
  Body body;
  bool output_check = false;
  bool skip = false;  ///< after a top-level extends: never rendered in place
  std::vector<std::pair<std::string, SlotRef>> locals;  ///< scoped: what the block sees
  explicit Block(uint32_t at) : Stmt(StmtKind::Block, at) {}
};

struct Extends final : Stmt {
  ExprPtr name;
  explicit Extends(uint32_t at) : Stmt(StmtKind::Extends, at) {}
};

/// Locals an include or an import "with context" passes along (Jinja2's dump_local_context).
using LocalNames = std::vector<std::pair<std::string, SlotRef>>;

struct Include final : Stmt {
  ExprPtr name;
  bool ignore_missing = false, with_context = true;
  LocalNames locals;
  explicit Include(uint32_t at) : Stmt(StmtKind::Include, at) {}
};

struct Import final : Stmt {
  ExprPtr name;
  std::string target;
  bool with_context = false;
  SlotRef ref;
  bool toplevel = false;
  LocalNames locals;
  explicit Import(uint32_t at) : Stmt(StmtKind::Import, at) {}
};

struct FromImport final : Stmt {
  ExprPtr name;
  struct Item {
    std::string name, alias;
    SlotRef ref;
  };
  std::vector<Item> names;
  bool with_context = false;
  bool toplevel = false;
  LocalNames locals;
  explicit FromImport(uint32_t at) : Stmt(StmtKind::FromImport, at) {}
};

struct Autoescape final : Stmt {
  ExprPtr value;
  Body body;
  FrameCode frame;
  explicit Autoescape(uint32_t at) : Stmt(StmtKind::Autoescape, at) {}
};

}  // namespace gongkai::tmpl::ast
