#pragma once
// Scope guards the renderer uses around nested output and nested calls: they restore the
// output target, the autoescape setting and the call depth also when an error unwinds.
#include <string>
#include <utility>

#include "template/renderer.hpp"

namespace gongkai::tmpl::render_scope {

/// Restores the output target and the autoescape setting when a scope ends (also on errors).
struct OutputScope {
  std::string*& slot;
  std::string* saved;
  OutputScope(std::string*& s, std::string* replacement) : slot(s), saved(s) { slot = replacement; }
  ~OutputScope() { slot = saved; }
};

struct FlagScope {
  bool& slot;
  bool saved;
  FlagScope(bool& s, bool value) : slot(s), saved(s) { slot = value; }
  ~FlagScope() { slot = saved; }
};

constexpr int kMaxDepth = 200;

struct DepthGuard {
  int& depth;
  explicit DepthGuard(int& d) : depth(d) { ++depth; }
  ~DepthGuard() { --depth; }
};

/// Runs body; an error leaving it gets the site (a nested template or call) added.
template <typename F>
void with_site(const Frame& f, uint32_t offset, F&& body) {
  try {
    body();
  } catch (RenderError& e) {
    e.chain.push_back({f.tmpl, offset});
    throw;
  }
}

}  // namespace gongkai::tmpl::render_scope
