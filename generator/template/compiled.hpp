#pragma once
// A template after parsing and compiling: immutable, shared by every render and every thread.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_file.hpp"
#include "template/ast.hpp"
#include "template/registry.hpp"

namespace gongkai::tmpl {

struct BlockCode {
  std::string name;
  const ast::Block* node = nullptr;
  ast::FunctionCode fn;
  int self_slot = -1;   ///< `self` when the block uses it
  int super_slot = -1;  ///< `super` when the block uses it
};

struct CompiledTemplate {
  std::string name;
  core::SourceFile source;  ///< the normalised text (Jinja2's newline handling applied)
  bool autoescape = false;  ///< from the name: .html .htm .xml
  ast::Body body;
  ast::FunctionCode root;
  int self_slot = -1;
  bool has_extends = false;
  std::vector<BlockCode> blocks;  ///< in source order

  const BlockCode* block(std::string_view block_name) const {
    for (const auto& b : blocks) {
      if (b.name == block_name) return &b;
    }
    return nullptr;
  }
};

struct CompileError {
  std::string message;
  uint32_t offset = 0;
};

/// Resolves scopes into slots (Jinja2's frame rules), folds constants as Jinja2's optimizer does,
/// and binds filters and tests. `t.body` must hold the parsed tree.
bool compile_template(CompiledTemplate& t, const Registry& registry, CompileError* error);

}  // namespace gongkai::tmpl
