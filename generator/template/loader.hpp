#pragma once
// Finds template sources: templates added in memory first, then each root folder in order (a
// site's own templates/ before its theme's). Names are relative and never leave their root.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_system.hpp"

namespace gongkai::tmpl {

class Loader {
 public:
  Loader(std::vector<std::string> roots, const core::FileSystem& fs)
      : roots_(std::move(roots)), fs_(fs) {}

  void add(std::string name, std::string source);
  /// The source of `name`. False with *error set when the name is refused or nothing matches;
  /// *not_found tells the two apart.
  bool load(std::string_view name, std::string& source, std::string* error, bool* not_found) const;
  const std::vector<std::string>& roots() const { return roots_; }

  /// Jinja2's split_template_path: "a//./b" → "a/b"; false for absolute names and `..`.
  static bool normalize_name(std::string_view name, std::string& out, std::string* error);

 private:
  std::vector<std::string> roots_;
  const core::FileSystem& fs_;
  std::map<std::string, std::string, std::less<>> memory_;
};

}  // namespace gongkai::tmpl
