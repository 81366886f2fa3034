#pragma once
// URL slugs: readable ASCII from Chinese names (ICU "Han-Latin; Latin-ASCII"), unique per site.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace gongkai::site {

/// Turns names into slugs. Holds an ICU transliterator: one per thread (not thread-safe).
class Slugger {
 public:
  Slugger();
  ~Slugger();
  Slugger(const Slugger&) = delete;
  Slugger& operator=(const Slugger&) = delete;

  /// "淄博市医疗保障局沂源分局" → "ziboshi-yiliaobaozhangju-yiyuanfenju". Heuristic: the name is
  /// cut after administrative suffixes (省 市 县 区 局 …, not inside words like 市场), each part
  /// written as toneless pinyin without spaces, parts joined with '-'. ASCII letters and digits are
  /// kept (lowercased); anything else separates parts. Empty when nothing is left.
  std::string slugify(std::string_view name) const;
  /// Toneless pinyin of a text, syllables separated by spaces ("东昌府" → "dong chang fu").
  std::string pinyin(std::string_view text) const;

 private:
  std::unique_ptr<icu::Transliterator> transliterator_;
  mutable std::unordered_map<char32_t, std::string> syllables_;  // character → its letters
};

/// What one agency asks for: its comparable name, and the slug site.yaml fixes (may be empty).
struct SlugRequest {
  std::string key;    ///< normalised name: decides suffixes, so the result does not depend on order
  std::string fixed;  ///< from site.yaml: used as is
  std::string proposed;  ///< from Slugger::slugify
};

/// One unique slug per request, in request order. Fixed slugs win; among requests proposing the
/// same slug, the bytewise-smallest key keeps it and the others get "-" + 6 hex digits of the key's
/// hash, so a slug changes only when its own name does (or a new name clashes and sorts first). An
/// empty proposal becomes "agency-<hash>".
std::vector<std::string> assign_slugs(const std::vector<SlugRequest>& requests);

}  // namespace gongkai::site
