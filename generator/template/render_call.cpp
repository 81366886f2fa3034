// Macro calls and call blocks (Jinja2's Macro.__call__).
#include "template/environment.hpp"
#include "template/markup.hpp"
#include "template/ops.hpp"
#include "template/render_scope.hpp"
#include "template/renderer.hpp"
#include "template/runtime_objects.hpp"
#include "template/small_vector.hpp"

namespace gongkai::tmpl {

using namespace ast;
using namespace render_scope;

// ---- macros and call blocks ----

void Renderer::exec_call_block(const CallBlock& n, Frame& f) {
  capture(f.act, f.ctx);
  Value caller = make_object<MacroObject>(n.code, Ref<Activation>::share(f.act),
                                          Ref<Context>::share(f.ctx), *f.tmpl, autoescape_);
  Value result = eval_call(*n.call, f, &caller);
  result.append_str(*out_);
}

Value Renderer::call_macro(const MacroObject& m, const Args& args) {
  // Jinja2's Macro.__call__: positional arguments first, then parameters by keyword, then the
  // special caller, kwargs and varargs.
  const MacroCode& code = m.code;
  size_t argc = code.params.size();
  DepthGuard guard(depth_);
  if (depth_ > kMaxDepth) throw RuntimeError("maximum recursion depth exceeded");
  Ref<Activation> act = Activation::make(code.fn.slot_count, m.closure);
  SmallVector<char, 8> used;
  for (size_t i = 0; i < args.keywords.size(); ++i) used.push_back(0);
  auto pop_keyword = [&](std::string_view name) -> const Value* {
    for (size_t i = 0; i < args.keywords.size(); ++i) {
      if (!used[i] && args.keywords[i].name == name) {
        used[i] = 1;
        return &args.keywords[i].value;
      }
    }
    return nullptr;
  };
  size_t given = std::min(args.positional.size(), argc);
  for (size_t i = 0; i < given; ++i) act->at(code.params[i].slot) = args.positional[i];
  bool found_caller = false;
  if (given != argc) {
    for (size_t i = given; i < argc; ++i) {
      if (const Value* v = pop_keyword(code.params[i].name)) act->at(code.params[i].slot) = *v;
      if (code.params[i].name == "caller") found_caller = true;
    }
  } else {
    found_caller = code.explicit_caller;
  }
  if (code.uses_caller && !found_caller) {
    const Value* v = pop_keyword("caller");
    act->at(code.caller_slot) = v ? *v : Value::undefined_hint("No caller defined");
  }
  Dict kwargs;
  bool has_extra = false;
  std::string_view first_extra;
  bool extra_caller = false;
  for (size_t i = 0; i < args.keywords.size(); ++i) {
    if (used[i]) continue;
    if (code.catch_kwargs) {
      kwargs.set(args.keywords[i].name, args.keywords[i].value);
    } else {
      if (!has_extra) first_extra = args.keywords[i].name;
      has_extra = true;
      if (args.keywords[i].name == "caller") extra_caller = true;
    }
  }
  if (has_extra) {
    if (extra_caller) {
      throw RuntimeError("macro '" + code.name +
                         "' was invoked with two values for the special caller argument. This is "
                         "most likely a bug.");
    }
    throw RuntimeError("macro '" + code.name + "' takes no keyword argument '" +
                       std::string(first_extra) + "'");
  }
  if (args.positional.size() > argc && !code.catch_varargs) {
    throw RuntimeError("macro '" + code.name + "' takes not more than " + std::to_string(argc) +
                       " argument(s)");
  }
  if (code.catch_kwargs) act->at(code.kwargs_slot) = Value(std::move(kwargs));
  if (code.catch_varargs) {
    std::vector<Value> varargs;
    if (args.positional.size() > argc)
      varargs.assign(args.positional.begin() + argc, args.positional.end());
    act->at(code.varargs_slot) = Value::tuple(std::move(varargs));
  }
  Frame mf{act.get(), m.ctx.get(), &m.tmpl, nullptr};
  bool caller_autoescape = autoescape_;
  std::string buffer = take_buffer();
  {
    OutputScope scope(out_, &buffer);
    FlagScope flag(autoescape_, m.autoescape);
    apply_enter(code.fn.frame, mf);
    size_t first_default = argc - code.defaults.size();
    for (size_t i = 0; i < argc; ++i) {
      Value& p = act->at(code.params[i].slot);
      if (!p.is_missing()) continue;
      if (i >= first_default) {
        p = eval(*code.defaults[i - first_default], mf);
      } else {
        p = Value::undefined_hint("parameter '" + code.params[i].name + "' was not provided");
      }
    }
    exec(code.body, mf);
  }
  Value result = Value::string(buffer, caller_autoescape);
  give_buffer(std::move(buffer));
  return result;
}

}  // namespace gongkai::tmpl
