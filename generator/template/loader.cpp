#include "template/loader.hpp"

namespace gongkai::tmpl {

void Loader::add(std::string name, std::string source) {
  std::string normalized;
  if (!normalize_name(name, normalized, nullptr)) normalized = name;
  memory_[normalized] = std::move(source);
}

bool Loader::normalize_name(std::string_view name, std::string& out, std::string* error) {
  out.clear();
  if (name.empty()) {
    if (error) *error = "template name is empty";
    return false;
  }
  if (name[0] == '/') {
    if (error)
      *error = "template name '" + std::string(name) +
               "' is absolute; names are relative to the template folders";
    return false;
  }
  size_t i = 0;
  while (i <= name.size()) {
    size_t j = name.find('/', i);
    if (j == std::string_view::npos) j = name.size();
    std::string_view piece = name.substr(i, j - i);
    if (piece == "..") {
      if (error) *error = "template name '" + std::string(name) + "' may not contain '..'";
      return false;
    }
    if (!piece.empty() && piece != ".") {
      if (!out.empty()) out += '/';
      out += piece;
    }
    i = j + 1;
  }
  if (out.empty()) {
    if (error) *error = "template name '" + std::string(name) + "' names no file";
    return false;
  }
  return true;
}

bool Loader::load(std::string_view name, std::string& source, std::string* error,
                  bool* not_found) const {
  *not_found = false;
  std::string normalized;
  if (!normalize_name(name, normalized, error)) {
    *not_found = true;  // as Jinja2: a refused name is a template that does not exist
    return false;
  }
  if (auto it = memory_.find(normalized); it != memory_.end()) {
    source = it->second;
    return true;
  }
  for (const auto& root : roots_) {
    std::string path = core::join_path(root, normalized);
    if (!fs_.is_file(path)) continue;
    std::string read_error;
    auto data = fs_.read(path, &read_error);
    if (!data) {
      if (error)
        *error = "cannot read template '" + std::string(name) + "' (" + path + "): " + read_error;
      return false;
    }
    source = std::move(*data);
    return true;
  }
  *not_found = true;
  if (error) {
    *error = "template '" + std::string(name) + "' not found";
    if (!roots_.empty()) {
      *error += " (searched ";
      for (size_t k = 0; k < roots_.size(); ++k) *error += (k ? ", " : "") + roots_[k];
      *error += ")";
    }
  }
  return false;
}

}  // namespace gongkai::tmpl
