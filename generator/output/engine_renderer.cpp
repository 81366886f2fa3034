#include "output/engine_renderer.hpp"

#include <stdexcept>

#include "output/number_format.hpp"
#include "template/environment.hpp"

namespace gongkai::output {
namespace {

class EngineRenderer final : public PageRenderer {
 public:
  EngineRenderer(const core::FileSystem& fs, const Theme& theme)
      : fs_(fs),
        template_dirs_(theme.template_dirs),
        strings_(theme.strings),
        env_(theme.template_dirs, &fs) {
    // t("key", name=value, …): the UI string with its {name} placeholders filled.
    env_.add_function("t", [this](tmpl::CallContext&, const tmpl::Args& args) {
      if (args.positional.empty() || !args.positional[0].is_string()) {
        throw tmpl::RuntimeError("t() needs the key of a UI string as its first argument");
      }
      std::vector<std::pair<std::string, std::string>> fill;
      fill.reserve(args.keywords.size());
      for (const auto& k : args.keywords) fill.emplace_back(std::string(k.name), k.value.str());
      return tmpl::Value(Strings::fill(strings_.get(args.positional[0].as_string()), fill));
    });
    // {{ 12345 | thousands }} → "12,345": the site's way of writing numbers.
    env_.add_filter("thousands", [](tmpl::CallContext&, const tmpl::Value& v, const tmpl::Args&) {
      if (v.is_int() || v.is_bool()) return tmpl::Value(format_integer(v.as_int()));
      if (v.is_float()) {
        if (auto n = report::Number::parse(tmpl::Value(v).str()))
          return tmpl::Value(format_number(*n));
      }
      return v;
    });
    // {{ 0.8333 | percent }} → "83.3%"
    env_.add_filter("percent", [](tmpl::CallContext&, const tmpl::Value& v, const tmpl::Args&) {
      if (!v.is_number()) return v;
      return tmpl::Value(format_percent(v.as_float()));
    });
  }

  std::string render(const std::string& template_name, const Value& context) const override {
    tmpl::RenderResult r = env_.render(template_name, context);
    if (!r.ok()) throw std::runtime_error(with_file_paths(*r.error).format());
    return std::move(r.output);
  }

 private:
  /// The error with each template named by its file (`templates/index.html` or
  /// `themes/default/templates/index.html`): a site's override and the theme's template share
  /// their name, and the author must know which one to open.
  tmpl::Error with_file_paths(tmpl::Error e) const {
    auto path_of = [this](std::string& name) {
      if (name.empty()) return;
      for (const auto& dir : template_dirs_) {
        std::string path = core::join_path(dir, name);
        if (fs_.is_file(path)) {
          name = std::move(path);
          return;
        }
      }
    };
    path_of(e.template_name);
    for (auto& at : e.chain) path_of(at.template_name);
    return e;
  }

  const core::FileSystem& fs_;
  std::vector<std::string> template_dirs_;
  Strings strings_;
  tmpl::Environment env_;
};

}  // namespace

std::unique_ptr<PageRenderer> make_engine_renderer(const core::FileSystem& fs, const Theme& theme) {
  return std::make_unique<EngineRenderer>(fs, theme);
}

}  // namespace gongkai::output
