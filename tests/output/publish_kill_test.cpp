// A publish killed at any point leaves the output folder wholly old or wholly new, and the next
// publish cleans up. A forked child publishes a large tree and kills itself (SIGKILL, as `kill -9`
// would) at a chosen step: no sleeps, no timing.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "output/publish.hpp"
#include "tree_util.hpp"

using namespace gongkai::output;
using namespace gongkai::testing;

namespace {

/// About 240 files in 140 folders; `edition` changes one file in three and drops some.
std::vector<OutputFile> big_site(int edition) {
  std::vector<OutputFile> files;
  for (int a = 0; a < 60; ++a) {
    if (edition == 2 && a % 20 == 0) continue;
    std::string dir = "agencies/a" + std::to_string(a) + "/";
    for (int year = 2019; year < 2023; ++year) {
      std::string body = "<html>" + dir + std::to_string(year);
      if (year == 2019 + a % 3 && edition == 2) body += " revised";
      files.push_back({dir + std::to_string(year) + "/index.html", body + "</html>\n"});
    }
  }
  files.push_back({"index.html", "home " + std::to_string(edition)});
  if (edition == 2) files.push_back({"new.html", "only in the new site"});
  return files;
}

/// Runs publish in a child that raises SIGKILL when `kill_at` is reached with `count`; returns true
/// when the child died of SIGKILL (false: it finished or failed otherwise).
bool publish_and_die(const std::string& out_dir, const std::vector<OutputFile>& files,
                     PublishStep kill_at, size_t count, bool exchange) {
  pid_t pid = fork();
  if (pid == 0) {
    PublishOptions options;
    options.jobs = 2;
    options.exchange = exchange;
    options.on_step = [&](PublishStep step, size_t n) {
      if (step == kill_at && n == count) raise(SIGKILL);
    };
    try {
      publish(out_dir, files, options);
    } catch (...) {
      _exit(3);
    }
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

}  // namespace

TEST_CASE("a publish killed at any step leaves the whole old or the whole new tree") {
  struct Point {
    PublishStep step;
    size_t count;
    bool exchange;
    bool expect_new;
    const char* what;
  };
  const Point points[] = {
      {PublishStep::Locked, 0, true, false, "after taking the lock"},
      {PublishStep::FileStaged, 1, true, false, "after the first file"},
      {PublishStep::FileStaged, 120, true, false, "halfway through the files"},
      {PublishStep::Staged, 0, true, false, "with the staging tree complete"},
      {PublishStep::Swapped, 0, true, true, "right after the exchange"},
      {PublishStep::Removing, 150, true, true, "while removing the old tree"},
      {PublishStep::Staged, 0, false, false, "fallback: before the first rename"},
      {PublishStep::MovedAside, 0, false, false, "fallback: between the two renames"},
      {PublishStep::Swapped, 0, false, true, "fallback: after the second rename"},
      {PublishStep::Removing, 150, false, true, "fallback: while removing the old tree"},
  };
  const auto old_site = big_site(1);
  const auto new_site = big_site(2);
  for (const auto& point : points) {
    INFO(point.what);
    TempDir tmp;
    const std::string out = tmp / "public";
    write_file(out + "/.gitkeep", "");
    publish(out, old_site);
    auto old_contents = contents(snapshot(out));

    REQUIRE(publish_and_die(out, new_site, point.step, point.count, point.exchange));

    auto expected = point.expect_new ? contents(new_site) : old_contents;
    expected[".gitkeep"] = "";
    if (point.step == PublishStep::MovedAside) {
      // The only moment a reader may find no tree; the next publish puts the old one back first.
      CHECK_FALSE(std::filesystem::exists(out));
    } else {
      CHECK(contents(snapshot(out)) == expected);
    }
    // Killed after taking the lock, it had made nothing yet; later, it left staging or the old
    // tree.
    CHECK(names_in(tmp.path()).size() == (point.step == PublishStep::Locked ? 1 : 2));

    auto stats = publish(out, new_site);
    CHECK(stats.written + stats.unchanged == new_site.size());
    auto final_contents = contents(new_site);
    final_contents[".gitkeep"] = "";
    CHECK(contents(snapshot(out)) == final_contents);
    CHECK(names_in(tmp.path()) == std::vector<std::string>{"public"});
  }
}
