#include "site/collation.hpp"

#include <unicode/coll.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace gongkai::site {
namespace {
icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}
}  // namespace

PinyinCollation::PinyinCollation() {
  UErrorCode status = U_ZERO_ERROR;
  collator_.reset(icu::Collator::createInstance(icu::Locale("zh@collation=pinyin"), status));
  if (U_FAILURE(status) || !collator_) {
    throw std::runtime_error(std::string("ICU pinyin collation unavailable: ") +
                             u_errorName(status));
  }
}

PinyinCollation::~PinyinCollation() = default;

std::string PinyinCollation::sort_key(std::string_view text) const {
  icu::UnicodeString u = to_unicode(text);
  std::string key(64, '\0');
  int32_t n = collator_->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()),
                                    static_cast<int32_t>(key.size()));
  if (n > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<size_t>(n));
    n = collator_->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), n);
  }
  key.resize(n > 0 ? static_cast<size_t>(n - 1) : 0);  // drop the terminating zero byte
  return key;
}

int PinyinCollation::compare(std::string_view a, std::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  return collator_->compare(to_unicode(a), to_unicode(b), status);
}

}  // namespace gongkai::site
