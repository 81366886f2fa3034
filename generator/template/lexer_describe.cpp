// How tokens are named in syntax errors (Jinja2's describe_token).
#include "template/lexer.hpp"

namespace gongkai::tmpl {

std::string describe(TokenType type) {
  switch (type) {
    case TokenType::Data:
      return "template data / text";
    case TokenType::VariableBegin:
      return "begin of print statement";
    case TokenType::VariableEnd:
      return "end of print statement";
    case TokenType::BlockBegin:
      return "begin of statement block";
    case TokenType::BlockEnd:
      return "end of statement block";
    case TokenType::Name:
      return "name";
    case TokenType::String:
      return "string";
    case TokenType::Integer:
      return "integer";
    case TokenType::Float:
      return "float";
    case TokenType::Add:
      return "+";
    case TokenType::Sub:
      return "-";
    case TokenType::Mul:
      return "*";
    case TokenType::Div:
      return "/";
    case TokenType::FloorDiv:
      return "//";
    case TokenType::Mod:
      return "%";
    case TokenType::Pow:
      return "**";
    case TokenType::Tilde:
      return "~";
    case TokenType::LBracket:
      return "[";
    case TokenType::RBracket:
      return "]";
    case TokenType::LParen:
      return "(";
    case TokenType::RParen:
      return ")";
    case TokenType::LBrace:
      return "{";
    case TokenType::RBrace:
      return "}";
    case TokenType::Eq:
      return "==";
    case TokenType::Ne:
      return "!=";
    case TokenType::Gt:
      return ">";
    case TokenType::GtEq:
      return ">=";
    case TokenType::Lt:
      return "<";
    case TokenType::LtEq:
      return "<=";
    case TokenType::Assign:
      return "=";
    case TokenType::Dot:
      return ".";
    case TokenType::Colon:
      return ":";
    case TokenType::Pipe:
      return "|";
    case TokenType::Comma:
      return ",";
    case TokenType::Semicolon:
      return ";";
    case TokenType::Eof:
      return "end of template";
  }
  return "token";
}

std::string describe(const Token& token) {
  if (token.type == TokenType::Name) return token.text;
  return describe(token.type);
}

}  // namespace gongkai::tmpl
