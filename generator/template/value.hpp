#pragma once
// The values templates see: a JSON-like model with Python's semantics (Jinja2 is Python).
//
// A Value is 16 bytes: a kind, a few flag bits and an immediate payload (bool, int64, double) or a
// pointer to a shared, immutable, reference-counted body (string, list, dict, object). Copying a
// Value copies a pointer and bumps an atomic count, so page contexts can share sub-trees freely and
// several threads may read the same Value at once.
#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace gongkai::tmpl {

class Value;
class Dict;
class Object;
class CallContext;
struct Args;

namespace detail {
/// The shared header of every heap body; the count is atomic because bodies cross threads.
struct Counted {
  mutable std::atomic<uint32_t> refs{1};
};
struct StringBody;
struct ListBody;
struct DictBody;
struct UndefinedBody;
}  // namespace detail

/// How a list prints: Python has several sequence types that templates can see.
enum class ListFlavor : uint8_t {
  List,        ///< [1, 2]
  Tuple,       ///< (1, 2)
  DictItems,   ///< dict_items([('a', 1)])
  DictKeys,    ///< dict_keys(['a'])
  DictValues,  ///< dict_values([1])
  GroupTuple,  ///< (grouper, list) from `groupby`: a tuple with .grouper and .list
};

class Value {
 public:
  enum class Kind : uint8_t {
    Undefined,  ///< Jinja2's Undefined: prints empty, falsy, iterates as empty
    None,       ///< Python None (JSON null)
    Bool,
    Int,     ///< int64; arithmetic that would overflow is an error, never a wrong number
    Float,   ///< double, printed as Python's repr
    String,  ///< UTF-8; may be marked safe (Markup)
    List,    ///< list or tuple (see ListFlavor)
    Dict,    ///< insertion-ordered mapping
    Object,  ///< C++-backed: callables, macros, namespaces, lazily computed objects
  };

  Value() noexcept : kind_(Kind::Undefined), flags_(0), i_(0) {}
  Value(std::nullptr_t) noexcept : kind_(Kind::None), flags_(0), i_(0) {}
  Value(bool b) noexcept : kind_(Kind::Bool), flags_(0), i_(b ? 1 : 0) {}
  template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> &&
                                             !std::is_same_v<T, char>,
                                         int> = 0>
  Value(T i) noexcept : kind_(Kind::Int), flags_(0), i_(static_cast<int64_t>(i)) {}
  Value(double d) noexcept : kind_(Kind::Float), flags_(0), f_(d) {}
  Value(float d) noexcept : Value(static_cast<double>(d)) {}
  Value(std::string_view s);
  Value(const char* s) : Value(std::string_view(s)) {}
  Value(const std::string& s) : Value(std::string_view(s)) {}
  /// A list: Value(std::vector<Value>{…}) or Value::list({…}).
  Value(std::vector<Value> items);
  Value(Dict dict);
  /// Wraps an object; the Value shares ownership (objects are reference-counted).
  explicit Value(Object* object) noexcept;

  Value(const Value& o) noexcept : kind_(o.kind_), flags_(o.flags_), i_(o.i_) { retain(); }
  Value(Value&& o) noexcept : kind_(o.kind_), flags_(o.flags_), i_(o.i_) {
    o.kind_ = Kind::Undefined;
    o.flags_ = 0;
    o.i_ = 0;
  }
  Value& operator=(const Value& o) noexcept {
    if (this != &o) {
      o.retain();
      release();
      kind_ = o.kind_;
      flags_ = o.flags_;
      i_ = o.i_;
    }
    return *this;
  }
  Value& operator=(Value&& o) noexcept {
    if (this != &o) {
      release();
      kind_ = o.kind_;
      flags_ = o.flags_;
      i_ = o.i_;
      o.kind_ = Kind::Undefined;
      o.flags_ = 0;
      o.i_ = 0;
    }
    return *this;
  }
  ~Value() { release(); }

  // ---- construction helpers ----
  static Value none() { return Value(nullptr); }
  /// A string marked safe: autoescape leaves it alone (Jinja2's Markup).
  static Value markup(std::string_view html);
  static Value string(std::string_view s, bool safe) { return safe ? markup(s) : Value(s); }
  static Value list(std::vector<Value> items) { return Value(std::move(items)); }
  static Value tuple(std::vector<Value> items);
  static Value list_of(std::vector<Value> items, ListFlavor flavor);
  /// An undefined value that remembers why (for the error raised when it is used).
  static Value undefined_named(std::string_view name);
  static Value undefined_hint(std::string_view hint);
  /// "'dict object' has no attribute 'x'" (name a string) or "list object has no element 3".
  static Value undefined_member(const Value& object, const Value& name);
  static Value from_json(const nlohmann::json& j);
  static Value from_json(const nlohmann::ordered_json& j);

  // ---- inspection ----
  Kind kind() const { return kind_; }
  bool is_undefined() const { return kind_ == Kind::Undefined; }
  bool is_none() const { return kind_ == Kind::None; }
  bool is_bool() const { return kind_ == Kind::Bool; }
  bool is_int() const { return kind_ == Kind::Int; }
  bool is_float() const { return kind_ == Kind::Float; }
  /// Int, Float or Bool (Python's bool is an int).
  bool is_number() const {
    return kind_ == Kind::Int || kind_ == Kind::Float || kind_ == Kind::Bool;
  }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_list() const { return kind_ == Kind::List; }
  bool is_dict() const { return kind_ == Kind::Dict; }
  bool is_object() const { return kind_ == Kind::Object; }
  /// A safe (Markup) string.
  bool is_safe() const { return kind_ == Kind::String && (flags_ & kSafe); }
  bool is_tuple() const {
    return kind_ == Kind::List &&
           (flavor() == ListFlavor::Tuple || flavor() == ListFlavor::GroupTuple);
  }
  ListFlavor flavor() const { return static_cast<ListFlavor>(flags_ & 7); }
  bool is_callable() const;

  bool as_bool() const { return i_ != 0; }
  int64_t as_int() const { return kind_ == Kind::Float ? static_cast<int64_t>(f_) : i_; }
  /// Int, Bool or Float as a double.
  double as_float() const { return kind_ == Kind::Float ? f_ : static_cast<double>(i_); }
  /// The bytes of a string (empty for other kinds).
  std::string_view as_string() const;
  /// The items of a list (empty for other kinds).
  const std::vector<Value>& as_list() const;
  /// The entries of a dict (an empty dict for other kinds).
  const Dict& as_dict() const;
  /// The object of an Object value, else nullptr (defined in object.hpp).
  inline Object* as_object() const;

  /// Python truthiness (0, 0.0, "", [], {}, None, False and Undefined are false).
  bool truthy() const;
  /// Python's str(): what {{ value }} prints before escaping.
  std::string str() const;
  void append_str(std::string& out) const;
  /// Python's repr(): strings quoted, lists as [..], dicts as {..}.
  std::string repr() const;
  void append_repr(std::string& out) const;
  /// Python's type name, as error messages say it: "int", "str", "dict", "NoneType"…
  std::string_view type_name() const;
  /// The message Jinja2 raises when this undefined value is used ("'x' is undefined").
  std::string undefined_message() const;

  /// dict[key] for a string key; an object's attribute; undefined (missing) otherwise.
  Value get(std::string_view key) const;
  /// Number of items of a list, dict or string (code points); 0 otherwise.
  size_t size() const;

  /// Internal: the "missing" marker of a variable slot (never seen by templates).
  static Value missing() {
    Value v;
    v.flags_ = kMissing;
    return v;
  }
  bool is_missing() const { return kind_ == Kind::Undefined && (flags_ & kMissing); }
  /// Internal: identity of the shared body (for `sameas` and cycle checks).
  const void* identity() const {
    return kind_ >= Kind::String ? static_cast<const void*>(p_) : nullptr;
  }

 private:
  friend class Dict;
  static constexpr uint8_t kSafe = 8;
  static constexpr uint8_t kMissing = 16;

  bool has_body() const { return kind_ >= Kind::String || (kind_ == Kind::Undefined && p_); }
  void retain() const noexcept {
    if (has_body()) p_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  void release() noexcept {
    if (has_body() && p_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy();
  }
  void destroy() noexcept;

  Kind kind_;
  uint8_t flags_;  // bits 0-2: ListFlavor; kSafe; kMissing
  union {
    int64_t i_;
    double f_;
    detail::Counted* p_;
    detail::StringBody* s_;
    detail::ListBody* l_;
    detail::DictBody* d_;
    detail::UndefinedBody* u_;
    // Objects are held through their Counted base (which is not at offset 0 of a polymorphic
    // Object): object.hpp converts back.
  };
};

/// An insertion-ordered mapping with Python's key equality (1, 1.0 and True are the same key).
/// Lookups by string are the fast path: a hash index is built once the dict grows past a few keys.
class Dict {
 public:
  using Entry = std::pair<Value, Value>;
  Dict() = default;
  Dict(std::initializer_list<Entry> entries);

  /// Sets key to value, keeping the key's first position (as Python does).
  void set(Value key, Value value);
  void set(std::string_view key, Value value) { set(Value(key), std::move(value)); }
  void set(const std::string& key, Value value) { set(Value(key), std::move(value)); }
  void set(const char* key, Value value) { set(Value(key), std::move(value)); }
  /// Appends without checking for an existing key (caller guarantees uniqueness).
  void append_unique(Value key, Value value);
  const Value* find(std::string_view key) const;
  const Value* find(const char* key) const { return find(std::string_view(key)); }
  const Value* find(const std::string& key) const { return find(std::string_view(key)); }
  const Value* find(std::string_view key, uint64_t hash) const;
  const Value* find(const Value& key) const;
  bool contains(const Value& key) const { return find(key) != nullptr; }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const std::vector<Entry>& entries() const { return entries_; }
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }
  void reserve(size_t n) { entries_.reserve(n); }

  /// The hash used for string keys (exposed so compiled templates can precompute it).
  static uint64_t hash_string(std::string_view s);

 private:
  void rebuild_index();
  void index_insert(uint64_t hash, uint32_t position);
  long find_index(const Value& key, uint64_t hash) const;
  std::vector<Entry> entries_;
  // Open addressing over entry positions + 1, built eagerly past kSmall entries so that lookups
  // never write (dicts are read from several threads).
  std::vector<uint32_t> index_;
};

/// Python's hash equivalence classes: equal values hash equal.
uint64_t hash_value(const Value& v);
/// Python's ==.
bool equals(const Value& a, const Value& b);

}  // namespace gongkai::tmpl
