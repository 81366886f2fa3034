#include "template/parser.hpp"

#include <algorithm>
#include <set>

namespace gongkai::tmpl {

namespace {

using namespace ast;

struct Fail {
  std::string message;
  uint32_t offset;
};

/// An end-of-block expectation: "name:endfor" style, kept as names.
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
                                uint32_t offset) {
    std::set<std::string> expected;
    for (const auto& tokens : stack) expected.insert(tokens.begin(), tokens.end());
    std::string looking;
    if (!stack.empty()) {
      for (const auto& n : stack.back()) {
        if (!looking.empty()) looking += " or ";
        looking += "'" + n + "'";
      }
    }
    std::string message =
        name ? "Encountered unknown tag '" + *name + "'." : "Unexpected end of template.";
    if (!looking.empty()) {
      if (name && expected.count(*name)) {
        message +=
            " You probably made a nesting mistake. Jinja is expecting this tag, but currently "
            "looking for " +
            looking + ".";
      } else {
        message += " Jinja was looking for the following tags: " + looking + ".";
      }
    }
    if (!tag_stack_.empty()) {
      message +=
          " The innermost block that needs to be closed is '" + tag_stack_.back().first + "'.";
    }
    fail(message, offset);
  }
  /// At the end of the template: points at the innermost tag left open (Jinja2 gives the
  /// last line).
  [[noreturn]] void fail_eof(const EndTokens* end_tokens) {
    auto stack = end_stack_;
    if (end_tokens) stack.push_back(*end_tokens);
    fail_ut_eof(nullptr, stack, tag_stack_.empty() ? cur().offset : tag_stack_.back().second);
  }

  // ---- statements ----
  Body subparse(const EndTokens* end_tokens) {
    Body body;
    std::unique_ptr<Output> data;
    if (end_tokens) end_stack_.push_back(*end_tokens);
    auto flush = [&] {
      if (data) body.push_back(std::move(data));
      data.reset();
    };
    auto add = [&](uint32_t offset) -> Output& {
      if (!data) data = std::make_unique<Output>(offset);
      return *data;
    };
    while (!is(TokenType::Eof)) {
      const Token& tok = cur();
      if (tok.type == TokenType::Data) {
        add(tok.offset).parts.push_back({tok.text, nullptr});
        advance();
      } else if (tok.type == TokenType::VariableBegin) {
        uint32_t at = advance().offset;
        ExprPtr e = parse_tuple(false, true, nullptr, false, false);
        add(at).parts.push_back({{}, std::move(e)});
        expect(TokenType::VariableEnd);
      } else if (tok.type == TokenType::BlockBegin) {
        flush();
        advance();
        if (end_tokens && cur().type == TokenType::Name &&
            std::find(end_tokens->begin(), end_tokens->end(), cur().text) != end_tokens->end()) {
          end_stack_.pop_back();
          return body;
        }
        parse_statement(body);
        expect(TokenType::BlockEnd);
      } else {
        fail("internal parsing error");
      }
    }
    flush();
    if (end_tokens) end_stack_.pop_back();
    return body;
  }

  Body parse_statements(const EndTokens& end_tokens, bool drop_needle) {
    skip_if(TokenType::Colon);
    expect(TokenType::BlockEnd);
    Body result = subparse(&end_tokens);
    if (is(TokenType::Eof)) fail_eof(&end_tokens);
    if (drop_needle) advance();
    return result;
  }

  void parse_statement(Body& body) {
    const Token& tok = cur();
    if (tok.type != TokenType::Name) fail("tag name expected", tok.offset);
    std::string name = tok.text;
    uint32_t at = tok.offset;
    tag_stack_.emplace_back(name, at);
    StmtPtr s;
    if (name == "for")
      s = parse_for();
    else if (name == "if")
      s = parse_if();
    else if (name == "block")
      s = parse_block();
    else if (name == "extends")
      s = parse_extends();
    else if (name == "print")
      s = parse_print();
    else if (name == "macro")
      s = parse_macro();
    else if (name == "include")
      s = parse_include();
    else if (name == "from")
      s = parse_from();
    else if (name == "import")
      s = parse_import();
    else if (name == "set")
      s = parse_set();
    else if (name == "with")
      s = parse_with();
    else if (name == "autoescape")
      s = parse_autoescape();
    else if (name == "call")
      s = parse_call_block();
    else if (name == "filter")
      s = parse_filter_block();
    else {
      tag_stack_.pop_back();
      fail_ut_eof(&name, end_stack_, at);
    }
    tag_stack_.pop_back();
    body.push_back(std::move(s));
  }

  StmtPtr parse_set() {
    uint32_t at = advance().offset;
    ExprPtr target = parse_assign_target(true, false, nullptr, true);
    if (skip_if(TokenType::Assign)) {
      auto node = std::make_unique<Assign>(at);
      node->target = std::move(target);
      node->value = parse_tuple(false, true, nullptr, false, false);
      return node;
    }
    auto node = std::make_unique<AssignBlock>(at);
    node->target = std::move(target);
    node->filter = parse_filter(nullptr, false);
    node->body = parse_statements({"endset"}, true);
    return node;
  }

  StmtPtr parse_for() {
    auto node = std::make_unique<For>(expect_name("for").offset);
    std::vector<std::string> in_rule = {"in"};
    node->target = parse_assign_target(true, false, &in_rule, false);
    expect_name("in");
    std::vector<std::string> rec_rule = {"recursive"};
    node->iter = parse_tuple(false, false, &rec_rule, false, false);
    if (skip_if_name("if")) node->test = parse_expression(true);
    node->recursive = skip_if_name("recursive");
    node->body = parse_statements({"endfor", "else"}, false);
    if (advance().text != "endfor") node->else_body = parse_statements({"endfor"}, true);
    return node;
  }

  StmtPtr parse_if() {
    auto node = std::make_unique<If>(expect_name("if").offset);
    while (true) {
      If::Branch branch;
      branch.test = parse_tuple(false, false, nullptr, false, false);
      branch.body = parse_statements({"elif", "else", "endif"}, false);
      node->branches.push_back(std::move(branch));
      const Token& tok = advance();
      if (tok.text == "elif") continue;
      if (tok.text == "else") node->else_body = parse_statements({"endif"}, true);
      break;
    }
    return node;
  }

  StmtPtr parse_with() {
    auto node = std::make_unique<With>(advance().offset);
    while (!is(TokenType::BlockEnd)) {
      if (!node->targets.empty()) expect(TokenType::Comma);
      ExprPtr target = parse_assign_target(true, false, nullptr, false);
      set_ctx(*target, NameCtx::Param);
      node->targets.push_back(std::move(target));
      expect(TokenType::Assign);
      node->values.push_back(parse_expression(true));
    }
    node->body = parse_statements({"endwith"}, true);
    return node;
  }

  StmtPtr parse_autoescape() {
    auto node = std::make_unique<Autoescape>(advance().offset);
    node->value = parse_expression(true);
    node->body = parse_statements({"endautoescape"}, true);
    return node;
  }

  StmtPtr parse_block() {
    auto node = std::make_unique<Block>(advance().offset);
    node->name = expect(TokenType::Name).text;
    node->scoped = skip_if_name("scoped");
    node->required = skip_if_name("required");
    if (is(TokenType::Sub)) {
      fail(
          "Block names in Jinja have to be valid Python identifiers and may not contain hyphens, "
          "use an underscore instead.");
    }
    node->body = parse_statements({"endblock"}, true);
    if (node->required) {
      for (const auto& s : node->body) {
        bool blank = s->kind == StmtKind::Output;
        if (blank) {
          for (const auto& part : static_cast<Output&>(*s).parts) {
            bool space = !part.expr && !part.text.empty() &&
                         std::all_of(part.text.begin(), part.text.end(),
                                     [](char c) { return c == ' ' || (c >= 9 && c <= 13); });
            if (!space) blank = false;
          }
        }
        if (!blank) fail("Required blocks can only contain comments or whitespace");
      }
    }
    skip_if_name(node->name);
    return node;
  }

  StmtPtr parse_extends() {
    auto node = std::make_unique<Extends>(advance().offset);
    node->name = parse_expression(true);
    return node;
  }

  bool parse_context(bool fallback) {
    if ((is_name("with") || is_name("without")) && look().type == TokenType::Name &&
        look().text == "context") {
      bool with = advance().text == "with";
      advance();
      return with;
    }
    return fallback;
  }

  StmtPtr parse_include() {
    auto node = std::make_unique<Include>(advance().offset);
    node->name = parse_expression(true);
    if (is_name("ignore") && look().type == TokenType::Name && look().text == "missing") {
      node->ignore_missing = true;
      advance();
      advance();
    }
    node->with_context = parse_context(true);
    return node;
  }

  StmtPtr parse_import() {
    auto node = std::make_unique<Import>(advance().offset);
    node->name = parse_expression(true);
    expect_name("as");
    node->target = expect(TokenType::Name).text;
    node->with_context = parse_context(false);
    return node;
  }

  StmtPtr parse_from() {
    auto node = std::make_unique<FromImport>(advance().offset);
    node->name = parse_expression(true);
    expect_name("import");
    bool context_set = false;
    auto try_context = [&]() -> bool {
      if ((is_name("with") || is_name("without")) && look().type == TokenType::Name &&
          look().text == "context") {
        node->with_context = advance().text == "with";
        advance();
        context_set = true;
        return true;
      }
      return false;
    };
    while (true) {
      if (!node->names.empty()) expect(TokenType::Comma);
      if (is(TokenType::Name)) {
        if (try_context()) break;
        const Token& target = expect(TokenType::Name);
        if (!target.text.empty() && target.text[0] == '_') {
          fail("names starting with an underline can not be imported", target.offset);
        }
        FromImport::Item item;
        item.name = target.text;
        item.alias = target.text;
        if (skip_if_name("as")) item.alias = expect(TokenType::Name).text;
        node->names.push_back(std::move(item));
        if (try_context() || !is(TokenType::Comma)) break;
      } else {
        expect(TokenType::Name);
      }
    }
    if (!context_set) node->with_context = false;
    return node;
  }

  void parse_signature(MacroCode& code) {
    expect(TokenType::LParen);
    while (!is(TokenType::RParen)) {
      if (!code.params.empty()) expect(TokenType::Comma);
      const Token& name = expect(TokenType::Name);
      code.params.push_back({name.text, 0, name.offset});
      if (skip_if(TokenType::Assign)) {
        code.defaults.push_back(parse_expression(true));
      } else if (!code.defaults.empty()) {
        fail("non-default argument follows default argument");
      }
    }
    expect(TokenType::RParen);
  }

  StmtPtr parse_call_block() {
    auto node = std::make_unique<CallBlock>(advance().offset);
    node->code.name = "caller";
    if (is(TokenType::LParen)) parse_signature(node->code);
    ExprPtr call = parse_expression(true);
    if (call->kind != ExprKind::Call) fail("expected call", node->offset);
    node->call.reset(static_cast<Call*>(call.release()));
    node->code.body = parse_statements({"endcall"}, true);
    return node;
  }

  StmtPtr parse_filter_block() {
    auto node = std::make_unique<FilterBlock>(advance().offset);
    node->filter = parse_filter(nullptr, true);
    node->body = parse_statements({"endfilter"}, true);
    return node;
  }

  StmtPtr parse_macro() {
    auto node = std::make_unique<Macro>(advance().offset);
    node->code.name = expect(TokenType::Name).text;
    parse_signature(node->code);
    node->code.body = parse_statements({"endmacro"}, true);
    return node;
  }

  StmtPtr parse_print() {
    auto node = std::make_unique<Output>(advance().offset);
    while (!is(TokenType::BlockEnd)) {
      if (!node->parts.empty()) expect(TokenType::Comma);
      node->parts.push_back({{}, parse_expression(true)});
    }
    return node;
  }

  // ---- assignment targets ----
  static void set_ctx(Expr& e, NameCtx ctx) {
    if (e.kind == ExprKind::Name) static_cast<Name&>(e).ctx = ctx;
    if (e.kind == ExprKind::Tuple) {
      for (auto& item : static_cast<Sequence&>(e).items) set_ctx(*item, ctx);
    }
  }

  static bool can_assign(const Expr& e) {
    if (e.kind == ExprKind::Name) {
      const auto& n = static_cast<const Name&>(e).name;
      return n != "true" && n != "false" && n != "none" && n != "True" && n != "False" &&
             n != "None";
    }
    if (e.kind == ExprKind::NSRef) return true;
    if (e.kind == ExprKind::Tuple) {
      for (const auto& item : static_cast<const Sequence&>(e).items) {
        if (!can_assign(*item)) return false;
      }
      return true;
    }
    return false;
  }

  static std::string node_name(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Const:
        return "const";
      case ExprKind::List:
        return "list";
      case ExprKind::Dict:
        return "dict";
      case ExprKind::Tuple:
        return "tuple";
      case ExprKind::Call:
        return "call";
      case ExprKind::Getattr:
        return "getattr";
      case ExprKind::Getitem:
        return "getitem";
      default:
        return "expr";
    }
  }

  ExprPtr parse_assign_target(bool with_tuple, bool name_only,
                              const std::vector<std::string>* extra_end, bool with_namespace) {
    ExprPtr target;
    if (name_only) {
      const Token& tok = expect(TokenType::Name);
      target = std::make_unique<Name>(tok.offset, tok.text, NameCtx::Store);
    } else {
      target = with_tuple ? parse_tuple(true, true, extra_end, false, with_namespace)
                          : parse_primary(with_namespace);
      set_ctx(*target, NameCtx::Store);
    }
    if (!can_assign(*target)) fail("can't assign to '" + node_name(*target) + "'", target->offset);
    return target;
  }

  // ---- expressions ----
  ExprPtr parse_expression(bool with_condexpr) {
    return with_condexpr ? parse_condexpr() : parse_or();
  }

  ExprPtr parse_condexpr() {
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

  ExprPtr parse_or() {
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

  ExprPtr parse_and() {
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

  ExprPtr parse_not() {
    if (is_name("not")) {
      uint32_t at = advance().offset;
      return std::make_unique<Unary>(at, UnOp::Not, parse_not());
    }
    return parse_compare();
  }

  ExprPtr parse_compare() {
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

  ExprPtr binary(uint32_t at, BinOp op, uint32_t op_at, ExprPtr l, ExprPtr r) {
    auto node = std::make_unique<Binary>(at, op, std::move(l), std::move(r));
    node->op_offset = op_at;
    return node;
  }

  ExprPtr parse_math1() {
    uint32_t at = cur().offset;
    ExprPtr left = parse_concat();
    while (is(TokenType::Add) || is(TokenType::Sub)) {
      BinOp op = is(TokenType::Add) ? BinOp::Add : BinOp::Sub;
      uint32_t op_at = advance().offset;
      left = binary(at, op, op_at, std::move(left), parse_concat());
    }
    return left;
  }

  ExprPtr parse_concat() {
    uint32_t at = cur().offset;
    ExprPtr first = parse_math2();
    if (!is(TokenType::Tilde)) return first;
    auto node = std::make_unique<Concat>(at);
    node->parts.push_back(std::move(first));
    while (skip_if(TokenType::Tilde)) node->parts.push_back(parse_math2());
    return node;
  }

  ExprPtr parse_math2() {
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

  ExprPtr parse_pow() {
    uint32_t at = cur().offset;
    ExprPtr left = parse_unary(true);
    while (is(TokenType::Pow)) {
      uint32_t op_at = advance().offset;
      left = binary(at, BinOp::Pow, op_at, std::move(left), parse_unary(true));
    }
    return left;
  }

  ExprPtr parse_unary(bool with_filter) {
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

  ExprPtr parse_primary(bool with_namespace) {
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

  bool is_tuple_end(const std::vector<std::string>* extra_end) const {
    if (is(TokenType::VariableEnd) || is(TokenType::BlockEnd) || is(TokenType::RParen)) return true;
    if (extra_end && cur().type == TokenType::Name) {
      return std::find(extra_end->begin(), extra_end->end(), cur().text) != extra_end->end();
    }
    return false;
  }

  ExprPtr parse_tuple(bool simplified, bool with_condexpr,
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

  ExprPtr parse_list() {
    auto node = std::make_unique<Sequence>(ExprKind::List, expect(TokenType::LBracket).offset);
    while (!is(TokenType::RBracket)) {
      if (!node->items.empty()) expect(TokenType::Comma);
      if (is(TokenType::RBracket)) break;
      node->items.push_back(parse_expression(true));
    }
    expect(TokenType::RBracket);
    return node;
  }

  ExprPtr parse_dict() {
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

  ExprPtr parse_postfix(ExprPtr node) {
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

  ExprPtr parse_filter_expr(ExprPtr node) {
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

  ExprPtr parse_subscript(ExprPtr node) {
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

  ExprPtr parse_subscribed() {
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

  CallArgs parse_call_args() {
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

  ExprPtr parse_call(ExprPtr node) {
    uint32_t at = cur().offset;
    auto call = std::make_unique<Call>(at, std::move(node));
    call->args = parse_call_args();
    return call;
  }

  std::string dotted_name() {
    std::string name = expect(TokenType::Name).text;
    while (is(TokenType::Dot)) {
      advance();
      name += "." + expect(TokenType::Name).text;
    }
    return name;
  }

  std::unique_ptr<FilterExpr> parse_filter(ExprPtr node, bool start_inline) {
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

  ExprPtr parse_test(ExprPtr node) {
    uint32_t at = advance().offset;  // 'is'
    bool negated = skip_if_name("not");
    uint32_t name_at = cur().offset;
    std::string name = dotted_name();
    auto test = std::make_unique<TestExpr>(name_at, std::move(node), name);
    TokenType type = cur().type;
    if (type == TokenType::LParen) {
      test->args = parse_call_args();
    } else if ((type == TokenType::Name || type == TokenType::String ||
                type == TokenType::Integer || type == TokenType::Float ||
                type == TokenType::LBracket || type == TokenType::LBrace) &&
               !is_name("else") && !is_name("or") && !is_name("and")) {
      if (is_name("is")) fail("You cannot chain multiple tests with is");
      ExprPtr arg = parse_postfix(parse_primary(false));
      test->args.args.push_back(std::move(arg));
    }
    if (negated) return std::make_unique<Unary>(at, UnOp::Not, std::move(test));
    return test;
  }

  std::vector<Token>& t_;
  size_t i_ = 0;
  std::vector<std::pair<std::string, uint32_t>> tag_stack_;  // open tags and where they start
  std::vector<EndTokens> end_stack_;
};

}  // namespace

bool parse_template(std::string_view source, ast::Body& out, SyntaxError* error) {
  std::vector<Token> tokens;
  LexError lex;
  if (!tokenize(source, tokens, &lex)) {
    if (error) *error = {lex.message, lex.offset};
    return false;
  }
  try {
    Parser p(tokens);
    out = p.parse();
    return true;
  } catch (const Fail& f) {
    if (error) *error = {f.message, f.offset};
    return false;
  }
}

}  // namespace gongkai::tmpl
