#include "core/file_system.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace gongkai::core {

namespace fs = std::filesystem;

std::optional<std::string> DiskFileSystem::read(const std::string& path, std::string* error) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = std::error_code(errno, std::generic_category()).message();
    return std::nullopt;
  }
  std::string data;
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  if (size > 0) {
    data.resize(static_cast<size_t>(size));
    in.seekg(0);
    in.read(data.data(), size);
  }
  if (in.bad()) {
    if (error) *error = "read error";
    return std::nullopt;
  }
  return data;
}

bool DiskFileSystem::is_file(const std::string& path) const {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

bool DiskFileSystem::is_directory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

std::vector<std::string> DiskFileSystem::list_files(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) out.push_back(it->path().lexically_relative(dir).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void MemoryFileSystem::put(const std::string& path, std::string data) {
  files_[normalize_path(path)] = std::move(data);
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path, std::string* error) const {
  auto it = files_.find(normalize_path(path));
  if (it == files_.end()) {
    if (error) *error = "No such file or directory";
    return std::nullopt;
  }
  return it->second;
}

bool MemoryFileSystem::is_file(const std::string& path) const {
  return files_.count(normalize_path(path)) > 0;
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
  std::string prefix = normalize_path(path);
  if (prefix.empty()) return !files_.empty();
  prefix += '/';
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> MemoryFileSystem::list_files(const std::string& dir) const {
  std::string prefix = normalize_path(dir);
  if (!prefix.empty()) prefix += '/';
  std::vector<std::string> out;
  for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    std::string rel = it->first.substr(prefix.size());
    bool hidden = rel[0] == '.' || rel.find("/.") != std::string::npos;
    if (!hidden) out.push_back(std::move(rel));
  }
  return out;  // std::map keeps them sorted bytewise
}

std::string join_path(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  std::string out(a);
  if (out.back() != '/') out += '/';
  out += b.front() == '/' ? b.substr(1) : b;
  return out;
}

std::string normalize_path(std::string_view p) {
  std::string out;
  if (!p.empty() && p[0] == '/') out = "/";
  size_t i = 0;
  while (i <= p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    std::string_view part = p.substr(i, j - i);
    if (!part.empty() && part != ".") {
      if (!out.empty() && out.back() != '/') out += '/';
      out += part;
    }
    i = j + 1;
  }
  return out;
}

}  // namespace gongkai::core
