#pragma once
// The engine's entry point: where templates come from, which filters, tests and globals they
// see, and rendering. Compile once, render many: templates are parsed and compiled on first
// use and cached; render() may run on several threads at once.
//
//   tmpl::Environment env({"site/templates", "themes/default/templates"});
//   env.add_filter("number", [](tmpl::CallContext&, const tmpl::Value& v, const tmpl::Args&) {…});
//   auto r = env.render("report.html", tmpl::Value(tmpl::Dict{{"title", "…"}}));
//   if (!r.ok()) std::cerr << r.error->format();
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/file_system.hpp"
#include "template/errors.hpp"
#include "template/loader.hpp"
#include "template/object.hpp"
#include "template/registry.hpp"
#include "template/value.hpp"

namespace gongkai::tmpl {

struct CompiledTemplate;
struct RenderError;

struct RenderResult {
  std::string output;
  std::optional<Error> error;
  bool ok() const { return !error; }
};

class Environment {
 public:
  /// Templates are looked up in `roots` in order (a site's own templates/ first, then its
  /// theme's) through `fs` (the disk when null; it must outlive the Environment).
  explicit Environment(std::vector<std::string> roots = {}, const core::FileSystem* fs = nullptr);
  ~Environment();
  Environment(const Environment&) = delete;
  Environment& operator=(const Environment&) = delete;

  // Set-up: call these before rendering (they are not safe to call while rendering).
  /// A template held in memory, found before the roots.
  void add_template(std::string name, std::string source);
  void add_filter(std::string name, Filter filter);
  void add_test(std::string name, Test test);
  void add_global(std::string name, Value value);
  void add_function(std::string name, Function function);
  /// Forgets compiled templates (after their files changed).
  void clear_cache();

  /// Renders template `name` with `context` (a dict) as its variables. Thread-safe.
  RenderResult render(std::string_view name, const Value& context) const;
  /// Loads and compiles `name` without rendering it; the error when it does not compile.
  std::optional<Error> check(std::string_view name) const;

  /// Jinja2's select_autoescape() default: on for .html .htm .xml (any case), off otherwise.
  static bool autoescape_for(std::string_view name);

  // ---- engine internals ----
  const Registry& registry() const { return registry_; }
  const Value& globals_dict() const { return globals_; }
  /// The compiled template, or null with *error (located in the template when it does not
  /// compile) and *not_found.
  const CompiledTemplate* load_template(std::string_view name, RenderError* error,
                                        bool* not_found) const;

 private:
  struct Entry;
  Error to_error(const RenderError& e) const;

  std::unique_ptr<core::FileSystem> own_fs_;
  Loader loader_;
  Registry registry_;
  Value globals_;
  mutable std::shared_mutex mutex_;
  mutable std::unordered_map<std::string, std::unique_ptr<Entry>> cache_;
};

}  // namespace gongkai::tmpl
