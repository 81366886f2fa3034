#include "site/report_cache.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <thread>

#include "core/hash.hpp"
#include "report/report_binary.hpp"

namespace gongkai::site {

namespace {

// An entry: "GKRC", then (u32 length, bytes) of the parser version and of the path, then the
// 8-byte hash of the file bytes, then the encoded Report. The header guards against key collisions.
constexpr std::string_view kMagic = "GKRC";

void put_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
void put_u64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::string header(std::string_view version, std::string_view path, uint64_t content_hash) {
  std::string h(kMagic);
  put_u32(h, static_cast<uint32_t>(version.size()));
  h += version;
  put_u32(h, static_cast<uint32_t>(path.size()));
  h += path;
  put_u64(h, content_hash);
  return h;
}

std::optional<std::string> read_whole(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string data;
  struct stat st;
  if (fstat(fd, &st) == 0 && st.st_size > 0) data.reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 15];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    data.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return data;
}

bool write_whole(const std::string& path, std::string_view data, std::string* error) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    if (error) *error = "cannot create " + path + ": " + std::strerror(errno);
    return false;
  }
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      if (error) *error = "cannot write " + path + ": " + std::strerror(errno);
      close(fd);
      unlink(path.c_str());
      return false;
    }
    done += static_cast<size_t>(n);
  }
  if (close(fd) != 0) {
    if (error) *error = "cannot write " + path + ": " + std::strerror(errno);
    unlink(path.c_str());
    return false;
  }
  return true;
}

bool make_dir(const std::string& path, std::string* error) {
  if (mkdir(path.c_str(), 0777) == 0 || errno == EEXIST) return true;
  if (error) *error = "cannot create folder " + path + ": " + std::strerror(errno);
  return false;
}

/// "0123456789abcdef.bin" → its key; false for any other name.
bool parse_entry_name(std::string_view name, uint64_t& key) {
  if (name.size() != 20 || name.substr(16) != ".bin") return false;
  key = 0;
  for (char c : name.substr(0, 16)) {
    int digit = c >= '0' && c <= '9' ? c - '0' : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1);
    if (digit < 0) return false;
    key = key << 4 | static_cast<uint64_t>(digit);
  }
  return true;
}

}  // namespace

ReportCache::ReportCache(std::string dir, std::string parser_version)
    : dir_(std::move(dir)),
      reports_dir_(dir_ + "/reports"),
      parser_version_(std::move(parser_version)) {}

uint64_t ReportCache::key(std::string_view path, std::string_view bytes) const {
  return core::hash64(header(parser_version_, path, core::hash64(bytes)));
}

std::string ReportCache::entry_path(uint64_t key) const {
  return reports_dir_ + "/" + core::hex64(key) + ".bin";
}

void ReportCache::mark_used(uint64_t key) {
  std::lock_guard<std::mutex> hold(mutex_);
  used_.insert(key);
}

std::optional<report::Report> ReportCache::lookup(std::string_view path, std::string_view bytes) {
  uint64_t content_hash = core::hash64(bytes);
  std::string head = header(parser_version_, path, content_hash);
  uint64_t k = core::hash64(head);
  mark_used(k);
  auto data = read_whole(entry_path(k));
  if (!data || data->compare(0, head.size(), head) != 0) return std::nullopt;
  auto report = report::decode(std::string_view(*data).substr(head.size()));
  if (report && report->path != path) return std::nullopt;
  return report;
}

bool ReportCache::store(std::string_view path, std::string_view bytes, const report::Report& report,
                        std::string* error) {
  std::string data = header(parser_version_, path, core::hash64(bytes));
  uint64_t k = core::hash64(data);
  mark_used(k);
  data += report::encode(report);
  if (!make_dir(dir_, error) || !make_dir(reports_dir_, error)) return false;
  // A name no other thread or process uses: pid, thread and a counter.
  std::string temp = entry_path(k) + ".tmp." + std::to_string(getpid()) + "." +
                     std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())) +
                     "." + std::to_string(temp_counter_.fetch_add(1));
  if (!write_whole(temp, data, error)) return false;
  if (rename(temp.c_str(), entry_path(k).c_str()) != 0) {
    if (error) *error = "cannot rename " + temp + ": " + std::strerror(errno);
    unlink(temp.c_str());
    return false;
  }
  return true;
}

size_t ReportCache::prune(const std::unordered_set<uint64_t>& keep) {
  DIR* dir = opendir(reports_dir_.c_str());
  if (!dir) return 0;
  std::vector<std::string> doomed;
  size_t removed = 0;
  while (dirent* entry = readdir(dir)) {
    std::string_view name = entry->d_name;
    uint64_t k = 0;
    if (parse_entry_name(name, k)) {
      if (!keep.count(k)) {
        doomed.emplace_back(name);
        ++removed;
      }
    } else if (name.find(".bin.tmp.") != std::string_view::npos) {
      doomed.emplace_back(name);
    }
  }
  closedir(dir);
  for (const auto& name : doomed) unlink((reports_dir_ + "/" + name).c_str());
  return removed;
}

size_t ReportCache::prune_unused() {
  return prune(used());
}

std::unordered_set<uint64_t> ReportCache::used() const {
  std::lock_guard<std::mutex> hold(mutex_);
  return used_;
}

}  // namespace gongkai::site
