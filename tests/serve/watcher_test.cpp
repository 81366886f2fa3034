#include "serve/watcher.hpp"

#include <sys/stat.h>
#include <utime.h>

#include <catch2/catch.hpp>
#include <condition_variable>
#include <filesystem>
#include <mutex>

#include "../output/tree_util.hpp"

using namespace gongkai::serve;
using namespace gongkai::testing;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

/// Counts on_change calls and lets a test wait for a count (with a generous guard, no sleep).
struct Counter {
  std::mutex mutex;
  std::condition_variable cv;
  int calls = 0;
  std::function<void()> callback() {
    return [this] {
      std::lock_guard<std::mutex> hold(mutex);
      ++calls;
      cv.notify_all();
    };
  }
  bool wait_for(int n) {
    std::unique_lock<std::mutex> lock(mutex);
    return cv.wait_for(lock, 30s, [&] { return calls >= n; });
  }
  int count() {
    std::lock_guard<std::mutex> hold(mutex);
    return calls;
  }
};

void touch(const std::string& path) {
  REQUIRE(utime(path.c_str(), nullptr) == 0);
}

}  // namespace

TEST_CASE("touching a watched file triggers exactly one call after the debounce") {
  TempDir tmp;
  write_file(tmp / "content/reports/a.txt", "A");
  Counter counter;
  Watcher watcher({tmp / "content"}, 20ms, counter.callback());
  watcher.start();
  touch(tmp / "content/reports/a.txt");
  REQUIRE(counter.wait_for(1));  // the debounce fired on its own
  watcher.flush();               // every event of the touch seen: no second call came of it
  CHECK(counter.count() == 1);
  watcher.flush();  // nothing changed since: flushing calls nothing
  CHECK(counter.count() == 1);
}

TEST_CASE("a burst of changes is one call") {
  TempDir tmp;
  write_file(tmp / "content/a.txt", "A");
  Counter counter;
  // A debounce far longer than the test: only flush() can end the burst.
  Watcher watcher({tmp / "content"}, std::chrono::hours(1), counter.callback());
  watcher.start();
  for (int i = 0; i < 50; ++i) write_file(tmp / "content/a.txt", "edit " + std::to_string(i));
  write_file(tmp / "content/b.txt", "B");
  fs::remove(tmp / "content/b.txt");
  CHECK(counter.count() == 0);
  watcher.flush();
  CHECK(counter.count() == 1);
}

TEST_CASE("new sub-folders are followed and hidden or backup names ignored") {
  TempDir tmp;
  fs::create_directories(tmp / "content");
  Counter counter;
  Watcher watcher({tmp / "content"}, std::chrono::hours(1), counter.callback());
  watcher.start();
  CHECK(watcher.watch_count() == 1);
  fs::create_directories(tmp / "content/2024/shandong");
  watcher.flush();
  CHECK(counter.count() == 1);
  // 2024 and shandong: shandong was made before 2024 was watched, the scan of 2024 found it.
  CHECK(watcher.watch_count() == 3);
  write_file(tmp / "content/2024/shandong/new.txt", "N");
  watcher.flush();
  CHECK(counter.count() == 2);

  write_file(tmp / "content/.a.txt.swp", "vim");
  write_file(tmp / "content/a.txt~", "backup");
  fs::create_directories(tmp / "content/.git");
  watcher.flush();
  CHECK(counter.count() == 2);
}

TEST_CASE(
    "a watched file is seen when an editor replaces it by renaming "
    "and its folder's other files are not watched") {
  TempDir tmp;
  write_file(tmp / "site.yaml", "title: a\n");
  write_file(tmp / "notes.txt", "unrelated");
  Counter counter;
  Watcher watcher({tmp / "site.yaml"}, std::chrono::hours(1), counter.callback());
  watcher.start();
  write_file(tmp / "notes.txt", "still unrelated");
  watcher.flush();
  CHECK(counter.count() == 0);
  write_file(tmp / "site.yaml.tmp", "title: b\n");
  fs::rename(tmp / "site.yaml.tmp", tmp / "site.yaml");
  watcher.flush();
  CHECK(counter.count() == 1);
  write_file(tmp / "site.yaml", "title: c\n");  // still watched after the rename
  watcher.flush();
  CHECK(counter.count() == 2);
}

TEST_CASE("a folder that does not exist yet is watched for") {
  TempDir tmp;
  Counter counter;
  Watcher watcher({tmp / "templates"}, std::chrono::hours(1), counter.callback());
  watcher.start();
  fs::create_directories(tmp / "templates");
  watcher.flush();
  CHECK(counter.count() == 1);
  write_file(tmp / "templates/base.html", "<html>");
  watcher.flush();
  CHECK(counter.count() == 2);
}

TEST_CASE("changes made while the callback runs cause one more call") {
  TempDir tmp;
  write_file(tmp / "content/a.txt", "A");
  Counter counter;
  bool edited = false;
  Watcher watcher({tmp / "content"}, std::chrono::hours(1), [&] {
    counter.callback()();
    if (!edited) {  // the user saves again during the rebuild
      edited = true;
      write_file(tmp / "content/a.txt", "again");
    }
  });
  watcher.start();
  write_file(tmp / "content/a.txt", "B");
  watcher.flush();
  CHECK(counter.count() == 1);
  watcher.flush();
  CHECK(counter.count() == 2);
  watcher.flush();
  CHECK(counter.count() == 2);
}
