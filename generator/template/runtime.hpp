#pragma once
// What a render creates and throws away: activation records (the slots of one function call),
// contexts (Jinja2's Context: the names a template resolves, its top-level variables, its block
// stacks), and the objects templates see at run time (loop, macros, namespace, cycler…).
// None of this crosses threads: each render builds its own.
#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "template/compiled.hpp"
#include "template/value.hpp"

namespace gongkai::tmpl {

/// A minimal intrusive pointer for render-local objects (single-threaded counts).
template <typename T>
class Ref {
 public:
  Ref() = default;
  explicit Ref(T* p) : p_(p) {}  // adopts the initial count of 1
  Ref(const Ref& o) : p_(o.p_) {
    if (p_) ++p_->refs;
  }
  Ref(Ref&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  Ref& operator=(Ref o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~Ref() {
    if (p_ && --p_->refs == 0) T::destroy(p_);
  }
  static Ref share(T* p) {
    if (p) ++p->refs;
    return Ref(p);
  }
  T* get() const { return p_; }
  T* operator->() const { return p_; }
  T& operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  T* p_ = nullptr;
};

/// The slots of one running function (root, block, macro, recursive loop, loop filter).
struct Activation {
  uint32_t refs = 1;
  uint16_t size = 0;
  Ref<Activation> outer;  ///< the activation this function's closures read
  // a template's root activation: the template it extends (Jinja2's `parent_template`)
  const CompiledTemplate* parent_template = nullptr;
  uint32_t extends_offset = 0;

  Value* slots() { return reinterpret_cast<Value*>(this + 1); }
  Value& at(uint16_t i) { return slots()[i]; }

  static Ref<Activation> make(uint16_t size, Ref<Activation> outer) {
    void* mem = ::operator new(sizeof(Activation) + sizeof(Value) * size);
    auto* a = new (mem) Activation();
    a->size = size;
    a->outer = std::move(outer);
    for (uint16_t i = 0; i < size; ++i) new (&a->slots()[i]) Value(Value::missing());
    return Ref<Activation>(a);
  }
  static void destroy(Activation* a) {
    for (uint16_t i = 0; i < a->size; ++i) a->slots()[i].~Value();
    a->~Activation();
    ::operator delete(static_cast<void*>(a));
  }
};

struct BlockRef {
  const CompiledTemplate* tmpl = nullptr;
  const BlockCode* code = nullptr;
  bool operator==(const BlockRef& o) const { return code == o.code; }
};

/// Jinja2's Context: where names resolve (its own top-level variables, then the layers it was
/// made from: the includer's locals and variables, the render data, the globals).
struct Context {
  struct Var {
    std::string name;
    uint64_t hash;
    Value value;
  };
  /// A dict (render data, globals, a snapshot of an includer's locals) or another context's
  /// top-level variables.
  struct Layer {
    Value dict;
    Ref<Context> vars_of;
  };

  uint32_t refs = 1;
  const CompiledTemplate* tmpl = nullptr;
  std::vector<Layer> layers;
  std::vector<Var> vars;
  std::vector<std::string> exported;
  std::vector<std::pair<std::string, std::vector<BlockRef>>> blocks;

  static void destroy(Context* c) { delete c; }

  const Value* find_var(std::string_view name, uint64_t hash) const {
    for (const Var& v : vars) {
      if (v.hash == hash && v.name == name) return &v.value;
    }
    return nullptr;
  }
  /// Jinja2's resolve_or_missing: own variables first, then the layers in order.
  Value resolve(std::string_view name, uint64_t hash) const;
  void set_var(std::string_view name, Value value);
  void add_exported(std::string_view name);
  void discard_exported(std::string_view name);
  std::vector<BlockRef>* block_stack(std::string_view name);
};

/// A new context for template t over `layers`, holding t's blocks.
Ref<Context> new_context(const CompiledTemplate& t, std::vector<Context::Layer> layers);
/// Layers that see everything `ctx` sees (Jinja2's get_all()), with `locals` on top (a dict;
/// undefined for none).
std::vector<Context::Layer> layers_of(const Ref<Context>& ctx, Value locals);

}  // namespace gongkai::tmpl
