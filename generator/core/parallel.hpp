#pragma once
// Runs f(i) for i in [0, n) on up to `jobs` threads (the caller's included). Items are handed out
// in small chunks from an atomic counter, so uneven items (a big report, a long year page) balance
// themselves. f must be safe to call concurrently for different i; results go to pre-sized slots,
// so the output order never depends on the schedule. The first exception stops the work and is
// rethrown.
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace gongkai::core {

/// 0 → the number of cores.
inline unsigned resolve_jobs(unsigned jobs) {
  if (jobs > 0) return jobs;
  unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : hw;
}

template <class F>
void parallel_for(size_t n, unsigned jobs, F&& f, size_t chunk = 8) {
  jobs = std::min<size_t>(resolve_jobs(jobs), (n + chunk - 1) / std::max<size_t>(chunk, 1));
  if (jobs <= 1) {
    for (size_t i = 0; i < n; ++i) f(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    while (!failed.load(std::memory_order_relaxed)) {
      size_t begin = next.fetch_add(chunk);
      if (begin >= n) return;
      size_t end = std::min(n, begin + chunk);
      try {
        for (size_t i = begin; i < end; ++i) f(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs - 1);
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace gongkai::core
