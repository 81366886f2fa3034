#pragma once
// The parser's class, shared by parser_stmt.cpp (statements) and parser_expr.cpp (expressions).
// Internal to the engine: use parse_template() from parser.hpp.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "template/parser.hpp"

namespace gongkai::tmpl::parsing {

using namespace ast;

struct Fail {
  std::string message;
  uint32_t offset;
};

/// An end-of-block expectation: the tag names that close it ("endfor", "else").
using EndTokens = std::vector<std::string>;

class Parser {
 public:
  explicit Parser(std::vector<Token>& tokens) : t_(tokens) {}

  Body parse() { return subparse(nullptr); }

 private:
  // ---- token stream ----
  const Token& cur() const { return t_[i_]; }
  const Token& look() const { return t_[std::min(i_ + 1, t_.size() - 1)]; }
  const Token& advance() {
    const Token& t = t_[i_];
    if (i_ + 1 < t_.size()) ++i_;
    return t;
  }
  bool is(TokenType type) const { return cur().type == type; }
  bool is_name(std::string_view name) const {
    return cur().type == TokenType::Name && cur().text == name;
  }
  bool skip_if(TokenType type) {
    if (!is(type)) return false;
    advance();
    return true;
  }
  bool skip_if_name(std::string_view name) {
    if (!is_name(name)) return false;
    advance();
    return true;
  }
  [[noreturn]] void fail(std::string message, uint32_t offset) {
    throw Fail{std::move(message), offset};
  }
  [[noreturn]] void fail(std::string message) { fail(std::move(message), cur().offset); }

  const Token& expect(TokenType type) {
    if (!is(type)) {
      std::string what = describe(type);
      if (is(TokenType::Eof)) fail("unexpected end of template, expected '" + what + "'.");
      fail("expected token '" + what + "', got '" + describe(cur()) + "'");
    }
    return advance();
  }
  const Token& expect_name(std::string_view name) {
    if (!is_name(name)) {
      if (is(TokenType::Eof))
        fail("unexpected end of template, expected '" + std::string(name) + "'.");
      fail("expected token '" + std::string(name) + "', got '" + describe(cur()) + "'");
    }
    return advance();
  }

  // ---- errors naming the blocks left open ----
  [[noreturn]] void fail_ut_eof(const std::string* name, const std::vector<EndTokens>& stack,
                                uint32_t offset);
  /// At the end of the template: points at the innermost tag left open (Jinja2 gives the
  /// last line).
  [[noreturn]] void fail_eof(const EndTokens* end_tokens) {
    auto stack = end_stack_;
    if (end_tokens) stack.push_back(*end_tokens);
    fail_ut_eof(nullptr, stack, tag_stack_.empty() ? cur().offset : tag_stack_.back().second);
  }

  // ---- statements ----
  Body subparse(const EndTokens* end_tokens);

  Body parse_statements(const EndTokens& end_tokens, bool drop_needle);

  void parse_statement(Body& body);

  StmtPtr parse_set();

  StmtPtr parse_for();

  StmtPtr parse_if();

  StmtPtr parse_with();

  StmtPtr parse_autoescape();

  StmtPtr parse_block();

  StmtPtr parse_extends();

  bool parse_context(bool fallback);

  StmtPtr parse_include();

  StmtPtr parse_import();

  StmtPtr parse_from();

  void parse_signature(MacroCode& code);

  StmtPtr parse_call_block();

  StmtPtr parse_filter_block();

  StmtPtr parse_macro();

  StmtPtr parse_print();

  // ---- assignment targets ----
  static void set_ctx(Expr& e, NameCtx ctx);

  static bool can_assign(const Expr& e);

  static std::string node_name(const Expr& e);

  ExprPtr parse_assign_target(bool with_tuple, bool name_only,
                              const std::vector<std::string>* extra_end, bool with_namespace);

  // ---- expressions ----
  ExprPtr parse_expression(bool with_condexpr);

  ExprPtr parse_condexpr();

  ExprPtr parse_or();

  ExprPtr parse_and();

  ExprPtr parse_not();

  ExprPtr parse_compare();

  ExprPtr binary(uint32_t at, BinOp op, uint32_t op_at, ExprPtr l, ExprPtr r);

  ExprPtr parse_math1();

  ExprPtr parse_concat();

  ExprPtr parse_math2();

  ExprPtr parse_pow();

  ExprPtr parse_unary(bool with_filter);

  ExprPtr parse_primary(bool with_namespace);

  bool is_tuple_end(const std::vector<std::string>* extra_end) const;

  ExprPtr parse_tuple(bool simplified, bool with_condexpr,
                      const std::vector<std::string>* extra_end, bool explicit_parentheses,
                      bool with_namespace);

  ExprPtr parse_list();

  ExprPtr parse_dict();

  ExprPtr parse_postfix(ExprPtr node);

  ExprPtr parse_filter_expr(ExprPtr node);

  ExprPtr parse_subscript(ExprPtr node);

  ExprPtr parse_subscribed();

  CallArgs parse_call_args();

  ExprPtr parse_call(ExprPtr node);

  std::string dotted_name();

  std::unique_ptr<FilterExpr> parse_filter(ExprPtr node, bool start_inline);

  ExprPtr parse_test(ExprPtr node);

  std::vector<Token>& t_;
  size_t i_ = 0;
  std::vector<std::pair<std::string, uint32_t>> tag_stack_;  // open tags and where they start
  std::vector<EndTokens> end_stack_;
};

}  // namespace gongkai::tmpl::parsing
