#pragma once
// Content hashes for caches and change detection (xxHash 64, from libxxhash).
#include <cstdint>
#include <string>
#include <string_view>

namespace gongkai::core {

uint64_t hash64(std::string_view data, uint64_t seed = 0);
/// 16 lowercase hex digits.
std::string hex64(uint64_t value);

}  // namespace gongkai::core
