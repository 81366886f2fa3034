#pragma once
// C++ callables and objects that templates can use: the seam through which the site hands the
// engine its functions (URLs, number formatting, i18n, markdown) and lazily computed values.
#include <functional>
#include <initializer_list>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "template/value.hpp"

namespace gongkai::tmpl {

/// Thrown by a filter, test or function: the renderer turns it into an Error located at the call.
class RuntimeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Keyword {
  std::string_view name;
  Value value;
};

/// The arguments of a call as the template wrote them: positional first, then keywords.
/// For a filter or a test the value being filtered is not part of them.
struct Args {
  std::span<const Value> positional;
  std::span<const Keyword> keywords;

  size_t size() const { return positional.size() + keywords.size(); }
  bool empty() const { return positional.empty() && keywords.empty(); }
  /// The keyword `name`, or nullptr.
  const Value* keyword(std::string_view name) const;
};

/// Binds Args to named parameters the way Python binds a call (positional, then by name), raising
/// Python's messages: "f() takes at most 2 arguments (3 given)", "f() got an unexpected keyword
/// argument 'x'", "f() got multiple values for argument 'x'".
class Params {
 public:
  Params(std::string_view function, const Args& args,
         std::initializer_list<std::string_view> names);
  /// The value bound to parameter i, or nullptr when the call left it out.
  const Value* operator[](size_t i) const { return i < bound_.size() ? bound_[i] : nullptr; }
  Value get(size_t i, Value fallback = Value()) const {
    const Value* v = (*this)[i];
    return v ? *v : fallback;
  }
  bool has(size_t i) const { return (*this)[i] != nullptr; }

 private:
  std::vector<const Value*> bound_;
};

/// What a native function may ask of the renderer that calls it.
class CallContext {
 public:
  virtual ~CallContext() = default;
  /// True when the output being produced is autoescaped: functions returning HTML return
  /// Value::markup then, plain strings otherwise (as Jinja2's pass_eval_context filters do).
  virtual bool autoescape() const = 0;
  /// Calls a callable value (a macro, a registered function, a bound method…).
  virtual Value call(const Value& callee, const Args& args) = 0;
  /// Applies a filter or a test by name, as `map`, `select` and friends do.
  virtual Value call_filter(std::string_view name, const Value& value, const Args& rest) = 0;
  virtual bool call_test(std::string_view name, const Value& value, const Args& rest) = 0;
  virtual bool has_filter(std::string_view name) const = 0;
  virtual bool has_test(std::string_view name) const = 0;
};

/// A global function (or a bound method): called with the template's arguments.
using Function = std::function<Value(CallContext&, const Args&)>;
/// A filter: `value|name(args…)`.
using Filter = std::function<Value(CallContext&, const Value& value, const Args& args)>;
/// A test: `value is name(args…)`.
using Test = std::function<bool(CallContext&, const Value& value, const Args& args)>;

/// A C++-backed value. Override what the object supports; the defaults behave like a plain Python
/// object without that feature. Objects shared between renders must be safe to read from several
/// threads (const methods must not mutate, or must synchronise).
class Object : public detail::Counted {
 public:
  virtual ~Object() = default;
  /// Python's type name for messages: "'<type_name>' has no attribute 'x'".
  virtual std::string_view type_name() const { return "object"; }
  /// `obj.name`: the attribute, or Value::missing() when there is none.
  virtual Value attribute(std::string_view name) const;
  /// `obj[key]`: defaults to attribute() for string keys.
  virtual Value item(const Value& key) const;
  virtual bool is_callable() const { return false; }
  virtual Value call(CallContext& cx, const Args& args);
  /// `obj.name(args)` in one step (optional, saves building a bound method): false when the
  /// object leaves it to attribute() and call().
  virtual bool call_method(CallContext& cx, std::string_view name, const Args& args, Value& out) {
    return false;
  }
  /// Mappings iterate over their keys, print and serialise as dicts (`is mapping` is true).
  virtual bool is_mapping() const { return false; }
  /// Iterable objects hand over their items (a mapping: its keys) for `for`, `|list`, `in`…
  virtual bool is_iterable() const { return false; }
  virtual std::vector<Value> items() const { return {}; }
  /// `|length` and `loop.length` work when has_length() is true.
  virtual bool has_length() const { return false; }
  virtual size_t length() const { return 0; }
  virtual bool truthy() const { return true; }
  virtual void repr(std::string& out) const;
  virtual void str(std::string& out) const { repr(out); }
  /// Markup-aware objects (Jinja2's __html__): str() is already safe HTML.
  virtual bool is_safe() const { return false; }
};

inline Object* Value::as_object() const {
  return kind_ == Kind::Object ? static_cast<Object*>(p_) : nullptr;
}

/// Creates an object and wraps it in a Value (the Value owns it).
template <typename T, typename... A>
Value make_object(A&&... args) {
  return Value(static_cast<Object*>(new T(std::forward<A>(args)...)));
}
/// A Value sharing an object that is already owned by another Value (e.g. `this` in a method).
Value share_object(const Object* object);
/// A callable Value wrapping a C++ function; `name` appears in messages and repr.
Value make_function(std::string name, Function f);

}  // namespace gongkai::tmpl
