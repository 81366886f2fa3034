#pragma once
// Diagnostics: something worth telling about an input, located at file:line:col.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::core {

enum class Severity : uint8_t {
  Error,    ///< "error": the input is wrong (an identity fails, a template does not parse)
  Warning,  ///< "warning": likely wrong or incomplete (a cell could not be read)
  Info,     ///< "info": worth knowing (no signature date, an old table format)
};

std::string_view to_string(Severity s);
/// "error" | "warning" | "info" → Severity; false when the word is none of them.
bool parse_severity(std::string_view word, Severity& out);

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;        ///< stable: P0xx parse, A0xx audit, T0xx template, C0xx config
  std::string message;     ///< English
  std::string message_zh;  ///< Chinese, when the audience is the public (may be empty)
  std::string file;
  uint32_t line = 0;  ///< 1-based; 0 = the whole file
  uint32_t column = 0;
};

/// `file:line:col: severity: code: message` (line and column left out when unknown).
std::string format(const Diagnostic& d);

/// Collects diagnostics; remembers how many of each severity, keeps at most `cap` of them.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(size_t cap = SIZE_MAX) : cap_(cap) {}
  void add(Diagnostic d);
  const std::vector<Diagnostic>& items() const { return items_; }
  size_t count(Severity s) const { return counts_[static_cast<int>(s)]; }
  size_t dropped() const { return dropped_; }

 private:
  size_t cap_;
  size_t counts_[3] = {0, 0, 0};
  size_t dropped_ = 0;
  std::vector<Diagnostic> items_;
};

}  // namespace gongkai::core
