// Publishing with a spare tree (PublishOptions::keep_spare): the replaced tree is kept beside the
// output folder and recycled as the next staging tree. Whatever the spare holds, each publish must
// give exactly the new site, and unchanged files must keep their inode.
#include <catch2/catch.hpp>

#include <filesystem>

#include "output/publish.hpp"
#include "output/publisher.hpp"
#include "tree_util.hpp"

using namespace gongkai::output;
using namespace gongkai::testing;

namespace {

PublishOptions spare() {
  PublishOptions o;
  o.keep_spare = true;
  return o;
}

/// Publishes `files` with a spare tree and checks the result against them.
PublishStats publish_checked(const std::string& out, const std::vector<OutputFile>& files) {
  auto stats = publish(out, files, spare());
  CHECK(contents(snapshot(out)) == contents(files));
  return stats;
}

const EntryState& entry_of(const Snapshot& s, const std::string& path) {
  auto it = s.find(path);
  if (it == s.end()) FAIL("no " << path);
  return it->second;
}

}  // namespace

TEST_CASE("with a spare tree each publish gives exactly the new site") {
  TempDir tmp;
  const std::string out = tmp / "public";
  std::vector<OutputFile> v1 = {{"index.html", "home 1"},        {"a/index.html", "a"},
                                {"a/2023/index.html", "a 2023"}, {"b/index.html", "b"},
                                {"b/2023/index.html", "b 2023"}, {"c", "c is a file"}};
  publish_checked(out, v1);
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"public"});  // nothing replaced yet

  // Second: home changed, b gone, c becomes a folder, a/2023 becomes a file, d new.
  std::vector<OutputFile> v2 = {{"index.html", "home 2"},
                                {"a/index.html", "a"},
                                {"a/2023", "a 2023 as a file"},
                                {"c/index.html", "c is a folder"},
                                {"d/x/y.html", "d"}};
  auto before = snapshot(out);
  auto stats = publish_checked(out, v2);
  CHECK(stats.written == 4);
  CHECK(stats.unchanged == 1);
  CHECK(stats.removed == 4);  // a/2023/index.html, b/index.html, b/2023/index.html, c
  CHECK(names_in(tmp.path()) == std::vector<std::string>{".public.spare", "public"});
  // The spare is the tree just replaced.
  CHECK(contents(snapshot(tmp / ".public.spare")) == contents(v1));
  CHECK(entry_of(snapshot(out), "a/index.html") == entry_of(before, "a/index.html"));

  // Third, from the spare (which holds v1): back to v1 but for the home page.
  auto v3 = v1;
  v3[0].bytes = "home 3";
  before = snapshot(out);
  publish_checked(out, v3);
  CHECK(entry_of(snapshot(out), "a/index.html") == entry_of(before, "a/index.html"));

  // Fourth and fifth: the same site again; nothing is written, every inode stays.
  before = snapshot(out);
  stats = publish_checked(out, v3);
  CHECK(stats.written == 0);
  stats = publish_checked(out, v3);
  CHECK(stats.written == 0);
  CHECK(snapshot(out) == before);
}

TEST_CASE("a spare tree changed behind the publisher's back is still put right") {
  TempDir tmp;
  const std::string out = tmp / "public";
  std::vector<OutputFile> v1 = {{"index.html", "home 1"}, {"a/index.html", "a"}};
  std::vector<OutputFile> v2 = {{"index.html", "home 2"}, {"a/index.html", "a"}};
  publish_checked(out, v1);
  publish_checked(out, v2);
  // Someone replaces a file of the spare (another inode than public's, which it shared) and
  // leaves a stray file and folder there.
  std::filesystem::remove(tmp / ".public.spare/a/index.html");
  write_file(tmp / ".public.spare/a/index.html", "tampered");
  write_file(tmp / ".public.spare/stray.html", "stray");
  write_file(tmp / ".public.spare/stray/x.html", "stray");
  auto v3 = v2;
  v3[0].bytes = "home 3";
  const auto before = snapshot(out);
  publish_checked(out, v3);
  CHECK(read_file(out + "/a/index.html") == "a");
  CHECK(snapshot(out).at("a/index.html") == before.at("a/index.html"));  // public's, linked
}

TEST_CASE("a publisher dropped before commit keeps the output folder and its spare") {
  TempDir tmp;
  const std::string out = tmp / "public";
  std::vector<OutputFile> v1 = {{"index.html", "home 1"}, {"a/index.html", "a"}};
  publish_checked(out, v1);
  publish_checked(out, v1);
  const auto before = snapshot(out);
  {
    Publisher p(out, spare());
    p.add("index.html", "half-built");
    p.add("z/new.html", "new");
  }
  CHECK(snapshot(out) == before);
  CHECK(names_in(tmp.path()) == std::vector<std::string>{".public.spare", "public"});
  publish_checked(out, v1);
  // A publish without a spare removes it.
  publish(out, v1);
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("a file given twice to a publisher is an error") {
  TempDir tmp;
  Publisher p(tmp / "public", spare());
  p.add("a.html", "1");
  CHECK_THROWS_AS(p.add("a.html", "2"), PublishError);
}
