#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"

using namespace gongkai::core;

TEST_CASE("diagnostics print as file:line: severity: code: message") {
  Diagnostic d{Severity::Warning, "P010", "cell not read", "", "r.txt", 12, 0};
  CHECK(format(d) == "r.txt:12: warning: P010: cell not read");
  d.line = 0;
  CHECK(format(d) == "r.txt: warning: P010: cell not read");
}

TEST_CASE("DiagnosticSink counts every diagnostic but keeps at most its cap") {
  DiagnosticSink sink(2);
  for (int i = 0; i < 3; ++i) sink.add({Severity::Error, "X", "m", "", "f", 1, 0});
  sink.add({Severity::Info, "Y", "m", "", "f", 1, 0});
  CHECK(sink.items().size() == 2);
  CHECK(sink.count(Severity::Error) == 3);
  CHECK(sink.count(Severity::Info) == 1);
  CHECK(sink.dropped() == 2);
  Severity s;
  CHECK(parse_severity("warning", s));
  CHECK(s == Severity::Warning);
  CHECK_FALSE(parse_severity("fatal", s));
}
