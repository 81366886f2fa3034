#include "serve/dev_server.hpp"

#include <httplib.h>
#include <signal.h>

#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <iostream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include "serve/live_reload.hpp"
#include "serve/site_responder.hpp"
#include "serve/watcher.hpp"

namespace gongkai::serve {

struct DevServer::State {
  ServeOptions options;
  std::function<RebuildResult()> rebuild;
  std::vector<std::string> watch_paths;
  httplib::Server server;
  std::unique_ptr<Watcher> watcher;
  std::thread listen_thread;
  int port = 0;

  std::mutex mutex;
  std::condition_variable changed;  ///< generation moved on, or stopping
  uint64_t generation = 0;
  std::string error;
  bool stopping = false;
  std::mutex rebuild_mutex;  ///< one rebuild at a time

  std::ostream& log() const { return options.log ? *options.log : std::cerr; }
  LiveState live() {
    std::lock_guard<std::mutex> hold(mutex);
    return {options.live_reload, generation, error};
  }
  void serve_events(httplib::Response& res);
  void handle(const httplib::Request& req, httplib::Response& res);
};

void DevServer::State::serve_events(httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  // The generation last sent on this stream; none before the first event.
  auto sent = std::make_shared<std::optional<uint64_t>>();
  // Exactly "text/event-stream": httplib leaves that type uncompressed, so each event is flushed.
  res.set_chunked_content_provider(
      "text/event-stream", [this, sent](size_t, httplib::DataSink& sink) {
        std::unique_lock<std::mutex> lock(mutex);
        if (!*sent) {
          *sent = generation;
          std::string hello = "retry: 1000\n" + reload_event(generation);
          lock.unlock();
          return sink.write(hello.data(), hello.size());
        }
        bool moved = changed.wait_for(lock, options.heartbeat,
                                      [&] { return stopping || generation != **sent; });
        if (stopping) {
          lock.unlock();
          sink.done();
          return true;
        }
        std::string text = ": keep-alive\n\n";
        if (moved) {
          *sent = generation;
          text = reload_event(generation);
        }
        lock.unlock();
        return sink.write(text.data(), text.size());
      });
}

void DevServer::State::handle(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  if (req.method != "GET" && req.method != "HEAD") {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.set_content("405 Method Not Allowed\n", "text/plain; charset=utf-8");
    return;
  }
  std::string_view target = req.target;
  if (target.substr(0, target.find('?')) == kEventsPath) {
    if (req.method == "GET") {
      serve_events(res);
    } else {
      res.set_content("", "text/event-stream");
    }
    return;
  }
  Reply reply = respond(options.root, target, live());
  res.status = reply.status;
  if (!reply.location.empty()) res.set_header("Location", reply.location);
  res.set_content(std::move(reply.body), reply.content_type.c_str());
}

DevServer::DevServer(ServeOptions options, std::function<RebuildResult()> rebuild,
                     std::vector<std::string> watch_paths)
    : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  state_->rebuild = std::move(rebuild);
  state_->watch_paths = std::move(watch_paths);
}

DevServer::~DevServer() {
  stop();
}

int DevServer::port() const {
  return state_->port;
}

std::string DevServer::url() const {
  return "http://" + state_->options.bind + ":" + std::to_string(state_->port) + "/";
}

void DevServer::start() {
  State& s = *state_;
  if (s.listen_thread.joinable()) return;
  {
    std::lock_guard<std::mutex> hold(s.mutex);
    s.stopping = false;
  }
  // The watcher first: when it cannot start, nothing is bound yet.
  if (!s.watch_paths.empty()) {
    s.watcher =
        std::make_unique<Watcher>(s.watch_paths, s.options.debounce, [this] { rebuild_now(); });
    s.watcher->start();
  }
  unsigned threads = s.options.threads ? s.options.threads : 16;
  s.server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.server.set_pre_routing_handler([&s](const httplib::Request& req, httplib::Response& res) {
    s.handle(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  s.server.set_keep_alive_timeout(2);
  // httplib's default sets SO_REUSEPORT, which lets a second server share the port silently;
  // SO_REUSEADDR alone allows a quick restart and still refuses a port in use.
  s.server.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  errno = 0;
  bool bound = s.options.port == 0 ? (s.port = s.server.bind_to_any_port(s.options.bind)) > 0
                                   : s.server.bind_to_port(s.options.bind, s.options.port);
  if (!bound) {
    int e = errno;
    s.port = 0;
    if (s.watcher) {
      s.watcher->stop();
      s.watcher.reset();
    }
    throw ListenError("cannot listen on " + s.options.bind + ":" + std::to_string(s.options.port) +
                          (e ? std::string(": ") + std::strerror(e) : std::string()),
                      e == EADDRINUSE);
  }
  if (s.options.port != 0) s.port = s.options.port;
  auto finished = std::make_shared<std::atomic<bool>>(false);
  s.listen_thread = std::thread([&s, finished] {
    // A page closed while its event stream is written to must give EPIPE, not kill the process:
    // block SIGPIPE here, before httplib starts its worker threads, which inherit the mask.
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
    s.server.listen_after_bind();
    *finished = true;
  });
  // httplib's stop() does nothing until the server runs: wait for that (microseconds) so that a
  // stop() right after start() is never lost.
  while (!s.server.is_running() && !*finished) std::this_thread::yield();
}

void DevServer::watch(std::vector<std::string> paths) {
  State& s = *state_;
  if (s.watcher) {
    s.watcher->stop();
    s.watcher.reset();
  }
  s.watch_paths = std::move(paths);
  if (s.watch_paths.empty()) return;
  auto watcher =
      std::make_unique<Watcher>(s.watch_paths, s.options.debounce, [this] { rebuild_now(); });
  watcher->start();
  s.watcher = std::move(watcher);
}

void DevServer::stop() {
  State& s = *state_;
  if (s.watcher) {
    s.watcher->stop();
    s.watcher.reset();
  }
  {
    std::lock_guard<std::mutex> hold(s.mutex);
    s.stopping = true;
  }
  s.changed.notify_all();  // event streams end
  if (s.listen_thread.joinable()) {
    s.server.stop();
    s.listen_thread.join();
  }
}

RebuildResult DevServer::rebuild_now() {
  State& s = *state_;
  std::lock_guard<std::mutex> one_at_a_time(s.rebuild_mutex);
  RebuildResult result;
  try {
    result = s.rebuild();
  } catch (const std::exception& e) {
    result = {false, e.what()};
  } catch (...) {
    result = {false, "the rebuild failed with an unknown error"};
  }
  record(result);
  return result;
}

void DevServer::record(const RebuildResult& result) {
  State& s = *state_;
  if (result.ok) {
    if (!result.message.empty()) s.log() << result.message << '\n';
  } else {
    s.log() << "gongkai serve: the rebuild failed; still serving the last good site\n"
            << result.message
            << (result.message.empty() || result.message.back() != '\n' ? "\n" : "");
  }
  s.log().flush();
  {
    std::lock_guard<std::mutex> hold(s.mutex);
    ++s.generation;
    s.error =
        result.ok ? std::string() : (result.message.empty() ? "unknown error" : result.message);
  }
  s.changed.notify_all();
}

void DevServer::flush_watcher() {
  if (state_->watcher) state_->watcher->flush();
}

uint64_t DevServer::generation() const {
  std::lock_guard<std::mutex> hold(state_->mutex);
  return state_->generation;
}

std::string DevServer::last_error() const {
  std::lock_guard<std::mutex> hold(state_->mutex);
  return state_->error;
}

void DevServer::run() {
  State& s = *state_;
  // SIGINT and SIGTERM are taken by sigwait below, in this thread only: block them before the
  // server's threads start, so every thread inherits the mask.
  sigset_t signals, previous;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, &previous);
  try {
    start();
  } catch (...) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    throw;
  }
  s.log() << "Serving " << s.options.root << " at " << url() << " (Ctrl-C to stop)\n";
  s.log().flush();
  int received = 0;
  sigwait(&signals, &received);
  s.log() << "\nStopping.\n";
  stop();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

int run_dev_server(const ServeOptions& options, std::function<RebuildResult()> rebuild,
                   std::vector<std::string> watch_paths) {
  DevServer server(options, rebuild, std::move(watch_paths));
  RebuildResult first;
  try {
    first = rebuild();
  } catch (const std::exception& e) {
    first = {false, e.what()};
  }
  server.record(first);
  try {
    server.run();
  } catch (const std::exception& e) {
    (options.log ? *options.log : std::cerr) << "gongkai serve: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

}  // namespace gongkai::serve
