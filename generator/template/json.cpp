#include "template/json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "template/object.hpp"
#include "template/ops.hpp"
#include "template/pyformat.hpp"
#include "template/pystr.hpp"

namespace gongkai::tmpl {

namespace {

template <typename Json>
Value convert(const Json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      return Value::none();
    case nlohmann::json::value_t::boolean:
      return Value(j.template get<bool>());
    case nlohmann::json::value_t::number_integer:
      return Value(j.template get<int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
      auto u = j.template get<uint64_t>();
      if (u <= static_cast<uint64_t>(INT64_MAX)) return Value(static_cast<int64_t>(u));
      return Value(static_cast<double>(u));
    }
    case nlohmann::json::value_t::number_float:
      return Value(j.template get<double>());
    case nlohmann::json::value_t::string:
      return Value(j.template get_ref<const std::string&>());
    case nlohmann::json::value_t::array: {
      std::vector<Value> items;
      items.reserve(j.size());
      for (const auto& item : j) items.push_back(convert(item));
      return Value(std::move(items));
    }
    case nlohmann::json::value_t::object: {
      Dict d;
      d.reserve(j.size());
      for (auto it = j.begin(); it != j.end(); ++it)
        d.append_unique(Value(it.key()), convert(it.value()));
      return Value(std::move(d));
    }
    default:
      return Value::none();
  }
}

void dump_string(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  auto u4 = [&](unsigned v) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(v >> shift) & 15];
  };
  out += '"';
  for (size_t i = 0; i < s.size();) {
    char32_t c = pystr::next(s, i);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20 || c > 0x7e) {  // ensure_ascii: only printable ASCII stays
          if (c >= 0x10000) {
            char32_t v = c - 0x10000;
            u4(0xD800 | (v >> 10));
            u4(0xDC00 | (v & 0x3FF));
          } else {
            u4(static_cast<unsigned>(c));
          }
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void dump_float(std::string& out, double d) {
  if (std::isnan(d))
    out += "NaN";
  else if (std::isinf(d))
    out += d < 0 ? "-Infinity" : "Infinity";
  else
    pyformat::append_float_repr(out, d);
}

[[noreturn]] void not_serializable(const Value& v) {
  std::string type(v.type_name());
  size_t dot = type.rfind('.');
  if (dot != std::string::npos) type = type.substr(dot + 1);
  throw RuntimeError("Object of type " + type + " is not JSON serializable");
}

std::string key_string(const Value& k) {
  switch (k.kind()) {
    case Value::Kind::String:
      return std::string(k.as_string());
    case Value::Kind::Int:
      return std::to_string(k.as_int());
    case Value::Kind::Float: {
      std::string s;
      dump_float(s, k.as_float());
      return s;
    }
    case Value::Kind::Bool:
      return k.as_bool() ? "true" : "false";
    case Value::Kind::None:
      return "null";
    default:
      throw RuntimeError("keys must be str, int, float, bool or None, not " +
                         std::string(k.type_name()));
  }
}

struct Dumper {
  int indent;
  bool sort_keys;
  std::string out;

  void newline(int level) {
    out += '\n';
    out.append(static_cast<size_t>(indent * level), ' ');
  }

  void dump(const Value& v, int level) {
    switch (v.kind()) {
      case Value::Kind::None:
        out += "null";
        return;
      case Value::Kind::Bool:
        out += v.as_bool() ? "true" : "false";
        return;
      case Value::Kind::Int:
        pyformat::append_int(out, v.as_int());
        return;
      case Value::Kind::Float:
        dump_float(out, v.as_float());
        return;
      case Value::Kind::String:
        dump_string(out, v.as_string());
        return;
      case Value::Kind::List: {
        if (v.flavor() != ListFlavor::List && !v.is_tuple()) not_serializable(v);
        dump_array(v.as_list(), level);
        return;
      }
      case Value::Kind::Dict: {
        std::vector<std::pair<Value, Value>> items(v.as_dict().begin(), v.as_dict().end());
        dump_object(std::move(items), level);
        return;
      }
      case Value::Kind::Object: {
        Object* o = v.as_object();
        if (o->is_mapping()) {
          std::vector<std::pair<Value, Value>> items;
          for (const Value& k : o->items()) items.emplace_back(k, o->item(k));
          dump_object(std::move(items), level);
          return;
        }
        not_serializable(v);
      }
      default:
        not_serializable(v);
    }
  }

  void dump_array(const std::vector<Value>& items, int level) {
    if (items.empty()) {
      out += "[]";
      return;
    }
    out += '[';
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out += indent >= 0 ? "," : ", ";
      if (indent >= 0) newline(level + 1);
      dump(items[i], level + 1);
    }
    if (indent >= 0) newline(level);
    out += ']';
  }

  void dump_object(std::vector<std::pair<Value, Value>> items, int level) {
    if (items.empty()) {
      out += "{}";
      return;
    }
    if (sort_keys) {
      std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
        return ops::order(a.first, b.first, "<") == -1;
      });
    }
    out += '{';
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out += indent >= 0 ? "," : ", ";
      if (indent >= 0) newline(level + 1);
      dump_string(out, key_string(items[i].first));
      out += ": ";
      dump(items[i].second, level + 1);
    }
    if (indent >= 0) newline(level);
    out += '}';
  }
};

}  // namespace

Value Value::from_json(const nlohmann::json& j) {
  return convert(j);
}
Value Value::from_json(const nlohmann::ordered_json& j) {
  return convert(j);
}

std::string dump_json(const Value& value, int indent, bool sort_keys) {
  Dumper d{indent, sort_keys, {}};
  d.dump(value, 0);
  return std::move(d.out);
}

}  // namespace gongkai::tmpl
