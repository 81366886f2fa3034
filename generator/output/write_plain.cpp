#include "output/write_plain.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

namespace gongkai::output {

void write_plain(const std::string& dir, const std::vector<OutputFile>& files) {
  namespace fs = std::filesystem;
  std::set<std::string> written;
  for (const auto& f : files) {
    fs::path path = fs::path(dir) / f.path;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
    written.insert(f.path);
  }
  // Stale files of an earlier build (a renamed agency, a removed report).
  std::vector<fs::path> stale;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::string rel = fs::relative(entry.path(), dir).generic_string();
    if (!written.count(rel) && rel != ".gitkeep") stale.push_back(entry.path());
  }
  for (const auto& p : stale) fs::remove(p);
}

}  // namespace gongkai::output
