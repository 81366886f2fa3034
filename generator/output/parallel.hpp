#pragma once
// Running independent file-system operations on several threads. Most of the writer's time is
// spent waiting for the file system (creating, linking, removing entries), not computing, so more
// threads than cores pay off: the kernel batches their journal updates.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace gongkai::output {

/// Threads for file-system work when the caller does not say: 8, however many cores.
inline constexpr unsigned kDefaultIoJobs = 8;

/// Calls fn(i) for every i in [0, n) on up to `jobs` threads (the caller's included), `chunk`
/// indexes at a time. The first exception thrown stops the others and is rethrown here.
template <class Fn>
void parallel_for(size_t n, unsigned jobs, Fn&& fn, size_t chunk = 16) {
  if (n == 0) return;
  jobs = std::max(1u, jobs);
  if (n <= chunk || jobs == 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    try {
      while (!failed.load(std::memory_order_relaxed)) {
        size_t begin = next.fetch_add(chunk);
        if (begin >= n) break;
        size_t end = std::min(begin + chunk, n);
        for (size_t i = begin; i < end && !failed.load(std::memory_order_relaxed); ++i) fn(i);
      }
    } catch (...) {
      std::lock_guard<std::mutex> hold(error_mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
  };
  size_t threads = std::min<size_t>(jobs, (n + chunk - 1) / chunk);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace gongkai::output
