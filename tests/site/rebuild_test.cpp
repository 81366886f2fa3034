// Rebuilding a site with the gongkai binary: the same inputs give the same tree, a change rewrites
// exactly the files that depend on it, and a failed or killed build leaves the output as it was.
// Each test makes a small site in a temporary folder: site.yaml, content/pages and the default
// theme of this repository, and four of its five sample reports (the fifth is added by a test).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <set>

#include "../output/tree_util.hpp"

namespace fs = std::filesystem;
using gongkai::testing::contents;
using gongkai::testing::names_in;
using gongkai::testing::read_file;
using gongkai::testing::Snapshot;
using gongkai::testing::snapshot;
using gongkai::testing::TempDir;
using gongkai::testing::write_file;

namespace {

const std::string kSource = GONGKAI_SOURCE_DIR;
/// The report the tests add: 淄博市医疗保障局沂源分局 (listed in site.yaml, slug zibo-yiyuan,
/// region 山东省 淄博市 沂源县), year 2023 (a year the other reports already have).
const std::string kAdded = "zibo-yiyuan-2023.txt";

struct Run {
  int status = -1;  ///< raw wait status
  std::string out, err;
  bool exited(int code) const { return WIFEXITED(status) && WEXITSTATUS(status) == code; }
};

/// Runs `gongkai build <args>` in `dir` (fork and exec, no shell), with `env` added.
Run run_build(const std::string& dir, std::vector<std::string> args,
              const std::vector<std::string>& env = {}) {
  const std::string out_file = dir + "/.stdout", err_file = dir + "/.stderr";
  args.insert(args.begin(), {GONGKAI_BINARY, "build"});
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(127);
    int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, 1);
    dup2(err, 2);
    for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  Run r;
  waitpid(pid, &r.status, 0);
  r.out = read_file(out_file);
  r.err = read_file(err_file);
  fs::remove(out_file);
  fs::remove(err_file);
  return r;
}

/// A site in a temporary folder with four sample reports (not kAdded).
struct Site {
  TempDir tmp;
  std::string root = tmp.path();
  Site() {
    fs::copy_file(kSource + "/site.yaml", root + "/site.yaml");
    fs::create_directories(root + "/content/reports");
    fs::copy(kSource + "/content/pages", root + "/content/pages", fs::copy_options::recursive);
    fs::create_directories(root + "/themes");
    fs::copy(kSource + "/themes/default", root + "/themes/default", fs::copy_options::recursive);
    for (const auto& e : fs::directory_iterator(kSource + "/content/reports")) {
      if (e.path().filename() == kAdded) continue;
      fs::copy_file(e.path(), root + "/content/reports/" + e.path().filename().string());
    }
  }
  std::string pub() const { return root + "/public"; }
  /// Builds; pages the build keeps from the last one are also rendered and compared with the
  /// kept file (GONGKAI_TEST_VERIFY_KEPT), so a fingerprint that misses an input fails the build.
  Run build(std::vector<std::string> env = {}) const {
    env.push_back("GONGKAI_TEST_VERIFY_KEPT=1");
    return run_build(root, {"--jobs", "2"}, env);
  }
  void add_report() const {
    fs::copy_file(kSource + "/content/reports/" + kAdded, root + "/content/reports/" + kAdded);
  }
  /// Replaces the first `from` in a file of the site by `to`.
  void edit(const std::string& rel, const std::string& from, const std::string& to) const {
    std::string text = read_file(root + "/" + rel);
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    write_file(root + "/" + rel, text);
  }
};

/// Paths whose entry differs between two snapshots (new, gone, other bytes, or rewritten: another
/// inode or modification time).
std::set<std::string> touched(const Snapshot& before, const Snapshot& after) {
  std::set<std::string> out;
  for (const auto& [path, e] : after) {
    auto it = before.find(path);
    if (e.kind != 'd' && (it == before.end() || !(it->second == e))) out.insert(path);
  }
  for (const auto& [path, e] : before) {
    if (e.kind != 'd' && !after.count(path)) out.insert(path);
  }
  return out;
}

std::string show(const std::set<std::string>& paths) {
  std::string s;
  for (const auto& p : paths) s += "  " + p + "\n";
  return s;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

TEST_CASE("two builds of the same inputs give identical trees, wherever the site is") {
  Site a, b;  // two folders: no absolute path of the build machine may show in the output
  REQUIRE(a.build().exited(0));
  REQUIRE(run_build(b.root, {"--jobs", "1", "--no-cache"}).exited(0));
  const auto ta = contents(snapshot(a.pub())), tb = contents(snapshot(b.pub()));
  CHECK(ta.size() > 30);
  CHECK(ta == tb);
  for (const auto& [path, bytes] : ta) {
    INFO(path);
    CHECK(bytes.find(a.root) == std::string::npos);
  }
  // Building again changes nothing at all: every file keeps its inode and time, and no page is
  // even rendered.
  const Snapshot first = snapshot(a.pub());
  Run again = run_build(a.root, {"--jobs", "2"});
  REQUIRE(again.exited(0));
  CHECK(touched(first, snapshot(a.pub())).empty());
  INFO(again.out);
  CHECK(again.out.find(" pages (0 rendered, ") != std::string::npos);
  const std::string files = std::to_string(ta.size());
  CHECK(again.out.find(" " + files + " files (0 written, " + files + " unchanged, 0 removed)") !=
        std::string::npos);
}

TEST_CASE("adding a report rewrites exactly the files that depend on it") {
  Site site;
  REQUIRE(site.build().exited(0));
  const Snapshot before = snapshot(site.pub());
  site.add_report();
  Run r = site.build();
  REQUIRE(r.exited(0));
  const Snapshot after = snapshot(site.pub());

  // What depends on one more report of an agency that had none, in a year that had others:
  const std::string agency = "agencies/zibo-yiyuan/";
  const std::set<std::string> must = {
      agency + "2023/index.html",  // the report's own pages and its file as received
      agency + "2023/source.html",
      agency + "2023/original.txt",
      agency + "index.html",              // the agency lists its reports
      "agencies/index.html",              // the agencies index shows who has reports
      "years/2023/index.html",            // the year's table and charts
      "years/2023/data.csv",              // and its data
      "compare/applications/index.html",  // comparison of every agency and year
      "compare/regions/index.html",       // totals of 山东省 淄博市, where 沂源 is
      "index.html",                       // home: counts and latest reports
      "audit/index.html",                 // the audit overview counts the reports audited
      agency + "2023/report.json",        // its data, alone
      agency + "feed.xml",                // the agency's feed (site.yaml has a base_url)
      "data/reports.json",                // and in the whole dataset
      "data/reports.csv",
      "feed.xml",     // the site's feed of the newest reports
      "sitemap.xml",  // lists its pages
      "search.json",  // finds it
  };
  // Site-wide exports may depend on every report: feeds, sitemap, search index, data/.
  auto site_wide = [&](const std::string& p) {
    return starts_with(p, "data/") || (p.find('/') == std::string::npos && p != "404.html" &&
                                       p.size() > 5 && p.substr(p.size() - 5) != ".html");
  };
  auto may = [&](const std::string& p) {
    return must.count(p) || site_wide(p) || starts_with(p, agency) ||
           (starts_with(p, "years/2023/") && p.find('/', 11) == std::string::npos);
  };
  const auto changed = touched(before, after);
  INFO("changed:\n" << show(changed));
  for (const auto& p : must) {
    INFO(p);
    CHECK(changed.count(p) == 1);
  }
  for (const auto& p : changed) {
    INFO(p << " changed but does not depend on the new report");
    CHECK(may(p));
    CHECK(after.count(p) == 1);  // nothing was removed
  }
  // A file is only ever rewritten when its bytes changed.
  for (const auto& p : changed) {
    auto it = before.find(p);
    if (it != before.end()) {
      INFO(p << " was rewritten with the same bytes");
      CHECK(it->second.bytes != after.at(p).bytes);
    }
  }
  CHECK(r.out.find("(1 new, 0 changed, 0 removed)") != std::string::npos);

  SECTION("removing it again gives back the tree of the four reports") {
    fs::remove(site.root + "/content/reports/" + kAdded);
    Run again = site.build();
    REQUIRE(again.exited(0));
    const Snapshot removed = snapshot(site.pub());
    CHECK(contents(removed) == contents(before));
    CHECK_FALSE(fs::exists(site.pub() + "/" + agency + "2023"));
    CHECK(again.out.find("(0 new, 0 changed, 1 removed)") != std::string::npos);
    // Files that did not depend on the report kept their inode through both builds.
    for (const auto& [p, e] : removed) {
      if (e.kind == 'f' && !may(p)) {
        INFO(p);
        CHECK(e == before.at(p));
      }
    }
  }
}

TEST_CASE("a changed report rewrites its pages, not the pages of other reports") {
  Site site;
  REQUIRE(site.build().exited(0));
  const Snapshot before = snapshot(site.pub());
  // One more blank line after the first line of the 新华区 report: its lines move.
  site.edit("content/reports/xinhua-2024.txt", "\n", "\n\n");
  Run r = site.build();
  REQUIRE(r.exited(0));
  CHECK(r.out.find("(0 new, 1 changed, 0 removed)") != std::string::npos);
  const auto changed = touched(before, snapshot(site.pub()));
  INFO("changed:\n" << show(changed));
  // Its source view numbers every line, and its file as received is another file now.
  const std::string agency = "agencies/xinhuaqu-yiliaobaozhangju/";
  CHECK(changed.count(agency + "2024/source.html") == 1);
  CHECK(changed.count(agency + "2024/original.txt") == 1);
  // No page of another agency or another year shows anything of this report.
  for (const auto& p : changed) {
    INFO(p);
    CHECK_FALSE(
        (starts_with(p, "agencies/") && !starts_with(p, agency) && p != "agencies/index.html"));
    CHECK_FALSE((starts_with(p, "years/") && !starts_with(p, "years/2024/")));
    CHECK_FALSE(starts_with(p, "css/"));
    CHECK_FALSE(starts_with(p, "js/"));
    CHECK(p != "404.html");
    CHECK(p != "about/index.html");
  }
}

TEST_CASE("editing one template rewrites the pages made from it") {
  Site site;
  REQUIRE(site.build().exited(0));
  const Snapshot before = snapshot(site.pub());
  site.edit("themes/default/templates/year.html", "{% endblock %}",
            "<!-- edited -->{% endblock %}");
  REQUIRE(site.build().exited(0));
  const Snapshot after = snapshot(site.pub());
  // year.html makes the page of each year (years/<year>/index.html) and nothing else.
  std::set<std::string> expected;
  for (const auto& [p, e] : after) {
    if (starts_with(p, "years/") && p.size() > 11 && p.substr(p.size() - 11) == "/index.html")
      expected.insert(p);
  }
  CHECK(expected.size() == 3);  // 2023, 2024, 2025
  CHECK(touched(before, after) == expected);
  for (const auto& p : expected)
    CHECK(after.at(p).bytes.find("<!-- edited -->") != std::string::npos);

  SECTION("and editing the site's strings rewrites the pages that show them") {
    site.edit("themes/default/i18n/zh-CN.yaml", "  trust: ", "  trust: 已改。");
    REQUIRE(site.build().exited(0));
    const Snapshot later = snapshot(site.pub());
    // Every page has the footer: every HTML page changes, no other file.
    for (const auto& [p, e] : later) {
      if (e.kind != 'f') continue;
      const bool html = p.size() > 5 && p.substr(p.size() - 5) == ".html";
      INFO(p);
      CHECK((e == after.at(p)) == !html);
    }
  }
}

TEST_CASE("a build that fails leaves the output folder exactly as it was") {
  Site site;
  REQUIRE(site.build().exited(0));
  site.add_report();  // a build that would change files, were it to succeed
  const Snapshot before = snapshot(site.pub());

  SECTION("a broken template") {
    site.edit("themes/default/templates/year.html", "{% endblock %}",
              "{{ page.nope.deeper }}{% endblock %}");
  }
  SECTION("a bad configuration") {
    std::string yaml = read_file(site.root + "/site.yaml");
    write_file(site.root + "/site.yaml", yaml + "\nbogus_key: 1\n");
  }
  Run r = site.build();
  CHECK(r.exited(1));
  CHECK(r.err.find("error") != std::string::npos);
  CHECK(snapshot(site.pub()) == before);
  // Nothing half-built beside it (at most the spare tree that the next build recycles).
  auto names = names_in(site.root);
  names.erase(std::remove(names.begin(), names.end(), ".public.spare"), names.end());
  CHECK(names ==
        std::vector<std::string>{".gongkai-cache", "content", "public", "site.yaml", "themes"});
}

TEST_CASE("a build killed midway leaves the output folder whole") {
  Site site;
  REQUIRE(site.build().exited(0));
  site.add_report();
  site.edit("themes/default/templates/year.html", "{% endblock %}",
            "<!-- edited -->{% endblock %}");
  const Snapshot before = snapshot(site.pub());
  Site fresh;  // what the finished build gives
  fresh.add_report();
  fresh.edit("themes/default/templates/year.html", "{% endblock %}",
             "<!-- edited -->{% endblock %}");
  REQUIRE(fresh.build().exited(0));
  const auto wanted = contents(snapshot(fresh.pub()));

  SECTION("while files are being staged: the old site stays") {
    Run r = site.build({"GONGKAI_TEST_KILL_AT=staged:3"});
    REQUIRE(WIFSIGNALED(r.status));
    CHECK(WTERMSIG(r.status) == SIGKILL);
    CHECK(snapshot(site.pub()) == before);
  }
  SECTION("right after the new site was swapped in: the new site is there") {
    Run r = site.build({"GONGKAI_TEST_KILL_AT=swapped"});
    REQUIRE(WIFSIGNALED(r.status));
    CHECK(contents(snapshot(site.pub())) == wanted);
  }
  // The next build finishes the job and clears what the killed one left beside.
  REQUIRE(site.build().exited(0));
  CHECK(contents(snapshot(site.pub())) == wanted);
  // Beside the output folder only the spare tree that the next build recycles.
  CHECK(names_in(site.root) == std::vector<std::string>{".gongkai-cache", ".public.spare",
                                                        "content", "public", "site.yaml",
                                                        "themes"});
}

TEST_CASE(
    "a lost or damaged manifest or a file changed in the output costs rendering, never a "
    "stale page") {
  Site site;
  REQUIRE(site.build().exited(0));
  const Snapshot before = snapshot(site.pub());
  const std::string manifest = site.root + "/.gongkai-cache/build-manifest";
  REQUIRE(fs::exists(manifest));

  SECTION("a damaged manifest: every page is rendered, no file changes") {
    std::string text = read_file(manifest);
    write_file(manifest, text.substr(0, text.size() / 2));  // cut short
    Run r = run_build(site.root, {"--jobs", "2"});
    REQUIRE(r.exited(0));
    INFO(r.out);
    CHECK(r.out.find(" kept)") != std::string::npos);
    CHECK(r.out.find("(0 rendered,") == std::string::npos);
    CHECK(r.out.find(" (4 new, 0 changed, 0 removed)") != std::string::npos);
    CHECK(touched(before, snapshot(site.pub())).empty());
  }
  SECTION("a page replaced in the output folder by hand is rendered again") {
    const std::string page = site.pub() + "/agencies/zibo-gaoxin/2023/index.html";
    fs::remove(page);
    write_file(page, "edited by hand");
    Run r = site.build();
    REQUIRE(r.exited(0));
    CHECK(contents(snapshot(site.pub())) == contents(before));
  }
  SECTION("a page removed from the output folder is made again") {
    fs::remove(site.pub() + "/agencies/zibo-gaoxin/2023/source.html");
    REQUIRE(site.build().exited(0));
    CHECK(contents(snapshot(site.pub())) == contents(before));
  }
  SECTION("a report.json or reports.json edited or removed by hand is made again") {
    // Both are kept like pages when their inputs did not change; the file is then not the one
    // the last build wrote, so it is made again (and reports.json reads the others' heads).
    const std::string json = site.pub() + "/agencies/zibo-gaoxin/2023/report.json";
    fs::remove(json);
    write_file(json, "{\"edited\":true}");
    fs::remove(site.pub() + "/data/reports.json");
    REQUIRE(site.build().exited(0));
    CHECK(contents(snapshot(site.pub())) == contents(before));
    // Nothing changed since: every report.json and reports.json kept with its inode (a build
    // without the check, which would make them all and compare instead of keeping).
    const Snapshot again = snapshot(site.pub());
    REQUIRE(run_build(site.root, {"--jobs", "2"}).exited(0));
    CHECK(touched(again, snapshot(site.pub())).empty());
    // One report added: the others' report.json are kept, reports.json is made from their heads.
    site.add_report();
    REQUIRE(run_build(site.root, {"--jobs", "2"}).exited(0));
    const Snapshot added = snapshot(site.pub());
    Site fresh;
    fresh.add_report();
    REQUIRE(run_build(fresh.root, {"--jobs", "1", "--no-cache"}).exited(0));
    CHECK(contents(added) == contents(snapshot(fresh.pub())));
  }
}
