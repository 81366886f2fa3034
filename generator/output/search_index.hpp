#pragma once
// /search.json: what the search box of every page searches, built at build time. Short keys and
// capped excerpts keep it small (docs/data.md gives the format and sizes):
//
//   {"v": 1, "pretty": false, "s": {the script's UI strings},
//    "a": [[name, aliases ("|"-joined), region (" · "-joined), agency folder], …],   agencies
//    "g": [[region (" · "-joined), anchor on the agencies index], …],                 regions
//    "y": [year, …],                                                                     years
//    "r": [[agency index, year label, title or "" when it is the usual one], …],      reports
//    "x": [[report index, section key, excerpt], …]}                                  excerpts
//
// A report's page is "<agency folder><year label>/"; a year's "years/<year>/".
#include <string>

#include "output/context.hpp"
#include "output/page_list.hpp"

namespace gongkai::output {

/// The first `chars` characters of a section's first paragraph, spaces collapsed, "…" when cut.
std::string excerpt(std::string_view text, size_t chars);

/// The index as JSON (one line per entry, for readable diffs).
std::string search_index(const ContextEnv& env);

/// Writes search.json. Reads the reports' prose: it must run before the build lets go of it.
FileGenerator search_index_generator();

}  // namespace gongkai::output
