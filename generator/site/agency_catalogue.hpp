#pragma once
// Which configured agency a report belongs to: its name as written is compared with every canonical
// name and alias of site.yaml after normalisation (site/agency_name.hpp).
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "site/config.hpp"

namespace gongkai::site {

class AgencyCatalogue {
 public:
  /// Indexes config.agencies; two agencies claiming the same normalised name is a C006 error.
  AgencyCatalogue(const Config& config, core::DiagnosticSink& sink);
  /// Index into config.agencies of the agency with this name or alias.
  std::optional<size_t> find(std::string_view name) const;

 private:
  std::map<std::string, size_t, std::less<>> by_name_;
};

}  // namespace gongkai::site
