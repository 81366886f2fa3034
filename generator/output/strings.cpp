#include "output/strings.hpp"

#include <yaml-cpp/yaml.h>

namespace gongkai::output {
namespace {

void flatten(const YAML::Node& node, const std::string& prefix,
             std::map<std::string, std::string, std::less<>>& out, const std::string& file,
             core::DiagnosticSink& sink) {
  for (auto it = node.begin(); it != node.end(); ++it) {
    std::string key = prefix.empty() ? it->first.Scalar() : prefix + "." + it->first.Scalar();
    if (it->second.IsMap()) {
      flatten(it->second, key, out, file, sink);
    } else if (it->second.IsScalar()) {
      out.emplace(std::move(key), it->second.Scalar());
    } else {
      core::Diagnostic d;
      d.severity = core::Severity::Error;
      d.code = "C003";
      d.file = file;
      d.line = static_cast<uint32_t>(it->second.Mark().line) + 1;
      d.column = static_cast<uint32_t>(it->second.Mark().column) + 1;
      d.message = "UI string '" + key + "' must be text or a mapping of strings";
      sink.add(std::move(d));
    }
  }
}

}  // namespace

void Strings::load(const std::string& file, std::string_view yaml, core::DiagnosticSink& sink) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (root.IsMap()) flatten(root, "", strings_, file, sink);
  } catch (const YAML::Exception& e) {
    core::Diagnostic d;
    d.severity = core::Severity::Error;
    d.code = "C001";
    d.file = file;
    d.line = e.mark.line >= 0 ? static_cast<uint32_t>(e.mark.line) + 1 : 0;
    d.message = "not valid YAML: " + e.msg;
    sink.add(std::move(d));
  }
}

void Strings::load_theme(const core::FileSystem& fs, const std::string& dir,
                         const std::string& language, core::DiagnosticSink& sink) {
  for (const std::string& lang : {language, std::string("en")}) {
    const std::string path = core::join_path(dir, lang + ".yaml");
    if (auto text = fs.read(path)) load(path, *text, sink);
  }
}

std::string_view Strings::get(std::string_view key) const {
  auto it = strings_.find(key);
  return it == strings_.end() ? key : std::string_view(it->second);
}

std::string Strings::fill(std::string_view text,
                          const std::vector<std::pair<std::string, std::string>>& args) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      size_t close = text.find('}', i + 1);
      if (close != std::string_view::npos) {
        std::string_view name = text.substr(i + 1, close - i - 1);
        bool replaced = false;
        for (const auto& [k, v] : args) {
          if (k == name) {
            out += v;
            replaced = true;
            break;
          }
        }
        if (replaced) {
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

std::string Strings::format(
    std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> args) const {
  std::vector<std::pair<std::string, std::string>> list;
  for (const auto& [k, v] : args) list.emplace_back(std::string(k), v);
  return fill(get(key), list);
}

}  // namespace gongkai::output
