#pragma once
// The theme's UI strings (i18n/<language>.yaml): nested YAML flattened to dotted keys, with
// "{name}" placeholders filled from named arguments.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/file_system.hpp"

namespace gongkai::output {

class Strings {
 public:
  /// Adds the strings of one YAML file; keys already present are kept (load the preferred
  /// language first, then the fallback). Problems go to `sink` with file:line.
  void load(const std::string& file, std::string_view yaml, core::DiagnosticSink& sink);
  /// Loads <dir>/<language>.yaml, then <dir>/en.yaml as the fallback (missing files are skipped).
  void load_theme(const core::FileSystem& fs, const std::string& dir, const std::string& language,
                  core::DiagnosticSink& sink);

  /// The string, or the key itself when no file has it (visible, so a missing string gets noticed).
  std::string_view get(std::string_view key) const;
  bool has(std::string_view key) const { return strings_.find(key) != strings_.end(); }
  /// get(key) with each "{name}" replaced by its argument; unknown placeholders stay as they are.
  std::string format(std::string_view key,
                     std::initializer_list<std::pair<std::string_view, std::string>> args) const;
  static std::string fill(std::string_view text,
                          const std::vector<std::pair<std::string, std::string>>& args);

 private:
  std::map<std::string, std::string, std::less<>> strings_;
};

}  // namespace gongkai::output
