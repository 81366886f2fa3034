// A006: one of the six sections not found; A007: the sections printed out of order, or one twice
// (spec "Identities and other checks", 5). The preamble is optional and may only come first.
#include <string>

#include "report/audit/labels.hpp"
#include "report/audit/rule.hpp"

namespace gongkai::report::audit::detail {

namespace {

constexpr SectionKey kRequired[] = {SectionKey::Overview,     SectionKey::Proactive,
                                    SectionKey::Applications, SectionKey::Review,
                                    SectionKey::Problems,     SectionKey::Other};

}  // namespace

void check_sections(Context& ctx) {
  const Report& r = ctx.report;
  for (SectionKey k : kRequired) {
    if (r.section(k)) continue;
    Finding f = make_finding("A006");
    f.instance = "section:" + std::string(to_string(k));
    f.message = "section not found: " + std::string(section_label(k, false));
    f.message_zh = "未找到“" + std::string(section_label(k, true)) + "”部分";
    ctx.out.push_back(std::move(f));
  }
  // The first section printed where it does not belong: after a later one, or a second time.
  int highest = -1;
  bool seen[7] = {};
  for (const auto& s : r.sections) {
    int k = static_cast<int>(s.key);
    bool twice = seen[k];
    if (!twice && k > highest) {
      highest = k;
      seen[k] = true;
      continue;
    }
    Finding f = make_finding("A007");
    f.instance = "section:" + std::string(to_string(s.key));
    std::string name_en(section_label(s.key, false)), name_zh(section_label(s.key, true));
    if (twice) {
      f.message = name_en + " is printed a second time";
      f.message_zh = "“" + name_zh + "”部分重复出现";
    } else {
      auto after = static_cast<SectionKey>(highest);
      f.message = name_en + " is printed after " + std::string(section_label(after, false));
      f.message_zh =
          "“" + name_zh + "”部分位于“" + std::string(section_label(after, true)) + "”之后";
    }
    add_line(f, s.line);
    finish(f);
    ctx.out.push_back(std::move(f));
    return;
  }
}

}  // namespace gongkai::report::audit::detail
