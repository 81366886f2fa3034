#pragma once
// JSON in and out: Value::from_json (nlohmann, objects keep their order) and Python's json.dumps
// as Jinja2's `tojson` calls it (sorted keys, ASCII output, Python's float repr).
#include <string>

#include "template/value.hpp"

namespace gongkai::tmpl {

/// json.dumps(value, sort_keys=sort_keys, indent=indent); indent < 0 means none.
/// Throws RuntimeError for values JSON cannot hold ("Object of type X is not JSON serializable").
std::string dump_json(const Value& value, int indent, bool sort_keys);

}  // namespace gongkai::tmpl
