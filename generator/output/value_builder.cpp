#include "output/value_builder.hpp"

#include <array>

#include "output/number_format.hpp"

namespace gongkai::output {

Value list(std::vector<Value> items) {
  return Value(std::move(items));
}

Value strings(const std::vector<std::string>& items) {
  std::vector<Value> out;
  out.reserve(items.size());
  for (const auto& s : items) out.emplace_back(s);
  return Value(std::move(out));
}

namespace keys {
thread_local const Value state("state"), v("v"), n("n"), line("line"), flags("flags"), href("href"),
    number("number"), severity("severity"), code("code"), title("title"), label("label"),
    level("level"), group("group"), cells("cells"), note("note"), with_value("with_value"),
    reports("reports"), complete("complete");
}  // namespace keys

namespace constants {
thread_local const Value read("read"), missing("missing"), absent("absent"), na("na"), none("none"),
    empty_list(std::vector<Value>{}), yes(true), no(false);
}  // namespace constants

Value count_text(int64_t n) {
  thread_local const std::array<Value, 1000> small = [] {
    std::array<Value, 1000> a;
    for (int i = 0; i < 1000; ++i) a[static_cast<size_t>(i)] = Value(std::to_string(i));
    return a;
  }();
  if (n >= 0 && n < 1000) return small[static_cast<size_t>(n)];
  return Value(format_integer(n));
}

}  // namespace gongkai::output
