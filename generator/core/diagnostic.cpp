#include "core/diagnostic.hpp"

namespace gongkai::core {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "error";
}

bool parse_severity(std::string_view word, Severity& out) {
  for (Severity s : {Severity::Error, Severity::Warning, Severity::Info}) {
    if (word == to_string(s)) {
      out = s;
      return true;
    }
  }
  return false;
}

std::string format(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line) {
    out += ':' + std::to_string(d.line);
    if (d.column) out += ':' + std::to_string(d.column);
  }
  out += ": ";
  out += to_string(d.severity);
  if (!d.code.empty()) out += ": " + d.code;
  out += ": " + d.message;
  return out;
}

void DiagnosticSink::add(Diagnostic d) {
  ++counts_[static_cast<int>(d.severity)];
  if (items_.size() >= cap_) {
    ++dropped_;
    return;
  }
  items_.push_back(std::move(d));
}

}  // namespace gongkai::core
