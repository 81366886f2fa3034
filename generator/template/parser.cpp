// The statement half of the parser (Jinja2's parse_* for tags) and the entry point.
#include <algorithm>
#include <set>

#include "template/parser_impl.hpp"

namespace gongkai::tmpl {

namespace parsing {

void Parser::fail_ut_eof(const std::string* name, const std::vector<EndTokens>& stack,
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
    message += " The innermost block that needs to be closed is '" + tag_stack_.back().first + "'.";
  }
  fail(message, offset);
}

Body Parser::subparse(const EndTokens* end_tokens) {
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

Body Parser::parse_statements(const EndTokens& end_tokens, bool drop_needle) {
  skip_if(TokenType::Colon);
  expect(TokenType::BlockEnd);
  Body result = subparse(&end_tokens);
  if (is(TokenType::Eof)) fail_eof(&end_tokens);
  if (drop_needle) advance();
  return result;
}

void Parser::parse_statement(Body& body) {
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

StmtPtr Parser::parse_set() {
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

StmtPtr Parser::parse_for() {
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

StmtPtr Parser::parse_if() {
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

StmtPtr Parser::parse_with() {
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

StmtPtr Parser::parse_autoescape() {
  auto node = std::make_unique<Autoescape>(advance().offset);
  node->value = parse_expression(true);
  node->body = parse_statements({"endautoescape"}, true);
  return node;
}

StmtPtr Parser::parse_block() {
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

StmtPtr Parser::parse_extends() {
  auto node = std::make_unique<Extends>(advance().offset);
  node->name = parse_expression(true);
  return node;
}

bool Parser::parse_context(bool fallback) {
  if ((is_name("with") || is_name("without")) && look().type == TokenType::Name &&
      look().text == "context") {
    bool with = advance().text == "with";
    advance();
    return with;
  }
  return fallback;
}

StmtPtr Parser::parse_include() {
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

StmtPtr Parser::parse_import() {
  auto node = std::make_unique<Import>(advance().offset);
  node->name = parse_expression(true);
  expect_name("as");
  node->target = expect(TokenType::Name).text;
  node->with_context = parse_context(false);
  return node;
}

StmtPtr Parser::parse_from() {
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

void Parser::parse_signature(MacroCode& code) {
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

StmtPtr Parser::parse_call_block() {
  auto node = std::make_unique<CallBlock>(advance().offset);
  node->code.name = "caller";
  if (is(TokenType::LParen)) parse_signature(node->code);
  ExprPtr call = parse_expression(true);
  if (call->kind != ExprKind::Call) fail("expected call", node->offset);
  node->call.reset(static_cast<Call*>(call.release()));
  node->code.body = parse_statements({"endcall"}, true);
  return node;
}

StmtPtr Parser::parse_filter_block() {
  auto node = std::make_unique<FilterBlock>(advance().offset);
  node->filter = parse_filter(nullptr, true);
  node->body = parse_statements({"endfilter"}, true);
  return node;
}

StmtPtr Parser::parse_macro() {
  auto node = std::make_unique<Macro>(advance().offset);
  node->code.name = expect(TokenType::Name).text;
  parse_signature(node->code);
  node->code.body = parse_statements({"endmacro"}, true);
  return node;
}

StmtPtr Parser::parse_print() {
  auto node = std::make_unique<Output>(advance().offset);
  while (!is(TokenType::BlockEnd)) {
    if (!node->parts.empty()) expect(TokenType::Comma);
    node->parts.push_back({{}, parse_expression(true)});
  }
  return node;
}

void Parser::set_ctx(Expr& e, NameCtx ctx) {
  if (e.kind == ExprKind::Name) static_cast<Name&>(e).ctx = ctx;
  if (e.kind == ExprKind::Tuple) {
    for (auto& item : static_cast<Sequence&>(e).items) set_ctx(*item, ctx);
  }
}

bool Parser::can_assign(const Expr& e) {
  if (e.kind == ExprKind::Name) {
    const auto& n = static_cast<const Name&>(e).name;
    return n != "true" && n != "false" && n != "none" && n != "True" && n != "False" && n != "None";
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

std::string Parser::node_name(const Expr& e) {
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

ExprPtr Parser::parse_assign_target(bool with_tuple, bool name_only,
                                    const std::vector<std::string>* extra_end,
                                    bool with_namespace) {
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

}  // namespace parsing

bool parse_template(std::string_view source, ast::Body& out, SyntaxError* error) {
  std::vector<Token> tokens;
  LexError lex;
  if (!tokenize(source, tokens, &lex)) {
    if (error) *error = {lex.message, lex.offset};
    return false;
  }
  try {
    parsing::Parser p(tokens);
    out = p.parse();
    return true;
  } catch (const parsing::Fail& f) {
    if (error) *error = {f.message, f.offset};
    return false;
  }
}

}  // namespace gongkai::tmpl
