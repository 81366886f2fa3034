#include "template/value.hpp"

#include <cmath>
#include <cstring>
#include <new>

#include "core/hash.hpp"
#include "template/object.hpp"
#include "template/pyformat.hpp"
#include "template/pystr.hpp"

namespace gongkai::tmpl {

namespace detail {

struct StringBody : Counted {
  size_t size = 0;
  char* data() { return reinterpret_cast<char*>(this + 1); }
  std::string_view view() { return {data(), size}; }
};

struct ListBody : Counted {
  std::vector<Value> items;
};

struct DictBody : Counted {
  Dict dict;
};

struct UndefinedBody : Counted {
  enum class Mode : uint8_t { Name, Hint, Member } mode = Mode::Name;
  std::string text;         // the name or the hint
  std::string object_type;  // Member: "dict object"
  Value key;                // Member: the attribute or item asked for
};

namespace {
StringBody* new_string(std::string_view s) {
  void* mem = ::operator new(sizeof(StringBody) + s.size());
  auto* body = new (mem) StringBody();
  body->size = s.size();
  if (!s.empty()) std::memcpy(body->data(), s.data(), s.size());
  return body;
}
}  // namespace

}  // namespace detail

namespace {
const std::vector<Value> kEmptyList;
const Dict kEmptyDict;
}  // namespace

Value::Value(std::string_view s) : kind_(Kind::String), flags_(0) {
  s_ = detail::new_string(s);
}

Value::Value(std::vector<Value> items) : kind_(Kind::List), flags_(0) {
  auto* body = new detail::ListBody();
  body->items = std::move(items);
  l_ = body;
}

Value::Value(Dict dict) : kind_(Kind::Dict), flags_(0) {
  auto* body = new detail::DictBody();
  body->dict = std::move(dict);
  d_ = body;
}

Value::Value(Object* object) noexcept : kind_(Kind::Object), flags_(0) {
  p_ = static_cast<detail::Counted*>(object);
}

Value Value::markup(std::string_view html) {
  Value v(html);
  v.flags_ |= kSafe;
  return v;
}

Value Value::tuple(std::vector<Value> items) {
  return list_of(std::move(items), ListFlavor::Tuple);
}

Value Value::list_of(std::vector<Value> items, ListFlavor flavor) {
  Value v(std::move(items));
  v.flags_ = static_cast<uint8_t>(flavor);
  return v;
}

Value Value::undefined_named(std::string_view name) {
  Value v;
  auto* body = new detail::UndefinedBody();
  body->mode = detail::UndefinedBody::Mode::Name;
  body->text = std::string(name);
  v.u_ = body;
  return v;
}

Value Value::undefined_hint(std::string_view hint) {
  Value v;
  auto* body = new detail::UndefinedBody();
  body->mode = detail::UndefinedBody::Mode::Hint;
  body->text = std::string(hint);
  v.u_ = body;
  return v;
}

Value Value::undefined_member(const Value& object, const Value& name) {
  Value v;
  auto* body = new detail::UndefinedBody();
  body->mode = detail::UndefinedBody::Mode::Member;
  if (object.is_none()) {
    body->object_type = "None";
  } else if (object.is_object()) {
    body->object_type = std::string(object.as_object()->type_name()) + " object";
  } else if (object.is_safe()) {
    body->object_type = "markupsafe.Markup object";
  } else {
    body->object_type = std::string(object.type_name()) + " object";
  }
  body->key = name;
  v.u_ = body;
  return v;
}

void Value::destroy() noexcept {
  switch (kind_) {
    case Kind::String: {
      s_->~StringBody();
      ::operator delete(static_cast<void*>(s_));
      break;
    }
    case Kind::List:
      delete l_;
      break;
    case Kind::Dict:
      delete d_;
      break;
    case Kind::Object:
      delete as_object();
      break;
    case Kind::Undefined:
      delete u_;
      break;
    default:
      break;
  }
}

bool Value::is_callable() const {
  return kind_ == Kind::Object && as_object()->is_callable();
}

std::string_view Value::as_string() const {
  return kind_ == Kind::String ? s_->view() : std::string_view();
}

const std::vector<Value>& Value::as_list() const {
  return kind_ == Kind::List ? l_->items : kEmptyList;
}

const Dict& Value::as_dict() const {
  return kind_ == Kind::Dict ? d_->dict : kEmptyDict;
}

bool Value::truthy() const {
  switch (kind_) {
    case Kind::Undefined:
    case Kind::None:
      return false;
    case Kind::Bool:
    case Kind::Int:
      return i_ != 0;
    case Kind::Float:
      return f_ != 0.0;
    case Kind::String:
      return s_->size != 0;
    case Kind::List:
      return !l_->items.empty();
    case Kind::Dict:
      return !d_->dict.empty();
    case Kind::Object:
      return as_object()->truthy();
  }
  return false;
}

void Value::append_str(std::string& out) const {
  switch (kind_) {
    case Kind::Undefined:
      return;
    case Kind::String:
      out.append(s_->view());
      return;
    case Kind::Int:
      pyformat::append_int(out, i_);
      return;
    case Kind::Object:
      as_object()->str(out);
      return;
    default:
      append_repr(out);
      return;
  }
}

std::string Value::str() const {
  std::string out;
  append_str(out);
  return out;
}

std::string Value::repr() const {
  std::string out;
  append_repr(out);
  return out;
}

void Value::append_repr(std::string& out) const {
  switch (kind_) {
    case Kind::Undefined:
      out += "Undefined";
      return;
    case Kind::None:
      out += "None";
      return;
    case Kind::Bool:
      out += i_ ? "True" : "False";
      return;
    case Kind::Int:
      pyformat::append_int(out, i_);
      return;
    case Kind::Float:
      pyformat::append_float_repr(out, f_);
      return;
    case Kind::String:
      if (flags_ & kSafe) {
        out += "Markup(";
        pystr::append_repr(out, s_->view());
        out += ')';
      } else {
        pystr::append_repr(out, s_->view());
      }
      return;
    case Kind::List: {
      const char* open = "[";
      const char* close = "]";
      switch (flavor()) {
        case ListFlavor::Tuple:
        case ListFlavor::GroupTuple:
          open = "(", close = ")";
          break;
        case ListFlavor::DictItems:
          open = "dict_items([", close = "])";
          break;
        case ListFlavor::DictKeys:
          open = "dict_keys([", close = "])";
          break;
        case ListFlavor::DictValues:
          open = "dict_values([", close = "])";
          break;
        default:
          break;
      }
      out += open;
      bool first = true;
      for (const Value& item : l_->items) {
        if (!first) out += ", ";
        first = false;
        item.append_repr(out);
      }
      if (is_tuple() && l_->items.size() == 1) out += ',';
      out += close;
      return;
    }
    case Kind::Dict: {
      out += '{';
      bool first = true;
      for (const auto& [k, v] : d_->dict) {
        if (!first) out += ", ";
        first = false;
        k.append_repr(out);
        out += ": ";
        v.append_repr(out);
      }
      out += '}';
      return;
    }
    case Kind::Object:
      as_object()->repr(out);
      return;
  }
}

std::string_view Value::type_name() const {
  switch (kind_) {
    case Kind::Undefined:
      return "Undefined";
    case Kind::None:
      return "NoneType";
    case Kind::Bool:
      return "bool";
    case Kind::Int:
      return "int";
    case Kind::Float:
      return "float";
    case Kind::String:
      return (flags_ & kSafe) ? "Markup" : "str";
    case Kind::List:
      switch (flavor()) {
        case ListFlavor::Tuple:
          return "tuple";
        case ListFlavor::GroupTuple:
          return "_GroupTuple";
        case ListFlavor::DictItems:
          return "dict_items";
        case ListFlavor::DictKeys:
          return "dict_keys";
        case ListFlavor::DictValues:
          return "dict_values";
        default:
          return "list";
      }
    case Kind::Dict:
      return "dict";
    case Kind::Object:
      return as_object()->type_name();
  }
  return "object";
}

std::string Value::undefined_message() const {
  if (kind_ != Kind::Undefined || !u_) return "None is undefined";
  using Mode = detail::UndefinedBody::Mode;
  switch (u_->mode) {
    case Mode::Hint:
      return u_->text;
    case Mode::Name: {
      std::string out;
      pystr::append_repr(out, u_->text);
      return out + " is undefined";
    }
    case Mode::Member: {
      if (!u_->key.is_string()) return u_->object_type + " has no element " + u_->key.repr();
      std::string out = "'" + u_->object_type + "' has no attribute ";
      pystr::append_repr(out, u_->key.as_string());
      return out;
    }
  }
  return "undefined";
}

Value Value::get(std::string_view key) const {
  if (kind_ == Kind::Dict) {
    const Value* v = d_->dict.find(key);
    return v ? *v : missing();
  }
  if (kind_ == Kind::Object) return as_object()->attribute(key);
  return missing();
}

size_t Value::size() const {
  switch (kind_) {
    case Kind::String:
      return pystr::length(s_->view());
    case Kind::List:
      return l_->items.size();
    case Kind::Dict:
      return d_->dict.size();
    case Kind::Object:
      return as_object()->has_length() ? as_object()->length() : 0;
    default:
      return 0;
  }
}

// ---- equality and hashing ----

namespace {

/// Exact comparison of an int64 with a double (no rounding of the int).
int compare_int_double(int64_t i, double d) {
  if (std::isnan(d)) return 2;  // unordered
  if (d >= 9223372036854775808.0) return -1;
  if (d < -9223372036854775808.0) return 1;
  double fl = std::floor(d);
  auto di = static_cast<int64_t>(fl);
  if (i < di) return -1;
  if (i > di) return 1;
  return fl < d ? -1 : 0;
}

}  // namespace

bool equals(const Value& a, const Value& b) {
  using K = Value::Kind;
  if (a.is_number() && b.is_number()) {
    if (a.kind() != K::Float && b.kind() != K::Float) return a.as_int() == b.as_int();
    if (a.kind() == K::Float && b.kind() == K::Float) return a.as_float() == b.as_float();
    if (a.kind() == K::Float) return compare_int_double(b.as_int(), a.as_float()) == 0;
    return compare_int_double(a.as_int(), b.as_float()) == 0;
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case K::Undefined:
    case K::None:
      return true;
    case K::String:
      return a.as_string() == b.as_string();
    case K::List: {
      bool a_tuple = a.is_tuple(), b_tuple = b.is_tuple();
      if (a_tuple != b_tuple) return false;
      const auto& x = a.as_list();
      const auto& y = b.as_list();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!equals(x[i], y[i])) return false;
      }
      return true;
    }
    case K::Dict: {
      const Dict& x = a.as_dict();
      const Dict& y = b.as_dict();
      if (x.size() != y.size()) return false;
      for (const auto& [k, v] : x) {
        const Value* other = y.find(k);
        if (!other || !equals(v, *other)) return false;
      }
      return true;
    }
    case K::Object:
      return a.identity() == b.identity();
    default:
      return false;
  }
}

uint64_t Dict::hash_string(std::string_view s) {
  return core::hash64(s, 0x9e3779b97f4a7c15ull);
}

uint64_t hash_value(const Value& v) {
  using K = Value::Kind;
  switch (v.kind()) {
    case K::Bool:
    case K::Int:
      return static_cast<uint64_t>(v.as_int()) * 0x9E3779B97F4A7C15ull;
    case K::Float: {
      double d = v.as_float();
      if (std::isfinite(d) && d == std::floor(d) && d >= -9.2e18 && d <= 9.2e18) {
        return static_cast<uint64_t>(static_cast<int64_t>(d)) * 0x9E3779B97F4A7C15ull;
      }
      uint64_t bits;
      std::memcpy(&bits, &d, sizeof bits);
      return bits * 0xC2B2AE3D27D4EB4Full;
    }
    case K::String:
      return Dict::hash_string(v.as_string());
    case K::List: {
      uint64_t h = 0x345678;
      for (const Value& item : v.as_list()) h = (h ^ hash_value(item)) * 1000003;
      return h;
    }
    case K::None:
      return 0x1234567;
    case K::Undefined:
      return 0x7654321;
    default:
      return reinterpret_cast<uintptr_t>(v.identity());
  }
}

// ---- Dict ----

namespace {
constexpr size_t kSmall = 8;
}

Dict::Dict(std::initializer_list<Entry> entries) {
  for (const auto& e : entries) set(e.first, e.second);
}

void Dict::index_insert(uint64_t hash, uint32_t position) {
  size_t mask = index_.size() - 1;
  size_t slot = hash & mask;
  while (index_[slot] != 0) slot = (slot + 1) & mask;
  index_[slot] = position + 1;
}

void Dict::rebuild_index() {
  size_t capacity = 16;
  while (capacity < entries_.size() * 2) capacity *= 2;
  index_.assign(capacity, 0);
  for (size_t i = 0; i < entries_.size(); ++i) {
    index_insert(hash_value(entries_[i].first), static_cast<uint32_t>(i));
  }
}

long Dict::find_index(const Value& key, uint64_t hash) const {
  if (index_.empty()) {
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (equals(entries_[i].first, key)) return static_cast<long>(i);
    }
    return -1;
  }
  size_t mask = index_.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    uint32_t pos = index_[slot];
    if (pos == 0) return -1;
    if (equals(entries_[pos - 1].first, key)) return static_cast<long>(pos - 1);
  }
}

void Dict::set(Value key, Value value) {
  uint64_t hash = index_.empty() ? 0 : hash_value(key);
  long at = find_index(key, hash);
  if (at >= 0) {
    entries_[static_cast<size_t>(at)].second = std::move(value);
    return;
  }
  append_unique(std::move(key), std::move(value));
}

void Dict::append_unique(Value key, Value value) {
  entries_.emplace_back(std::move(key), std::move(value));
  if (entries_.size() > kSmall) {
    if (index_.empty() || entries_.size() * 2 > index_.size()) {
      rebuild_index();
    } else {
      index_insert(hash_value(entries_.back().first), static_cast<uint32_t>(entries_.size() - 1));
    }
  }
}

const Value* Dict::find(std::string_view key) const {
  if (index_.empty()) {
    for (const auto& e : entries_) {
      if (e.first.is_string() && e.first.as_string() == key) return &e.second;
    }
    return nullptr;
  }
  return find(key, hash_string(key));
}

const Value* Dict::find(std::string_view key, uint64_t hash) const {
  if (index_.empty()) return find(key);
  size_t mask = index_.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    uint32_t pos = index_[slot];
    if (pos == 0) return nullptr;
    const Entry& e = entries_[pos - 1];
    if (e.first.is_string() && e.first.as_string() == key) return &e.second;
  }
}

const Value* Dict::find(const Value& key) const {
  if (key.is_string()) return find(key.as_string());
  long at = find_index(key, index_.empty() ? 0 : hash_value(key));
  return at >= 0 ? &entries_[static_cast<size_t>(at)].second : nullptr;
}

}  // namespace gongkai::tmpl
