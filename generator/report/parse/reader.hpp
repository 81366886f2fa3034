#pragma once
// The report reader: raw file bytes in, a Report out.
#include <string>
#include <string_view>

#include "report/report.hpp"

namespace gongkai::report::parse {

/// Reads one report from raw file bytes (any encoding the reader knows). Never throws, never
/// crashes; what it cannot read becomes diagnostics in the Report. Thread-safe.
Report read_report(std::string path, std::string_view bytes);

}  // namespace gongkai::report::parse
