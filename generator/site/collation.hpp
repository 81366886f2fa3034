#pragma once
// Pinyin order for Chinese names (ICU collation "zh@collation=pinyin").
#include <memory>
#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Collator;
U_NAMESPACE_END

namespace gongkai::site {

/// Not thread-safe (holds an ICU collator): one per thread.
class PinyinCollation {
 public:
  PinyinCollation();
  ~PinyinCollation();
  PinyinCollation(const PinyinCollation&) = delete;
  PinyinCollation& operator=(const PinyinCollation&) = delete;

  /// Bytes that compare (bytewise, std::string <) in pinyin order of the texts.
  std::string sort_key(std::string_view text) const;
  /// <0, 0, >0 as a sorts before, with or after b.
  int compare(std::string_view a, std::string_view b) const;

 private:
  std::unique_ptr<icu::Collator> collator_;
};

}  // namespace gongkai::site
