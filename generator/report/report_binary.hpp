#pragma once
// A compact, versioned binary form of a Report, for the parse cache: every field round-trips.
//
// Layout: "GKRB", the format version (varint), the catalogue fingerprint (8 bytes, little endian:
// hash64 of every cell id in catalogue order, so a changed schema never reads old cell indexes),
// the body, then 8 bytes little endian: hash64 of everything before them. Integers in the body are
// LEB128 varints (signed ones zigzag-encoded), strings a varint length then the bytes, enums one
// byte; only cells that differ from a default Cell are stored, as (index gap, flags, line, value).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "report/report.hpp"

namespace gongkai::report {

/// Bumped whenever the layout or the meaning of a field changes.
inline constexpr uint32_t kReportBinaryVersion = 2;  // 2: Shape::HtmlText, shape/format known

/// The binary form of `report`.
std::string encode(const Report& report);
/// The Report encoded in `bytes`; nullopt when they are truncated, corrupt, of another version or
/// of another cell catalogue. Never reads out of bounds, whatever the input.
std::optional<Report> decode(std::string_view bytes);

}  // namespace gongkai::report
