#include "output/build_manifest.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

namespace gongkai::output {

namespace {

constexpr std::string_view kMagic = "gongkai-build-manifest 1";

/// Splits one line at tabs.
std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

bool parse_u64(std::string_view s, uint64_t& out, int base = 10) {
  if (s.empty() || s.size() > 20) return false;
  uint64_t v = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9' ? c - '0' : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : 99);
    if (d >= base) return false;
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  out = v;
  return true;
}

/// Names that cannot be written on one tab-separated line are left out (their reports then count
/// as new and their pages are rendered again).
bool writable(const std::string& s) {
  return s.find('\t') == std::string::npos && s.find('\n') == std::string::npos;
}

}  // namespace

BuildManifest read_build_manifest(const core::FileSystem& fs, const std::string& path) {
  BuildManifest m;
  auto text = fs.read(path);
  if (!text) return m;
  std::string_view rest(*text);
  bool first = true;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) return {};  // cut short: not written whole
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    if (first) {
      if (line != kMagic) return {};
      first = false;
      continue;
    }
    auto f = fields(line);
    if (f[0] == "out" && f.size() == 2) {
      m.out_dir = f[1];
    } else if (f[0] == "report" && f.size() == 3) {
      uint64_t h;
      if (!parse_u64(f[1], h, 16)) return {};
      m.reports.emplace(f[2], h);
    } else if (f[0] == "page" && f.size() == 6) {
      PageRecord r;
      uint64_t mtime;
      if (!parse_u64(f[1], r.key, 16) || !parse_u64(f[2], r.file.inode) ||
          !parse_u64(f[3], r.file.size) || !parse_u64(f[4], mtime)) {
        return {};
      }
      r.file.mtime_ns = static_cast<int64_t>(mtime);
      m.pages.emplace(f[5], r);
    } else if (f[0] != "end" || f.size() != 1) {
      return {};
    } else {
      return m;  // "end": the file was written whole
    }
  }
  return {};
}

bool write_build_manifest(const std::string& path, const BuildManifest& manifest,
                          std::string* why) {
  std::string text(kMagic);
  text += "\nout\t" + manifest.out_dir + "\n";
  char buf[96];
  for (const auto& [file, hash] : manifest.reports) {
    if (!writable(file)) continue;
    std::snprintf(buf, sizeof buf, "report\t%016llx\t", static_cast<unsigned long long>(hash));
    text += buf + file + "\n";
  }
  // Sorted, so that the same build writes the same manifest.
  std::map<std::string_view, const PageRecord*> pages;
  for (const auto& [p, r] : manifest.pages) pages.emplace(p, &r);
  for (const auto& [p, r] : pages) {
    if (!writable(std::string(p))) continue;
    std::snprintf(
        buf, sizeof buf, "page\t%016llx\t%llu\t%llu\t%lld\t",
        static_cast<unsigned long long>(r->key), static_cast<unsigned long long>(r->file.inode),
        static_cast<unsigned long long>(r->file.size), static_cast<long long>(r->file.mtime_ns));
    text += buf;
    text += p;
    text += '\n';
  }
  text += "end\n";

  std::error_code ec;
  const std::filesystem::path target(path);
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
  const std::string tmp = path + ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      if (why) *why = "cannot write " + tmp;
      std::filesystem::remove(tmp, ec);
      return false;
    }
  }
  std::filesystem::rename(tmp, target, ec);
  if (ec) {
    if (why) *why = "cannot rename " + tmp + ": " + ec.message();
    std::filesystem::remove(tmp, ec);
    return false;
  }
  return true;
}

ReportChanges compare_reports(const std::map<std::string, uint64_t>& before,
                              const std::map<std::string, uint64_t>& now) {
  ReportChanges c;
  for (const auto& [file, hash] : now) {
    auto it = before.find(file);
    if (it == before.end()) {
      ++c.added;
    } else if (it->second != hash) {
      ++c.changed;
    }
  }
  for (const auto& [file, hash] : before) {
    if (!now.count(file)) ++c.removed;
  }
  return c;
}

}  // namespace gongkai::output
