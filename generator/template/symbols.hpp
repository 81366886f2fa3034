#pragma once
// Jinja2's symbol tracking (idtracking.py), ported rule for rule: which names a frame loads,
// stores or receives as parameters, and how each is initialised when the frame is entered.
// Getting these rules exactly right is what makes `set` inside a loop not leak, a macro see the
// template's variables, and an include see the loop variable — as in Jinja2.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "template/ast.hpp"

namespace gongkai::tmpl::symbols {

struct Fn;

enum class Load : uint8_t { Parameter, Resolve, Alias, Undefined };

struct LoadInfo {
  Load kind = Load::Undefined;
  std::string param;  ///< Resolve: the name; Alias: the outer identifier
};

/// One frame's names. Identifiers are Jinja2's `l_<level>_<name>`.
struct Symbols {
  Symbols* parent = nullptr;
  int level = 0;
  Fn* fn = nullptr;  ///< the function (activation record) the identifiers live in
  std::map<std::string, std::string> refs;  ///< name → identifier
  std::map<std::string, LoadInfo> loads;    ///< identifier → how it is initialised
  std::set<std::string> stores;

  std::string define_ref(const std::string& name, const LoadInfo* load);
  /// The identifier for name and the Symbols that defines it (nullptr when unknown).
  const Symbols* find_owner(const std::string& name, std::string* ident) const;
  bool find_ref(const std::string& name, std::string* ident) const {
    return find_owner(name, ident);
  }
  void store(const std::string& name);
  std::string declare_parameter(const std::string& name);
  void load(const std::string& name);
  void branch_update(const std::vector<Symbols*>& branches);
  /// Every name stored in this frame or its parents (Jinja2's dump_stores), sorted per frame.
  std::vector<std::string> dump_stores() const;
};

/// Which For branch a frame analyses.
enum class ForBranch : uint8_t { Body, Else, Test };

/// Makes Symbols objects that stay put (frames point at their parents).
class SymbolsArena {
 public:
  Symbols* make(Symbols* parent, Fn* fn);
  Symbols* copy(const Symbols& from);

 private:
  std::vector<std::unique_ptr<Symbols>> all_;
};

/// Jinja2's RootVisitor: analyses the frame a statement opens.
void analyze_template(Symbols& s, const ast::Body& body, SymbolsArena& arena);
void analyze_block(Symbols& s, const ast::Block& block, SymbolsArena& arena);
void analyze_macro(Symbols& s, const ast::MacroCode& code, SymbolsArena& arena);
void analyze_for(Symbols& s, const ast::For& node, ForBranch branch, SymbolsArena& arena);
void analyze_with(Symbols& s, const ast::With& node, SymbolsArena& arena);
void analyze_filter_block(Symbols& s, const ast::FilterBlock& node, SymbolsArena& arena);
void analyze_assign_block(Symbols& s, const ast::AssignBlock& node, SymbolsArena& arena);
void analyze_autoescape(Symbols& s, const ast::Autoescape& node, SymbolsArena& arena);

/// Jinja2's find_undeclared: which of `names` the statements load before storing them.
std::set<std::string> find_undeclared(const ast::Body& body, std::set<std::string> names);
/// True when a Name stored as `name` appears anywhere below the statement.
bool stores_name(const ast::Stmt& stmt, const std::string& name);
/// True when a `{% block … scoped %}` appears anywhere below the statement.
bool has_scoped_block(const ast::Stmt& stmt);
/// True when an `{% extends %}` appears anywhere in the body.
bool has_extends(const ast::Body& body);

}  // namespace gongkai::tmpl::symbols
