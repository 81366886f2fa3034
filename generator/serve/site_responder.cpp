#include "serve/site_responder.hpp"

#include "serve/live_reload.hpp"
#include "serve/request_path.hpp"
#include "serve/static_files.hpp"

namespace gongkai::serve {

namespace {

constexpr std::string_view kText = "text/plain; charset=utf-8";

Reply page(int status, std::string content_type, std::string body, const LiveState& live) {
  if (is_html_type(content_type)) {
    std::string addition;
    if (!live.error.empty()) addition += error_banner(live.error);
    if (live.live_reload) addition += reload_script(live.generation);
    if (!addition.empty()) body = inject_before_body_end(body, addition);
  }
  return {status, std::move(content_type), std::move(body), {}};
}

Reply not_found(const std::string& root, const LiveState& live) {
  StaticFile custom = read_static(root, {"404.html"});
  if (custom.kind == StaticFile::Kind::File) {
    return page(404, content_type_for("404.html"), std::move(custom.bytes), live);
  }
  // No site yet (the first build failed) or no 404 page: a plain page, with the banner if any.
  return page(404, "text/html; charset=utf-8",
              "<!doctype html><html><head><meta charset=\"utf-8\"><title>404 Not Found</title>"
              "</head><body><h1>404 Not Found</h1></body></html>\n",
              live);
}

}  // namespace

Reply respond(const std::string& root, std::string_view target, const LiveState& live) {
  RequestPath path = parse_request_path(target);
  if (!path.ok) return {400, std::string(kText), "400 Bad Request\n", {}};
  StaticFile found = read_static(root, path.parts);
  if (found.kind == StaticFile::Kind::Folder) {
    if (!path.trailing_slash) {
      std::string location = encode_url_path(path.parts, true);
      size_t query = target.find('?');
      if (query != std::string_view::npos) location += target.substr(query);
      return {301, std::string(kText), "Moved to " + location + "\n", location};
    }
    auto index_parts = path.parts;
    index_parts.push_back("index.html");
    found = read_static(root, index_parts);
    if (found.kind != StaticFile::Kind::File) return not_found(root, live);
    return page(200, content_type_for("index.html"), std::move(found.bytes), live);
  }
  if (found.kind != StaticFile::Kind::File || path.trailing_slash) return not_found(root, live);
  return page(200, content_type_for(path.parts.back()), std::move(found.bytes), live);
}

}  // namespace gongkai::serve
