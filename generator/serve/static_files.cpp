#include "serve/static_files.hpp"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

namespace gongkai::serve {

namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

/// Opens `rel` below dir_fd for reading, refusing to leave it. -1 when it cannot.
int open_beneath(int dir_fd, const std::string& rel, const std::vector<std::string>& parts) {
#ifdef SYS_openat2
  open_how how{};
  how.flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  long fd = syscall(SYS_openat2, dir_fd, rel.c_str(), &how, sizeof how);
  if (fd >= 0 || errno != ENOSYS) return static_cast<int>(fd);
#endif
  // No openat2: walk part by part without following any symlink.
  int current = fcntl(dir_fd, F_DUPFD_CLOEXEC, 0);
  for (size_t i = 0; i < parts.size() && current >= 0; ++i) {
    bool last = i + 1 == parts.size();
    int flags =
        O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | (last ? O_RDONLY : O_PATH | O_DIRECTORY);
    int next = openat(current, parts[i].c_str(), flags);
    close(current);
    current = next;
  }
  return current;
}

bool read_all(int fd, size_t size_hint, std::string& out) {
  out.clear();
  out.reserve(size_hint);
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    out.append(buffer, static_cast<size_t>(n));
  }
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

StaticFile read_static(const std::string& root, const std::vector<std::string>& parts) {
  StaticFile result;
  Fd root_fd(open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (root_fd.get() < 0) return result;
  std::string rel;
  for (const auto& part : parts) {
    if (!rel.empty()) rel += '/';
    rel += part;
  }
  if (rel.empty()) rel.assign(1, '.');
  Fd fd(open_beneath(root_fd.get(), rel, parts));
  if (fd.get() < 0) return result;
  struct stat st;
  if (fstat(fd.get(), &st) != 0) return result;
  if (S_ISDIR(st.st_mode)) {
    result.kind = StaticFile::Kind::Folder;
  } else if (S_ISREG(st.st_mode) &&
             read_all(fd.get(), static_cast<size_t>(st.st_size), result.bytes)) {
    result.kind = StaticFile::Kind::File;
  }
  return result;
}

std::string content_type_for(std::string_view name) {
  struct Type {
    std::string_view extension, type;
  };
  static constexpr Type types[] = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json; charset=utf-8"},
      {".xml", "application/xml; charset=utf-8"},
      {".rss", "application/rss+xml; charset=utf-8"},
      {".atom", "application/atom+xml; charset=utf-8"},
      {".svg", "image/svg+xml; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".md", "text/markdown; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".avif", "image/avif"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".otf", "font/otf"},
      {".pdf", "application/pdf"},
      {".wasm", "application/wasm"},
      {".zip", "application/zip"},
      {".gz", "application/gzip"},
  };
  std::string lower(name.substr(name.find_last_of('/') + 1));
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const auto& t : types) {
    if (ends_with(lower, t.extension)) return std::string(t.type);
  }
  return "application/octet-stream";
}

bool is_html_type(std::string_view content_type) {
  return content_type.substr(0, 9) == "text/html";
}

}  // namespace gongkai::serve
