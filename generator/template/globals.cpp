// Jinja2's default globals: range, dict, cycler, joiner, namespace.
#include "template/filter_util.hpp"
#include "template/ops.hpp"
#include "template/registry.hpp"
#include "template/runtime_objects.hpp"

namespace gongkai::tmpl {

namespace {

using filters::fail;

/// Python's range: lazy bounds, materialised when iterated.
class RangeObject final : public Object {
 public:
  RangeObject(int64_t start, int64_t stop, int64_t step)
      : start_(start), stop_(stop), step_(step) {}
  std::string_view type_name() const override { return "range"; }
  bool is_iterable() const override { return true; }
  bool has_length() const override { return true; }
  size_t length() const override {
    if (step_ > 0 && start_ < stop_) return static_cast<size_t>((stop_ - start_ - 1) / step_ + 1);
    if (step_ < 0 && start_ > stop_)
      return static_cast<size_t>((start_ - stop_ - 1) / (-step_) + 1);
    return 0;
  }
  std::vector<Value> items() const override {
    std::vector<Value> out;
    size_t n = length();
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) out.emplace_back(start_ + static_cast<int64_t>(i) * step_);
    return out;
  }
  Value item(const Value& key) const override {
    if (!key.is_int()) return Value::missing();
    int64_t i = key.as_int();
    auto n = static_cast<int64_t>(length());
    if (i < 0) i += n;
    if (i < 0 || i >= n) return Value::missing();
    return Value(start_ + i * step_);
  }
  bool truthy() const override { return length() > 0; }
  void repr(std::string& out) const override {
    out += "range(" + std::to_string(start_) + ", " + std::to_string(stop_);
    if (step_ != 1) out += ", " + std::to_string(step_);
    out += ')';
  }

 private:
  int64_t start_, stop_, step_;
};

constexpr size_t kMaxRange = 10'000'000;  // a guard against runaway loops, far above real use

Value make_range(CallContext&, const Args& a) {
  if (!a.keywords.empty()) fail("range() takes no keyword arguments");
  auto n = a.positional.size();
  if (n < 1 || n > 3) fail("range expected at least 1 argument, got " + std::to_string(n));
  int64_t start = 0, stop, step = 1;
  if (n == 1) {
    stop = filters::to_int_arg(a.positional[0]);
  } else {
    start = filters::to_int_arg(a.positional[0]);
    stop = filters::to_int_arg(a.positional[1]);
    if (n == 3) step = filters::to_int_arg(a.positional[2]);
  }
  if (step == 0) fail("range() arg 3 must not be zero");
  Value r = make_object<RangeObject>(start, stop, step);
  if (r.as_object()->length() > kMaxRange) fail("range too big (more than 10000000 items)");
  return r;
}

/// dict(mapping_or_pairs, **kwargs).
Dict build_dict(const Args& a, const char* name) {
  if (a.positional.size() > 1) {
    fail(std::string(name) + " expected at most 1 argument, got " +
         std::to_string(a.positional.size()));
  }
  Dict d;
  if (!a.positional.empty()) {
    const Value& src = a.positional[0];
    if (src.is_dict()) {
      d = src.as_dict();
    } else if (src.is_object() && dynamic_cast<const NamespaceObject*>(src.as_object())) {
      fail("'Namespace' object is not iterable");
    } else {
      for (const Value& pair : ops::to_list(src)) {
        auto kv = ops::to_list(pair);
        if (kv.size() != 2) {
          fail("dictionary update sequence element has length " + std::to_string(kv.size()) +
               "; 2 is required");
        }
        d.set(kv[0], kv[1]);
      }
    }
  }
  for (const Keyword& k : a.keywords) d.set(k.name, k.value);
  return d;
}

class Cycler final : public Object {
 public:
  explicit Cycler(std::vector<Value> items) : items_(std::move(items)) {}
  std::string_view type_name() const override { return "jinja2.utils.Cycler"; }
  Value attribute(std::string_view name) const override;
  Value next() {
    Value rv = items_[pos_];
    pos_ = (pos_ + 1) % items_.size();
    return rv;
  }
  void reset() { pos_ = 0; }
  const Value& current() const { return items_[pos_]; }

 private:
  std::vector<Value> items_;
  size_t pos_ = 0;
};

class CyclerMethod final : public Object {
 public:
  CyclerMethod(Value cycler, bool next) : cycler_(std::move(cycler)), next_(next) {}
  std::string_view type_name() const override { return "method"; }
  bool is_callable() const override { return true; }
  Value call(CallContext&, const Args&) override {
    auto* c = static_cast<Cycler*>(cycler_.as_object());
    if (next_) return c->next();
    c->reset();
    return Value::none();
  }

 private:
  Value cycler_;
  bool next_;
};

Value Cycler::attribute(std::string_view name) const {
  if (name == "next" || name == "__next__")
    return make_object<CyclerMethod>(share_object(this), true);
  if (name == "reset") return make_object<CyclerMethod>(share_object(this), false);
  if (name == "current") return current();
  if (name == "items") return Value::tuple(items_);
  if (name == "pos") return Value(static_cast<int64_t>(pos_));
  return Value::missing();
}

class Joiner final : public Object {
 public:
  explicit Joiner(Value sep) : sep_(std::move(sep)) {}
  std::string_view type_name() const override { return "jinja2.utils.Joiner"; }
  bool is_callable() const override { return true; }
  Value call(CallContext&, const Args&) override {
    if (!used_) {
      used_ = true;
      return Value("");
    }
    return sep_;
  }
  Value attribute(std::string_view name) const override {
    if (name == "sep") return sep_;
    if (name == "used") return Value(used_);
    return Value::missing();
  }

 private:
  Value sep_;
  bool used_ = false;
};

}  // namespace

void add_builtin_globals(Registry& r) {
  r.globals["range"] = make_function("range", make_range);
  r.globals["dict"] = make_function(
      "dict", [](CallContext&, const Args& a) { return Value(build_dict(a, "dict")); });
  r.globals["cycler"] = make_function("cycler", [](CallContext&, const Args& a) {
    if (!a.keywords.empty()) fail("Cycler.__init__() got an unexpected keyword argument");
    if (a.positional.empty()) fail("at least one item has to be provided");
    return make_object<Cycler>(std::vector<Value>(a.positional.begin(), a.positional.end()));
  });
  r.globals["joiner"] = make_function("joiner", [](CallContext&, const Args& a) {
    Params p("joiner", a, {"sep"});
    return make_object<Joiner>(p.get(0, Value(", ")));
  });
  r.globals["namespace"] = make_function("namespace", [](CallContext& cx, const Args& a) {
    Value ns = make_object<NamespaceObject>(build_dict(a, "Namespace"));
    if (auto* renderer = dynamic_cast<Renderer*>(&cx)) renderer->track_namespace(ns);
    return ns;
  });
}

}  // namespace gongkai::tmpl
