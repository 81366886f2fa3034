#include "output/sitemap.hpp"

#include <algorithm>

#include "output/absolute_url.hpp"
#include "output/xml_escape.hpp"

namespace gongkai::output {
namespace {

constexpr std::string_view kHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr std::string_view kNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

std::string urlset(const std::vector<std::string>& urls, size_t begin, size_t end) {
  std::string out(kHeader);
  out.reserve(out.size() + (end - begin) * 80 + 128);
  out += "<urlset xmlns=\"";
  out += kNamespace;
  out += "\">\n";
  for (size_t i = begin; i < end; ++i) {
    out += "  <url><loc>";
    append_xml_escaped(out, urls[i]);
    out += "</loc></url>\n";
  }
  out += "</urlset>\n";
  return out;
}

}  // namespace

std::vector<std::string> sitemap_urls(const site::Config& config,
                                      const std::vector<PageSpec>& pages) {
  std::vector<std::string> urls;
  urls.reserve(pages.size());
  constexpr std::string_view index = "index.html";
  for (const auto& p : pages) {
    std::string_view path = p.path;
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    if (path == "404.html") continue;  // served for missing pages, not a page of its own
    if (path.size() >= index.size() && path.substr(path.size() - index.size()) == index &&
        (path.size() == index.size() || path[path.size() - index.size() - 1] == '/')) {
      path.remove_suffix(index.size());
    }
    urls.push_back(absolute_url(config, path));
  }
  return urls;
}

std::vector<OutputFile> sitemap_files(const std::string& base_url,
                                      const std::vector<std::string>& urls, size_t limit) {
  limit = std::max<size_t>(limit, 1);
  if (urls.size() <= limit) return {{"sitemap.xml", urlset(urls, 0, urls.size())}};
  std::vector<OutputFile> files;
  std::string index(kHeader);
  index += "<sitemapindex xmlns=\"";
  index += kNamespace;
  index += "\">\n";
  for (size_t begin = 0, n = 1; begin < urls.size(); begin += limit, ++n) {
    const std::string name = "sitemap-" + std::to_string(n) + ".xml";
    files.push_back({name, urlset(urls, begin, std::min(urls.size(), begin + limit))});
    index += "  <sitemap><loc>";
    append_xml_escaped(index, base_url + name);
    index += "</loc></sitemap>\n";
  }
  index += "</sitemapindex>\n";
  files.insert(files.begin(), {"sitemap.xml", std::move(index)});
  return files;
}

FileGenerator sitemap_generator() {
  return {"sitemap", [](const ContextEnv& env, std::vector<OutputFile>& files) {
            const auto& config = env.site.config;
            if (config.base_url.empty()) return;
            for (auto& f : sitemap_files(config.base_url, sitemap_urls(config, list_pages(env))))
              files.push_back(std::move(f));
          }};
}

}  // namespace gongkai::output
