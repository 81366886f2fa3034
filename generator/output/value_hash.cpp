#include "output/value_hash.hpp"

#include <cstring>
#include <string>

#include "core/hash.hpp"

namespace gongkai::output {

namespace {

/// Appends a self-delimiting encoding of the value: a kind byte, then fixed-size numbers or a
/// length before variable parts, so that different values never encode alike.
bool encode(const Value& v, std::string& out) {
  auto put_u64 = [&](uint64_t x) {
    char b[8];
    std::memcpy(b, &x, 8);
    out.append(b, 8);
  };
  switch (v.kind()) {
    case Value::Kind::Undefined:
      out += 'U';
      return true;
    case Value::Kind::None:
      out += 'N';
      return true;
    case Value::Kind::Bool:
      out += v.as_bool() ? 'T' : 'F';
      return true;
    case Value::Kind::Int:
      out += 'I';
      put_u64(static_cast<uint64_t>(v.as_int()));
      return true;
    case Value::Kind::Float: {
      out += 'D';
      double d = v.as_float();
      uint64_t bits;
      std::memcpy(&bits, &d, 8);
      put_u64(bits);
      return true;
    }
    case Value::Kind::String: {
      auto s = v.as_string();
      out += v.is_safe() ? 'M' : 'S';
      put_u64(s.size());
      out.append(s.data(), s.size());
      return true;
    }
    case Value::Kind::List: {
      const auto& items = v.as_list();
      out += 'L';
      out += static_cast<char>(v.flavor());
      put_u64(items.size());
      for (const auto& item : items) {
        if (!encode(item, out)) return false;
      }
      return true;
    }
    case Value::Kind::Dict: {
      const auto& dict = v.as_dict();
      out += 'O';
      put_u64(dict.size());
      for (const auto& [key, item] : dict) {
        if (!encode(key, out) || !encode(item, out)) return false;
      }
      return true;
    }
    case Value::Kind::Object:
      return false;
  }
  return false;
}

}  // namespace

std::optional<uint64_t> hash_value(const Value& value) {
  // One buffer per thread, reused: a report page's context encodes to a few hundred KB.
  thread_local std::string buffer;
  buffer.clear();
  if (!encode(value, buffer)) return std::nullopt;
  uint64_t h = core::hash64(buffer);
  if (buffer.capacity() > (8u << 20)) std::string().swap(buffer);
  return h;
}

}  // namespace gongkai::output
