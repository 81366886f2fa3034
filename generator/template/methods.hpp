#pragma once
// The methods of Python's str, dict and list that templates call: `s.upper()`, `d.items()`,
// `"{:,}".format(n)`. Markup strings keep markupsafe's behaviour (results stay safe, arguments
// are escaped).
#include <string_view>

#include "template/object.hpp"
#include "template/value.hpp"

namespace gongkai::tmpl {

/// `self.name` as a callable bound to self, or Value::missing() when the type has no such method.
Value bound_method(const Value& self, std::string_view name);

/// Calls self.name(args) without building a bound method; false when the type has no such
/// method (then nothing was called).
bool call_method(CallContext& cx, const Value& self, std::string_view name, const Args& args,
                 Value& out);

/// dict.items() as Python returns it (a dict_items view of (key, value) tuples).
Value dict_items(const Value& dict);

}  // namespace gongkai::tmpl
