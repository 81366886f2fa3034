#pragma once
// `gongkai serve`: builds the site for its local address into a folder of its own, serves it,
// rebuilds when a source changes. The pieces the command line and the tests need.
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "core/file_system.hpp"
#include "serve/dev_server.hpp"

namespace gongkai::commands {

/// Where `gongkai serve` writes by default, below the site's root: never the deployable output
/// folder, whose absolute URLs must stay the real base_url.
inline constexpr const char* kServeDir = ".gongkai-serve";

struct ServeSiteOptions {
  std::string config = "site.yaml";
  std::string bind = "127.0.0.1";
  int port = 1313;
  /// False (the port is the default): when it is taken, the next free one of the 10 after it is
  /// used, and said. True: a taken port is an error.
  bool port_given = false;
  std::string out;       ///< empty: <site root>/.gongkai-serve
  std::string base_url;  ///< empty: local_base_url(bind, port)
  unsigned jobs = 0;     ///< 0: every core
  bool live_reload = true;
};

/// What a build reads, from the configuration: the site root, the paths a rebuild depends on
/// (site.yaml, the content folder, the theme, the site's templates and static folders), the
/// default serve folder. A configuration that cannot be read or parsed gives the defaults, so
/// that the folders are watched while the user fixes it.
struct SiteSources {
  std::string root;
  std::vector<std::string> watch;
};
SiteSources site_sources(const core::FileSystem& fs, const std::string& config_file);

/// "http://127.0.0.1:1313/"; a wildcard bind (0.0.0.0, ::) gives the loopback address, an IPv6
/// address is bracketed.
std::string local_base_url(const std::string& bind, int port);

/// True when `path` is `folder` or below it (lexically, after making both absolute and
/// normalised; symlinks resolved as far as they exist).
bool is_within(const std::string& path, const std::string& folder);

/// How many ports after the default one are tried when it is taken.
inline constexpr int kPortTries = 10;

/// A started server on options.port; when that is taken and was not given (port_given false),
/// on the first free one of the kPortTries after it, which `log` is told. Throws
/// serve::ListenError when none can be bound.
std::unique_ptr<serve::DevServer> listen_first_free(const ServeSiteOptions& options,
                                                    serve::ServeOptions serve_options,
                                                    std::function<serve::RebuildResult()> rebuild,
                                                    std::ostream& log);

/// Runs `gongkai serve` until SIGINT or SIGTERM. Call it from the main thread before any other
/// thread starts. Returns the exit status: 0 after a signal, 1 when it cannot listen or watch, 2
/// for a usage error (no configuration file, an output folder inside a watched folder).
int serve_site(const ServeSiteOptions& options);

}  // namespace gongkai::commands
