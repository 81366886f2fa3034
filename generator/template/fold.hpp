#pragma once
// Constant folding as Jinja2's optimizer does it. It matters beyond speed: a folded `~`
// concatenation converts with str() (Markup becomes plain text), while one evaluated when
// rendering joins Markup-aware, and Jinja2's output differs accordingly.
#include "template/ast.hpp"

namespace gongkai::tmpl {

/// Replaces `e` by a Const when all its operands are constants and Jinja2 would fold it
/// (never names or calls; only pure builtin filters and tests). `autoescape` is the
/// compile-time setting filters like `join` see.
void fold_constant(ast::ExprPtr& e, bool autoescape);

}  // namespace gongkai::tmpl
