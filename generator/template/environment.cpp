#include "template/environment.hpp"

#include <mutex>

#include "core/utf8.hpp"
#include "template/compiled.hpp"
#include "template/lexer.hpp"
#include "template/parser.hpp"
#include "template/renderer.hpp"

namespace gongkai::tmpl {

struct Environment::Entry {
  std::unique_ptr<CompiledTemplate> t;
  bool ok = false;
  std::string message;  // when !ok: the syntax or compile error
  uint32_t offset = 0;
};

Environment::Environment(std::vector<std::string> roots, const core::FileSystem* fs)
    : own_fs_(fs ? nullptr : std::make_unique<core::DiskFileSystem>()),
      loader_(std::move(roots), fs ? *fs : *own_fs_) {
  add_builtin_filters(registry_);
  add_builtin_tests(registry_);
  add_builtin_globals(registry_);
  Dict globals;
  for (const auto& [name, value] : registry_.globals) globals.set(name, value);
  globals_ = Value(std::move(globals));
}

Environment::~Environment() = default;

void Environment::add_template(std::string name, std::string source) {
  loader_.add(std::move(name), std::move(source));
  clear_cache();
}

void Environment::add_filter(std::string name, Filter filter) {
  auto& entry = registry_.filters[name];
  entry.name = name;
  entry.fn = std::move(filter);
  entry.foldable = false;
}

void Environment::add_test(std::string name, Test test) {
  auto& entry = registry_.tests[name];
  entry.name = name;
  entry.fn = std::move(test);
  entry.foldable = false;
}

void Environment::add_global(std::string name, Value value) {
  registry_.globals[name] = value;
  Dict globals(globals_.as_dict());
  globals.set(name, std::move(value));
  globals_ = Value(std::move(globals));
}

void Environment::add_function(std::string name, Function function) {
  add_global(name, make_function(name, std::move(function)));
}

void Environment::clear_cache() {
  std::unique_lock lock(mutex_);
  cache_.clear();
}

bool Environment::autoescape_for(std::string_view name) {
  auto ends_with = [&](std::string_view suffix) {
    if (name.size() < suffix.size()) return false;
    for (size_t i = 0; i < suffix.size(); ++i) {
      char c = name[name.size() - suffix.size() + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != suffix[i]) return false;
    }
    return true;
  };
  return ends_with(".html") || ends_with(".htm") || ends_with(".xml");
}

namespace {

uint32_t first_invalid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t c = core::utf8::next(s, i);
    if (c == core::utf8::kReplacement && !(i - at == 3 && s.substr(at, 3) == "\xEF\xBF\xBD")) {
      return static_cast<uint32_t>(at);
    }
  }
  return static_cast<uint32_t>(s.size());
}

}  // namespace

const CompiledTemplate* Environment::load_template(std::string_view name, RenderError* error,
                                                   bool* not_found) const {
  *not_found = false;
  auto report = [&](const Entry& e) -> const CompiledTemplate* {
    if (e.ok) return e.t.get();
    *error = RenderError{e.message, e.t.get(), e.offset, {}};
    return nullptr;
  };
  {
    std::shared_lock lock(mutex_);
    auto it = cache_.find(std::string(name));
    if (it != cache_.end()) return report(*it->second);
  }
  std::string source, message;
  if (!loader_.load(name, source, &message, not_found)) {
    *error = RenderError{message, nullptr, 0, {}};
    return nullptr;
  }
  auto entry = std::make_unique<Entry>();
  entry->t = std::make_unique<CompiledTemplate>();
  CompiledTemplate& t = *entry->t;
  t.name = std::string(name);
  t.autoescape = autoescape_for(name);
  if (!core::utf8::is_valid(source)) {
    uint32_t at = first_invalid_utf8(source);
    t.source = core::SourceFile(t.name, normalize_source(source.substr(0, at)));
    entry->message = "template is not valid UTF-8";
    entry->offset = static_cast<uint32_t>(t.source.text().size());
  } else {
    t.source = core::SourceFile(t.name, normalize_source(source));
    SyntaxError syntax;
    CompileError compile;
    if (!parse_template(t.source.text(), t.body, &syntax)) {
      entry->message = syntax.message;
      entry->offset = syntax.offset;
    } else if (!compile_template(t, registry_, &compile)) {
      entry->message = compile.message;
      entry->offset = compile.offset;
    } else {
      entry->ok = true;
    }
  }
  std::unique_lock lock(mutex_);
  auto [it, inserted] = cache_.emplace(std::string(name), std::move(entry));
  return report(*it->second);
}

Error Environment::to_error(const RenderError& e) const {
  Error out;
  out.message = e.message;
  if (e.tmpl) {
    out.template_name = e.tmpl->name;
    auto lc = e.tmpl->source.locate(e.offset);
    out.line = lc.line;
    out.column = lc.column;
    out.source_line = std::string(e.tmpl->source.line(lc.line));
  }
  for (const auto& site : e.chain) {
    if (!site.tmpl) continue;
    auto lc = site.tmpl->source.locate(site.offset);
    out.chain.push_back({site.tmpl->name, lc.line, lc.column});
  }
  // A runaway recursion passes the same sites hundreds of times: keep both ends.
  constexpr size_t kKeep = 8;
  if (out.chain.size() > 2 * kKeep + 1) {
    size_t dropped = out.chain.size() - 2 * kKeep;
    std::vector<ErrorLocation> kept(out.chain.begin(), out.chain.begin() + kKeep);
    kept.push_back({"… " + std::to_string(dropped) + " more", 0, 0});
    kept.insert(kept.end(), out.chain.end() - kKeep, out.chain.end());
    out.chain = std::move(kept);
  }
  return out;
}

RenderResult Environment::render(std::string_view name, const Value& context) const {
  RenderResult result;
  RenderError error;
  bool not_found = false;
  const CompiledTemplate* t = load_template(name, &error, &not_found);
  if (!t) {
    result.error = to_error(error);
    return result;
  }
  Renderer renderer(*this, result.output);
  try {
    renderer.render_top(*t, context);
  } catch (const RenderError& e) {
    result.output.clear();
    result.error = to_error(e);
  } catch (const RuntimeError& e) {
    result.output.clear();
    result.error = to_error(RenderError{e.what(), t, 0, {}});
  }
  return result;
}

std::optional<Error> Environment::check(std::string_view name) const {
  RenderError error;
  bool not_found = false;
  if (load_template(name, &error, &not_found)) return std::nullopt;
  return to_error(error);
}

}  // namespace gongkai::tmpl
