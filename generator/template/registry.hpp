#pragma once
// The named filters, tests and globals an Environment offers templates.
#include <map>
#include <string>
#include <string_view>

#include "template/object.hpp"

namespace gongkai::tmpl {

struct FilterEntry {
  std::string name;
  Filter fn;
  /// Jinja2 folds constant expressions at compile time; a filter takes part when it is pure
  /// and needs no context (builtins only: `map`, `select`… and `random` do not).
  bool foldable = false;
};

struct TestEntry {
  std::string name;
  Test fn;
  bool foldable = false;
};

/// Lookups by name; entries never move once added (compiled templates keep pointers to them).
struct Registry {
  std::map<std::string, FilterEntry, std::less<>> filters;
  std::map<std::string, TestEntry, std::less<>> tests;
  std::map<std::string, Value, std::less<>> globals;

  const FilterEntry* filter(std::string_view name) const {
    auto it = filters.find(name);
    return it == filters.end() ? nullptr : &it->second;
  }
  const TestEntry* test(std::string_view name) const {
    auto it = tests.find(name);
    return it == tests.end() ? nullptr : &it->second;
  }
};

/// Adds Jinja2's builtin filters, tests and globals (range, dict, cycler, joiner, namespace).
void add_builtin_filters(Registry& r);
void add_builtin_tests(Registry& r);
void add_builtin_globals(Registry& r);

}  // namespace gongkai::tmpl
