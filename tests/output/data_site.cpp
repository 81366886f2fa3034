#include "data_site.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/diagnostic.hpp"
#include "core/file_system.hpp"

namespace gongkai::testing {

namespace fs = std::filesystem;

std::string source_file(const std::string& rel) {
  std::ifstream in(fs::path(GONGKAI_SOURCE_DIR) / rel, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + rel);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string& DataSite::at(const std::string& path) const {
  auto it = files.find(path);
  if (it == files.end()) throw std::runtime_error("the build wrote no " + path);
  return it->second;
}

namespace {

/// Every file below `dir` of the source tree, into `mem` at "site/<dir>/…".
void copy_tree(core::MemoryFileSystem& mem, const std::string& dir) {
  const fs::path root = fs::path(GONGKAI_SOURCE_DIR) / dir;
  if (!fs::is_directory(root)) return;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const std::string rel = fs::relative(entry.path(), GONGKAI_SOURCE_DIR).generic_string();
    mem.put("site/" + rel, source_file(rel));
  }
}

}  // namespace

DataSite build_data_site(const DataSiteInput& input) {
  core::MemoryFileSystem mem;
  copy_tree(mem, "themes/default");
  copy_tree(mem, "content/pages");
  if (input.reports_dir.empty()) {
    copy_tree(mem, "content/reports");
  } else {
    for (const auto& entry :
         fs::directory_iterator(fs::path(GONGKAI_SOURCE_DIR) / input.reports_dir)) {
      const auto ext = entry.path().extension();
      if (ext != ".txt" && ext != ".md") continue;
      mem.put("site/content/reports/" + entry.path().filename().string(),
              source_file(input.reports_dir + "/" + entry.path().filename().string()));
    }
  }
  std::string yaml = input.site_yaml.empty() ? source_file("site.yaml") : input.site_yaml;
  yaml += "\n" + input.extra_yaml;
  mem.put("site/site.yaml", yaml);
  for (const auto& [name, bytes] : input.reports) mem.put("site/content/reports/" + name, bytes);

  commands::BuildOptions options;
  options.config = "site/site.yaml";
  options.out = "site/public";
  options.jobs = 2;
  options.write = false;
  options.cache = false;
  core::DiagnosticSink sink;
  DataSite out;
  out.result = commands::build_site(mem, options, sink);
  for (const auto& d : sink.items()) out.diagnostics.push_back(core::format(d));
  for (auto& f : out.result.files_built) out.files.emplace(f.path, f.bytes);
  out.result.files_built.clear();
  if (!out.result.ok) {
    std::string why;
    for (const auto& d : out.diagnostics) why += d + "\n";
    throw std::runtime_error("the build failed:\n" + why);
  }
  return out;
}

const DataSite& sample_site() {
  static const DataSite site = build_data_site();
  return site;
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  size_t i = 0;
  bool any = false;  // the current row has begun
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && field.empty()) {
      ++i;
      for (;;) {
        if (i >= text.size()) throw std::runtime_error("unclosed quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
        throw std::runtime_error("text after a closing quote");
      any = true;
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
      ++i;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))
        throw std::runtime_error("CR without LF");
      i += c == '\r' ? 2 : 1;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      if (c == '"') throw std::runtime_error("quote inside an unquoted field");
      field += c;
      any = true;
      ++i;
    }
  }
  if (any) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace gongkai::testing
