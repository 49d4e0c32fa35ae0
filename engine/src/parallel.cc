#include "eds/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace eds {
namespace {

[[maybe_unused]] constexpr std::size_t kMaxThreads = 8;
// Fewer items than this per thread are not worth a thread's start-up.
[[maybe_unused]] constexpr std::size_t kMinItemsPerThread = 8;

}  // namespace

std::size_t ThreadsAvailable() {
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
  // WebAssembly built without threads: a std::thread cannot start.
  return 1;
#else
  const std::size_t cores =
      std::max<std::size_t>(1, std::thread::hardware_concurrency());
  return std::min(cores, kMaxThreads);
#endif
}

std::size_t ThreadsFor(std::size_t count) {
  return std::min(ThreadsAvailable(),
                  std::max<std::size_t>(1, count / kMinItemsPerThread));
}

void ForEachIndex(std::size_t count, std::size_t threads,
                  const std::function<void(std::size_t)>& work) {
  threads = std::min(threads, count);
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failures(threads);
  const auto run = [&](std::size_t thread) {
    try {
      for (std::size_t i = next++; i < count; i = next++) work(i);
    } catch (...) {
      failures[thread] = std::current_exception();
      next = count;  // the others stop at their next item
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(run, t);
  run(0);
  for (std::thread& thread : pool) thread.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

}  // namespace eds
