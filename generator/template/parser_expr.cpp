// The expression half of the parser: Jinja2's precedence climbing, postfix, filters, tests.
#include "template/parser_impl.hpp"

namespace gongkai::tmpl::parsing {

ExprPtr Parser::parse_expression(bool with_condexpr) {
  return with_condexpr ? parse_condexpr() : parse_or();
}

ExprPtr Parser::parse_condexpr() {
  uint32_t at = cur().offset;
  ExprPtr expr1 = parse_or();
  while (skip_if_name("if")) {
    auto node = std::make_unique<CondExpr>(at);
    node->test = parse_or();
    if (skip_if_name("else")) node->otherwise = parse_condexpr();
    node->then = std::move(expr1);
    expr1 = std::move(node);
    at = cur().offset;
  }
  return expr1;
}

ExprPtr Parser::parse_or() {
  uint32_t at = cur().offset;
  ExprPtr left = parse_and();
  while (is_name("or")) {
    uint32_t op = advance().offset;
    auto node = std::make_unique<Binary>(at, BinOp::Or, std::move(left), parse_and());
    node->op_offset = op;
    left = std::move(node);
  }
  return left;
}

ExprPtr Parser::parse_and() {
  uint32_t at = cur().offset;
  ExprPtr left = parse_not();
  while (is_name("and")) {
    uint32_t op = advance().offset;
    auto node = std::make_unique<Binary>(at, BinOp::And, std::move(left), parse_not());
    node->op_offset = op;
    left = std::move(node);
  }
  return left;
}

ExprPtr Parser::parse_not() {
  if (is_name("not")) {
    uint32_t at = advance().offset;
    return std::make_unique<Unary>(at, UnOp::Not, parse_not());
  }
  return parse_compare();
}

ExprPtr Parser::parse_compare() {
  uint32_t at = cur().offset;
  ExprPtr expr = parse_math1();
  std::unique_ptr<Compare> node;
  auto add = [&](CmpOp op, uint32_t op_at) {
    if (!node) {
      node = std::make_unique<Compare>(at);
      node->first = std::move(expr);
    }
    node->ops.push_back({op, parse_math1(), op_at});
  };
  while (true) {
    TokenType type = cur().type;
    uint32_t op_at = cur().offset;
    if (type == TokenType::Eq || type == TokenType::Ne || type == TokenType::Lt ||
        type == TokenType::LtEq || type == TokenType::Gt || type == TokenType::GtEq) {
      advance();
      CmpOp op = type == TokenType::Eq     ? CmpOp::Eq
                 : type == TokenType::Ne   ? CmpOp::Ne
                 : type == TokenType::Lt   ? CmpOp::Lt
                 : type == TokenType::LtEq ? CmpOp::LtEq
                 : type == TokenType::Gt   ? CmpOp::Gt
                                           : CmpOp::GtEq;
      add(op, op_at);
    } else if (skip_if_name("in")) {
      add(CmpOp::In, op_at);
    } else if (is_name("not") && look().type == TokenType::Name && look().text == "in") {
      advance();
      advance();
      add(CmpOp::NotIn, op_at);
    } else {
      break;
    }
  }
  if (!node) return expr;
  return node;
}

ExprPtr Parser::binary(uint32_t at, BinOp op, uint32_t op_at, ExprPtr l, ExprPtr r) {
  auto node = std::make_unique<Binary>(at, op, std::move(l), std::move(r));
  node->op_offset = op_at;
  return node;
}

ExprPtr Parser::parse_math1() {
  uint32_t at = cur().offset;
  ExprPtr left = parse_concat();
  while (is(TokenType::Add) || is(TokenType::Sub)) {
    BinOp op = is(TokenType::Add) ? BinOp::Add : BinOp::Sub;
    uint32_t op_at = advance().offset;
    left = binary(at, op, op_at, std::move(left), parse_concat());
  }
  return left;
}

ExprPtr Parser::parse_concat() {
  uint32_t at = cur().offset;
  ExprPtr first = parse_math2();
  if (!is(TokenType::Tilde)) return first;
  auto node = std::make_unique<Concat>(at);
  node->parts.push_back(std::move(first));
  while (skip_if(TokenType::Tilde)) node->parts.push_back(parse_math2());
  return node;
}

ExprPtr Parser::parse_math2() {
  uint32_t at = cur().offset;
  ExprPtr left = parse_pow();
  while (is(TokenType::Mul) || is(TokenType::Div) || is(TokenType::FloorDiv) ||
         is(TokenType::Mod)) {
    TokenType type = cur().type;
    BinOp op = type == TokenType::Mul        ? BinOp::Mul
               : type == TokenType::Div      ? BinOp::Div
               : type == TokenType::FloorDiv ? BinOp::FloorDiv
                                             : BinOp::Mod;
    uint32_t op_at = advance().offset;
    left = binary(at, op, op_at, std::move(left), parse_pow());
  }
  return left;
}

ExprPtr Parser::parse_pow() {
  uint32_t at = cur().offset;
  ExprPtr left = parse_unary(true);
  while (is(TokenType::Pow)) {
    uint32_t op_at = advance().offset;
    left = binary(at, BinOp::Pow, op_at, std::move(left), parse_unary(true));
  }
  return left;
}

ExprPtr Parser::parse_unary(bool with_filter) {
  uint32_t at = cur().offset;
  ExprPtr node;
  if (is(TokenType::Sub)) {
    advance();
    node = std::make_unique<Unary>(at, UnOp::Neg, parse_unary(false));
  } else if (is(TokenType::Add)) {
    advance();
    node = std::make_unique<Unary>(at, UnOp::Pos, parse_unary(false));
  } else {
    node = parse_primary(false);
  }
  node = parse_postfix(std::move(node));
  if (with_filter) node = parse_filter_expr(std::move(node));
  return node;
}

ExprPtr Parser::parse_primary(bool with_namespace) {
  const Token& tok = cur();
  uint32_t at = tok.offset;
  switch (tok.type) {
    case TokenType::Name: {
      std::string name = advance().text;
      if (name == "true" || name == "True") return std::make_unique<Const>(at, Value(true));
      if (name == "false" || name == "False") return std::make_unique<Const>(at, Value(false));
      if (name == "none" || name == "None") return std::make_unique<Const>(at, Value::none());
      if (with_namespace && is(TokenType::Dot)) {
        advance();
        std::string attr = expect(TokenType::Name).text;
        return std::make_unique<NSRef>(at, name, attr);
      }
      return std::make_unique<Name>(at, name, NameCtx::Load);
    }
    case TokenType::String: {
      std::string s = advance().text;
      while (is(TokenType::String)) s += advance().text;
      return std::make_unique<Const>(at, Value(s));
    }
    case TokenType::Integer: {
      const Token& t = advance();
      if (t.big_integer) fail("integer literal is too large", at);
      return std::make_unique<Const>(at, Value(t.integer));
    }
    case TokenType::Float:
      return std::make_unique<Const>(at, Value(advance().number));
    case TokenType::LParen: {
      advance();
      ExprPtr e = parse_tuple(false, true, nullptr, true, false);
      expect(TokenType::RParen);
      return e;
    }
    case TokenType::LBracket:
      return parse_list();
    case TokenType::LBrace:
      return parse_dict();
    default:
      fail("unexpected '" + describe(tok) + "'", at);
  }
}

bool Parser::is_tuple_end(const std::vector<std::string>* extra_end) const {
  if (is(TokenType::VariableEnd) || is(TokenType::BlockEnd) || is(TokenType::RParen)) return true;
  if (extra_end && cur().type == TokenType::Name) {
    return std::find(extra_end->begin(), extra_end->end(), cur().text) != extra_end->end();
  }
  return false;
}

ExprPtr Parser::parse_tuple(bool simplified, bool with_condexpr,
                            const std::vector<std::string>* extra_end, bool explicit_parentheses,
                            bool with_namespace) {
  uint32_t at = cur().offset;
  std::vector<ExprPtr> args;
  bool is_tuple = false;
  while (true) {
    if (!args.empty()) expect(TokenType::Comma);
    if (is_tuple_end(extra_end)) break;
    args.push_back(simplified ? parse_primary(with_namespace) : parse_expression(with_condexpr));
    if (is(TokenType::Comma)) {
      is_tuple = true;
    } else {
      break;
    }
  }
  if (!is_tuple) {
    if (!args.empty()) return std::move(args[0]);
    if (!explicit_parentheses) fail("Expected an expression, got '" + describe(cur()) + "'");
  }
  auto node = std::make_unique<Sequence>(ExprKind::Tuple, at);
  node->items = std::move(args);
  return node;
}

ExprPtr Parser::parse_list() {
  auto node = std::make_unique<Sequence>(ExprKind::List, expect(TokenType::LBracket).offset);
  while (!is(TokenType::RBracket)) {
    if (!node->items.empty()) expect(TokenType::Comma);
    if (is(TokenType::RBracket)) break;
    node->items.push_back(parse_expression(true));
  }
  expect(TokenType::RBracket);
  return node;
}

ExprPtr Parser::parse_dict() {
  auto node = std::make_unique<DictExpr>(expect(TokenType::LBrace).offset);
  while (!is(TokenType::RBrace)) {
    if (!node->items.empty()) expect(TokenType::Comma);
    if (is(TokenType::RBrace)) break;
    ExprPtr key = parse_expression(true);
    expect(TokenType::Colon);
    ExprPtr value = parse_expression(true);
    node->items.emplace_back(std::move(key), std::move(value));
  }
  expect(TokenType::RBrace);
  return node;
}

ExprPtr Parser::parse_postfix(ExprPtr node) {
  while (true) {
    if (is(TokenType::Dot) || is(TokenType::LBracket)) {
      node = parse_subscript(std::move(node));
    } else if (is(TokenType::LParen)) {
      node = parse_call(std::move(node));
    } else {
      return node;
    }
  }
}

ExprPtr Parser::parse_filter_expr(ExprPtr node) {
  while (true) {
    if (is(TokenType::Pipe)) {
      node = parse_filter(std::move(node), false);
    } else if (is_name("is")) {
      node = parse_test(std::move(node));
    } else if (is(TokenType::LParen)) {
      node = parse_call(std::move(node));
    } else {
      return node;
    }
  }
}

ExprPtr Parser::parse_subscript(ExprPtr node) {
  const Token& tok = advance();
  uint32_t at = tok.offset;
  if (tok.type == TokenType::Dot) {
    const Token& attr = cur();
    advance();
    if (attr.type == TokenType::Name) {
      auto g = std::make_unique<Getattr>(at, std::move(node), attr.text);
      g->attr_offset = attr.offset;
      return g;
    }
    if (attr.type != TokenType::Integer) fail("expected name or number", attr.offset);
    return std::make_unique<Getitem>(at, std::move(node),
                                     std::make_unique<Const>(attr.offset, Value(attr.integer)));
  }
  std::vector<ExprPtr> args;
  while (!is(TokenType::RBracket)) {
    if (!args.empty()) expect(TokenType::Comma);
    args.push_back(parse_subscribed());
  }
  expect(TokenType::RBracket);
  ExprPtr arg;
  if (args.size() == 1) {
    arg = std::move(args[0]);
  } else {
    auto tuple = std::make_unique<Sequence>(ExprKind::Tuple, at);
    tuple->items = std::move(args);
    arg = std::move(tuple);
  }
  return std::make_unique<Getitem>(at, std::move(node), std::move(arg));
}

ExprPtr Parser::parse_subscribed() {
  uint32_t at = cur().offset;
  auto slice = std::make_unique<Slice>(at);
  if (is(TokenType::Colon)) {
    advance();
  } else {
    ExprPtr node = parse_expression(true);
    if (!is(TokenType::Colon)) return node;
    advance();
    slice->start = std::move(node);
  }
  if (!is(TokenType::Colon) && !is(TokenType::RBracket) && !is(TokenType::Comma)) {
    slice->stop = parse_expression(true);
  }
  if (is(TokenType::Colon)) {
    advance();
    if (!is(TokenType::RBracket) && !is(TokenType::Comma)) slice->step = parse_expression(true);
  }
  return slice;
}

CallArgs Parser::parse_call_args() {
  const Token& open = expect(TokenType::LParen);
  uint32_t at = open.offset;
  CallArgs out;
  bool require_comma = false;
  auto ensure = [&](bool ok) {
    if (!ok) fail("invalid syntax for function call expression", at);
  };
  while (!is(TokenType::RParen)) {
    if (require_comma) {
      expect(TokenType::Comma);
      if (is(TokenType::RParen)) break;
    }
    if (is(TokenType::Mul)) {
      ensure(!out.dyn_args && !out.dyn_kwargs);
      advance();
      out.dyn_args = parse_expression(true);
    } else if (is(TokenType::Pow)) {
      ensure(!out.dyn_kwargs);
      advance();
      out.dyn_kwargs = parse_expression(true);
    } else if (is(TokenType::Name) && look().type == TokenType::Assign) {
      ensure(!out.dyn_kwargs);
      std::string key = advance().text;
      advance();
      out.kwargs.emplace_back(std::move(key), parse_expression(true));
    } else {
      ensure(!out.dyn_args && !out.dyn_kwargs && out.kwargs.empty());
      out.args.push_back(parse_expression(true));
    }
    require_comma = true;
  }
  expect(TokenType::RParen);
  return out;
}

ExprPtr Parser::parse_call(ExprPtr node) {
  uint32_t at = cur().offset;
  auto call = std::make_unique<Call>(at, std::move(node));
  call->args = parse_call_args();
  return call;
}

std::string Parser::dotted_name() {
  std::string name = expect(TokenType::Name).text;
  while (is(TokenType::Dot)) {
    advance();
    name += "." + expect(TokenType::Name).text;
  }
  return name;
}

std::unique_ptr<FilterExpr> Parser::parse_filter(ExprPtr node, bool start_inline) {
  std::unique_ptr<FilterExpr> result;
  ExprPtr operand = std::move(node);
  while (is(TokenType::Pipe) || start_inline) {
    if (!start_inline) advance();
    uint32_t at = cur().offset;
    std::string name = dotted_name();
    auto f = std::make_unique<FilterExpr>(at, std::move(operand), name);
    if (is(TokenType::LParen)) f->args = parse_call_args();
    operand = std::move(f);
    start_inline = false;
  }
  if (operand && operand->kind == ExprKind::Filter) {
    result.reset(static_cast<FilterExpr*>(operand.release()));
  }
  return result;
}

ExprPtr Parser::parse_test(ExprPtr node) {
  uint32_t at = advance().offset;  // 'is'
  bool negated = skip_if_name("not");
  uint32_t name_at = cur().offset;
  std::string name = dotted_name();
  auto test = std::make_unique<TestExpr>(name_at, std::move(node), name);
  TokenType type = cur().type;
  if (type == TokenType::LParen) {
    test->args = parse_call_args();
  } else if ((type == TokenType::Name || type == TokenType::String || type == TokenType::Integer ||
              type == TokenType::Float || type == TokenType::LBracket ||
              type == TokenType::LBrace) &&
             !is_name("else") && !is_name("or") && !is_name("and")) {
    if (is_name("is")) fail("You cannot chain multiple tests with is");
    ExprPtr arg = parse_postfix(parse_primary(false));
    test->args.args.push_back(std::move(arg));
  }
  if (negated) return std::make_unique<Unary>(at, UnOp::Not, std::move(test));
  return test;
}

}  // namespace gongkai::tmpl::parsing
