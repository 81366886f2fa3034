#pragma once
// The data page (/data/): every downloadable file of the site, every column of the CSV, and the
// licence note of site.yaml.
#include "output/context.hpp"

namespace gongkai::output {

/// {files: [{title, href, path, text}], agency_files: [...], years: [{year, href}],
///  meta_columns: [{name, text}], cell_tables: [{title, columns: [{name, text, formats}]}],
///  licence: {text, url} | none, feeds: bool, base_url}
Value data_context(const ContextEnv& env);

}  // namespace gongkai::output
