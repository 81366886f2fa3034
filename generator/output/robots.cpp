#include "output/robots.hpp"

#include "output/absolute_url.hpp"

namespace gongkai::output {

std::string robots_txt(const site::Config& config) {
  std::string out = "User-agent: *\nAllow: /\n";
  // Crawlers read robots.txt only at the host's root; a site published under a sub-path still
  // gets one, for the host's owner to merge, and the Sitemap line is absolute either way.
  if (!config.base_url.empty()) out += "Sitemap: " + absolute_url(config, "sitemap.xml") + "\n";
  return out;
}

FileGenerator robots_generator() {
  return {"robots", [](const ContextEnv& env, std::vector<OutputFile>& files) {
            files.push_back({"robots.txt", robots_txt(env.site.config)});
          }};
}

}  // namespace gongkai::output
