#include "site/agency_catalogue.hpp"

#include "site/agency_name.hpp"

namespace gongkai::site {

AgencyCatalogue::AgencyCatalogue(const Config& config, core::DiagnosticSink& sink) {
  for (size_t i = 0; i < config.agencies.size(); ++i) {
    const AgencyConfig& a = config.agencies[i];
    auto claim = [&](const std::string& name) {
      auto [it, inserted] = by_name_.emplace(normalize_agency_name(name), i);
      if (inserted || it->second == i) return;
      core::Diagnostic d;
      d.severity = core::Severity::Error;
      d.code = "C006";
      d.file = config.file;
      d.line = a.line;
      d.message = "agency name '" + name + "' is also a name of '" +
                  config.agencies[it->second].name + "' (line " +
                  std::to_string(config.agencies[it->second].line) + ")";
      sink.add(std::move(d));
    };
    claim(a.name);
    for (const auto& alias : a.aliases) claim(alias);
  }
}

std::optional<size_t> AgencyCatalogue::find(std::string_view name) const {
  auto it = by_name_.find(normalize_agency_name(name));
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

}  // namespace gongkai::site
