#pragma once
// A fingerprint of a template context: two contexts with the same fingerprint render the same page
// (with the same templates), so a rebuild can keep a page whose fingerprint did not change.
#include <cstdint>
#include <optional>

#include "output/value_builder.hpp"

namespace gongkai::output {

/// xxHash 64 of everything a template can see in `value`: kinds, numbers, strings with their
/// safe mark, list flavours, dict entries in order. nullopt when the value holds a C++ object
/// (callables, lazy values) whose output cannot be known without rendering.
std::optional<uint64_t> hash_value(const Value& value);

}  // namespace gongkai::output
