#include "report/audit/audit.hpp"

#include "report/audit/rule.hpp"

namespace gongkai::report::audit {

namespace {

constexpr detail::RuleFn kRules[] = {
    detail::check_identities,        detail::check_missing_cells,
    detail::check_sections,          detail::check_years,
    detail::check_signature,         detail::check_table_format,
    detail::check_application_prose,
};

}  // namespace

std::vector<Finding> audit_report(const Report& r, const Options& o) {
  std::vector<Finding> out;
  detail::Context ctx{r, o, out};
  for (auto rule : kRules) rule(ctx);
  return out;
}

core::Diagnostic to_diagnostic(const Finding& f, const std::string& file) {
  return {f.severity, f.code, f.message, f.message_zh, file, f.line, 0};
}

bool restated_by_audit(std::string_view reader_code) {
  return reader_code == "P011" || reader_code == "P016";
}

}  // namespace gongkai::report::audit
