#include "template/object.hpp"

#include <cstdio>

#include "template/pystr.hpp"

namespace gongkai::tmpl {

const Value* Args::keyword(std::string_view name) const {
  for (const Keyword& k : keywords) {
    if (k.name == name) return &k.value;
  }
  return nullptr;
}

Params::Params(std::string_view function, const Args& args,
               std::initializer_list<std::string_view> names)
    : bound_(names.size(), nullptr) {
  if (args.positional.size() > names.size()) {
    throw RuntimeError(std::string(function) + "() takes at most " + std::to_string(names.size()) +
                       " argument" + (names.size() == 1 ? "" : "s") + " (" +
                       std::to_string(args.positional.size()) + " given)");
  }
  for (size_t i = 0; i < args.positional.size(); ++i) bound_[i] = &args.positional[i];
  for (const Keyword& k : args.keywords) {
    size_t i = 0;
    for (std::string_view n : names) {
      if (n == k.name) break;
      ++i;
    }
    if (i == names.size()) {
      throw RuntimeError(std::string(function) + "() got an unexpected keyword argument '" +
                         std::string(k.name) + "'");
    }
    if (bound_[i]) {
      throw RuntimeError(std::string(function) + "() got multiple values for argument '" +
                         std::string(k.name) + "'");
    }
    bound_[i] = &k.value;
  }
}

Value Object::attribute(std::string_view) const {
  return Value::missing();
}

Value Object::item(const Value& key) const {
  if (key.is_string()) return attribute(key.as_string());
  return Value::missing();
}

Value Object::call(CallContext&, const Args&) {
  throw RuntimeError("'" + std::string(type_name()) + "' object is not callable");
}

void Object::repr(std::string& out) const {
  out += '<';
  out += type_name();
  out += " object>";
}

Value share_object(const Object* object) {
  object->refs.fetch_add(1, std::memory_order_relaxed);
  return Value(const_cast<Object*>(object));
}

namespace {

class NativeFunction final : public Object {
 public:
  NativeFunction(std::string name, Function f) : name_(std::move(name)), f_(std::move(f)) {}
  std::string_view type_name() const override { return "builtin_function_or_method"; }
  bool is_callable() const override { return true; }
  Value call(CallContext& cx, const Args& args) override { return f_(cx, args); }
  void repr(std::string& out) const override {
    out += "<built-in function ";
    out += name_;
    out += '>';
  }

 private:
  std::string name_;
  Function f_;
};

}  // namespace

Value make_function(std::string name, Function f) {
  return make_object<NativeFunction>(std::move(name), std::move(f));
}

}  // namespace gongkai::tmpl
