#include "output/output_plan.hpp"

#include <algorithm>
#include <set>

#include "output/posix_fs.hpp"

namespace gongkai::output {

std::string check_output_path(std::string_view path) {
  if (path.empty()) return "the path is empty";
  if (path.front() == '/') return "the path is absolute";
  if (path.find('\0') != std::string_view::npos) return "the path contains a NUL byte";
  if (path.find('\\') != std::string_view::npos) return "the path contains a backslash";
  size_t start = 0;
  for (;;) {
    size_t end = path.find('/', start);
    std::string_view part = path.substr(start, end == std::string_view::npos ? end : end - start);
    if (part.empty()) return "the path has an empty part";
    if (part == "." || part == "..") return "the path has a \"" + std::string(part) + "\" part";
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return {};
}

OutputPlan plan_output(const std::vector<OutputFile>& files) {
  OutputPlan plan;
  plan.files.reserve(files.size());
  std::set<std::string> dirs;
  for (const auto& file : files) {
    if (auto why = check_output_path(file.path); !why.empty()) {
      throw PublishError("bad output path \"" + file.path + "\": " + why, file.path);
    }
    plan.files.push_back(&file);
    for (size_t slash = file.path.find('/'); slash != std::string::npos;
         slash = file.path.find('/', slash + 1)) {
      dirs.insert(file.path.substr(0, slash));
    }
    plan.top_names.push_back(file.path.substr(0, file.path.find('/')));
  }
  std::sort(plan.files.begin(), plan.files.end(),
            [](const OutputFile* a, const OutputFile* b) { return a->path < b->path; });
  for (size_t i = 0; i < plan.files.size(); ++i) {
    const auto& path = plan.files[i]->path;
    if (i > 0 && plan.files[i - 1]->path == path) {
      throw PublishError("output path \"" + path + "\" is produced twice", path);
    }
    if (dirs.count(path)) {
      throw PublishError("output path \"" + path + "\" is both a file and a folder", path);
    }
  }
  // A std::set orders "a" before "a/b": parents come first.
  plan.dirs.assign(dirs.begin(), dirs.end());
  std::sort(plan.top_names.begin(), plan.top_names.end());
  plan.top_names.erase(std::unique(plan.top_names.begin(), plan.top_names.end()),
                       plan.top_names.end());
  return plan;
}

}  // namespace gongkai::output
