#include "output/publish.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "output/output_plan.hpp"
#include "tree_util.hpp"

using namespace gongkai::output;
using namespace gongkai::testing;
namespace fs = std::filesystem;

namespace {

/// A small site: a home page, `agencies` agency pages, a feed; `edition` changes the home page.
std::vector<OutputFile> site(int agencies, int edition = 1) {
  std::vector<OutputFile> files;
  files.push_back(
      {"index.html", "<html><body>home edition " + std::to_string(edition) + "</body></html>\n"});
  files.push_back({"feed.xml", "<rss version=\"2.0\"></rss>\n"});
  for (int i = 0; i < agencies; ++i) {
    std::string slug = "agency-" + std::to_string(i);
    files.push_back({"agencies/" + slug + "/index.html", "<p>" + slug + "</p>\n"});
    files.push_back(
        {"agencies/" + slug + "/2023/report.json", "{\"n\":" + std::to_string(i) + "}"});
  }
  return files;
}

const EntryState& entry(const Snapshot& s, const std::string& path) {
  auto it = s.find(path);
  if (it == s.end()) FAIL("no " << path);
  return it->second;
}

}  // namespace

TEST_CASE("publish creates a missing output folder and writes every file") {
  TempDir tmp;
  auto files = site(3);
  auto stats = publish(tmp / "public", files);
  CHECK(stats.written == files.size());
  CHECK(stats.unchanged == 0);
  CHECK(stats.removed == 0);
  CHECK(contents(snapshot(tmp / "public")) == contents(files));
  CHECK(read_file(tmp / "public/agencies/agency-2/2023/report.json") == "{\"n\":2}");
  // Nothing is left beside it.
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("publishing the same files again keeps every inode and mtime") {
  TempDir tmp;
  auto files = site(5);
  publish(tmp / "public", files);
  Snapshot first = snapshot(tmp / "public");
  auto stats = publish(tmp / "public", files);
  CHECK(stats.written == 0);
  CHECK(stats.unchanged == files.size());
  CHECK(stats.removed == 0);
  Snapshot second = snapshot(tmp / "public");
  CHECK(second == first);  // same paths, bytes, inodes, mtimes and modes
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("a changed file is rewritten and the others keep their inodes") {
  TempDir tmp;
  publish(tmp / "public", site(4, 1));
  Snapshot before = snapshot(tmp / "public");
  auto stats = publish(tmp / "public", site(4, 2));
  CHECK(stats.written == 1);
  CHECK(stats.unchanged == site(4).size() - 1);
  Snapshot after = snapshot(tmp / "public");
  CHECK(entry(after, "index.html").bytes == "<html><body>home edition 2</body></html>\n");
  CHECK(entry(after, "index.html").inode != entry(before, "index.html").inode);
  for (const auto& [path, state] : after) {
    if (path != "index.html") CHECK(state == entry(before, path));
  }
}

TEST_CASE("files the new site no longer has are removed with their empty folders") {
  TempDir tmp;
  publish(tmp / "public", site(4));
  auto stats = publish(tmp / "public", site(2));
  CHECK(stats.removed == 4);  // two agencies, two files each
  Snapshot after = snapshot(tmp / "public");
  CHECK(contents(after) == contents(site(2)));
  CHECK_FALSE(fs::exists(tmp / "public/agencies/agency-3"));
  CHECK(fs::exists(tmp / "public/agencies/agency-1/index.html"));
}

TEST_CASE("top-level dot-entries of the old tree are carried over untouched") {
  TempDir tmp;
  write_file(tmp / "public/.gitkeep", "");
  write_file(tmp / "public/.git/objects/ab/cdef", "blob");
  write_file(tmp / "public/.git/HEAD", "ref: refs/heads/main\n");
  write_file(tmp / "public/.nojekyll", "old");
  fs::create_symlink("../elsewhere", tmp / "public/.well-known");
  write_file(tmp / "public/stale.html", "gone soon");
  Snapshot before = snapshot(tmp / "public");

  auto files = site(1);
  files.push_back({".nojekyll", "new"});  // produced by the site: the site's version wins
  auto stats = publish(tmp / "public", files);
  CHECK(stats.removed == 1);  // stale.html; .nojekyll is replaced, not removed
  CHECK(stats.written == files.size());
  Snapshot after = snapshot(tmp / "public");
  for (const char* kept : {".gitkeep", ".git/objects/ab/cdef", ".git/HEAD", ".well-known"}) {
    INFO(kept);
    CHECK(entry(after, kept) == entry(before, kept));
  }
  CHECK(entry(after, ".well-known").kind == 'l');
  CHECK(entry(after, ".nojekyll").bytes == "new");
  CHECK_FALSE(fs::exists(tmp / "public/stale.html"));
}

TEST_CASE("an empty site empties the folder but for its dot-entries") {
  TempDir tmp;
  write_file(tmp / "public/.gitkeep", "");
  publish(tmp / "public", site(2));
  auto stats = publish(tmp / "public", {});
  CHECK(stats.removed == site(2).size());
  CHECK(names_in(tmp / "public") == std::vector<std::string>{".gitkeep"});
}

TEST_CASE("the two-rename fallback gives the same result as the exchange") {
  TempDir tmp;
  PublishOptions fallback;
  fallback.exchange = false;
  publish(tmp / "public", site(3, 1), fallback);
  Snapshot before = snapshot(tmp / "public");
  auto stats = publish(tmp / "public", site(3, 2), fallback);
  CHECK(stats.written == 1);
  Snapshot after = snapshot(tmp / "public");
  CHECK(contents(after) == contents(site(3, 2)));
  CHECK(entry(after, "feed.xml") == entry(before, "feed.xml"));
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("output paths are checked before anything is written") {
  CHECK(check_output_path("a/b.html").empty());
  CHECK(check_output_path(".well-known/x").empty());
  CHECK(check_output_path("") == "the path is empty");
  CHECK(check_output_path("/etc/passwd") == "the path is absolute");
  CHECK(check_output_path("a/../../b") == "the path has a \"..\" part");
  CHECK(check_output_path("..") == "the path has a \"..\" part");
  CHECK(check_output_path("a/./b") == "the path has a \".\" part");
  CHECK(check_output_path("a//b") == "the path has an empty part");
  CHECK(check_output_path("a/") == "the path has an empty part");
  CHECK(check_output_path("a\\b") == "the path contains a backslash");
  CHECK(check_output_path(std::string("a\0b", 3)) == "the path contains a NUL byte");

  TempDir tmp;
  publish(tmp / "public", site(2));
  Snapshot before = snapshot(tmp / "public");
  auto rejects = [&](std::vector<OutputFile> files, const std::string& message) {
    INFO(message);
    try {
      publish(tmp / "public", files);
      FAIL("publish accepted a bad site");
    } catch (const PublishError& e) {
      CHECK(std::string(e.what()) == message);
    }
    CHECK(snapshot(tmp / "public") == before);
    CHECK(names_in(tmp.path()) == std::vector<std::string>{"public"});
  };
  rejects({{"ok.html", "x"}, {"../escape.html", "x"}},
          "bad output path \"../escape.html\": the path has a \"..\" part");
  rejects({{"a.html", "x"}, {"a.html", "y"}}, "output path \"a.html\" is produced twice");
  rejects({{"agencies", "x"}, {"agencies/a/index.html", "y"}},
          "output path \"agencies\" is both a file and a folder");
}

TEST_CASE("an error midway leaves the output folder exactly as it was") {
  TempDir tmp;
  write_file(tmp / "public/.gitkeep", "");
  publish(tmp / "public", site(30, 1));
  Snapshot before = snapshot(tmp / "public");

  SECTION("a name the file system refuses") {
    auto files = site(30, 2);
    std::string long_name = "agencies/" + std::string(300, 'x') + ".html";
    files.push_back({long_name, "too long"});
    try {
      publish(tmp / "public", files, PublishOptions{1, true, {}});
      FAIL("publish accepted a name longer than NAME_MAX");
    } catch (const PublishError& e) {
      CHECK(e.code() == ENAMETOOLONG);
      CHECK(e.path() == tmp / ".public.staging/" + long_name);
      CHECK(std::string(e.what()) ==
            "cannot create " + tmp / ".public.staging/" + long_name + ": File name too long");
    }
  }
  SECTION("a failure after half the files are staged") {
    PublishOptions options;
    options.on_step = [](PublishStep step, size_t count) {
      if (step == PublishStep::FileStaged && count == 40) {
        throw PublishError("No space left on device (simulated)", "x");
      }
    };
    CHECK_THROWS_WITH(publish(tmp / "public", site(30, 2), options),
                      "No space left on device (simulated)");
  }
  SECTION("a failure with the fallback, after the old tree was moved aside") {
    PublishOptions options;
    options.exchange = false;
    options.on_step = [](PublishStep step, size_t) {
      if (step == PublishStep::MovedAside) throw PublishError("simulated", "x");
    };
    CHECK_THROWS_WITH(publish(tmp / "public", site(30, 2), options), "simulated");
  }
  SECTION("a staging folder that cannot be created") {
    // A file where the staging folder goes, created after the leftovers are cleaned.
    PublishOptions options;
    options.on_step = [&](PublishStep step, size_t) {
      if (step == PublishStep::Locked) write_file(tmp / ".public.staging", "in the way");
    };
    try {
      publish(tmp / "public", site(30, 2), options);
      FAIL("publish went on without a staging folder");
    } catch (const PublishError& e) {
      CHECK(e.code() == EEXIST);
      CHECK(std::string(e.what()) ==
            "cannot create folder " + tmp / ".public.staging" + ": File exists");
    }
    fs::remove(tmp / ".public.staging");
  }
  CHECK(snapshot(tmp / "public") == before);
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"public"});
  // And the next publish works.
  CHECK(publish(tmp / "public", site(30, 2)).written == 1);
}

TEST_CASE("an output path that is a file or a symlink is refused") {
  TempDir tmp;
  write_file(tmp / "file", "not a folder");
  CHECK_THROWS_WITH(publish(tmp / "file", site(1)),
                    "output folder " + tmp / "file" + " exists and is not a folder");
  CHECK(read_file(tmp / "file") == "not a folder");

  fs::create_directory(tmp / "real");
  fs::create_directory_symlink("real", tmp / "link");
  CHECK_THROWS_WITH(publish(tmp / "link", site(1)),
                    "output folder " + tmp / "link" + " is a symlink; it must be a real folder");
  CHECK(fs::is_symlink(tmp / "link"));
  CHECK(fs::is_empty(tmp / "real"));

  CHECK_THROWS_WITH(publish(tmp / "missing/public", site(1)),
                    "cannot open folder " + tmp / "missing" + ": No such file or directory");
  CHECK_THROWS_WITH(publish(tmp / "real/..", site(1)),
                    "output folder \"" + tmp / "real/.." + "\" must end with a folder name");
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"file", "link", "real"});
}

TEST_CASE("a trailing slash and a relative output path work") {
  TempDir tmp;
  publish(tmp / "public/", site(1));
  CHECK(contents(snapshot(tmp / "public")) == contents(site(1)));
  std::string cwd = fs::current_path();
  fs::current_path(tmp.path());
  publish("public", site(1, 2));
  fs::current_path(cwd);
  CHECK(read_file(tmp / "public/index.html") == "<html><body>home edition 2</body></html>\n");
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("leftovers of a killed run are cleaned up by the next publish") {
  TempDir tmp;
  publish(tmp / "public", site(2, 1));
  SECTION("a half-built staging folder and an old tree not yet removed") {
    write_file(tmp / ".public.staging/agencies/x/index.html", "half");
    write_file(tmp / ".public.old/index.html", "previous");
    publish(tmp / "public", site(2, 2));
    CHECK(contents(snapshot(tmp / "public")) == contents(site(2, 2)));
  }
  SECTION("killed between the two renames of the fallback: the old tree comes back first") {
    fs::rename(tmp / "public", tmp / ".public.old");
    write_file(tmp / ".public.staging/index.html", "new, complete");
    Snapshot aside = snapshot(tmp / ".public.old");
    // A failing publish shows the old tree was restored before anything else happened.
    PublishOptions fail;
    fail.on_step = [](PublishStep step, size_t) {
      if (step == PublishStep::Staged) throw PublishError("stop", "x");
    };
    CHECK_THROWS(publish(tmp / "public", site(2, 3), fail));
    CHECK(snapshot(tmp / "public") == aside);
  }
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("files are written with the umask's mode and the old folder's mode is kept") {
  TempDir tmp;
  mode_t old_mask = umask(022);
  publish(tmp / "public", site(1));
  umask(old_mask);
  struct stat st;
  REQUIRE(stat((tmp / "public/index.html").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);
  REQUIRE(chmod((tmp / "public").c_str(), 0750) == 0);
  publish(tmp / "public", site(1, 2));
  REQUIRE(stat((tmp / "public").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0750);
}

TEST_CASE("many files are staged on several threads with the same result") {
  TempDir tmp;
  auto files = site(150, 1);
  PublishOptions two;
  two.jobs = 2;
  CHECK(publish(tmp / "public", files, two).written == files.size());
  auto next = site(150, 2);
  next[5].bytes += "changed";  // one agency page too
  auto stats = publish(tmp / "public", next, two);
  CHECK(stats.written == 2);
  CHECK(stats.unchanged == next.size() - 2);
  CHECK(contents(snapshot(tmp / "public")) == contents(next));
}
