#ifndef EDS_PARALLEL_H_
#define EDS_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace eds {

// How many threads can run at once: the machine's cores, at most 8 (one
// where threads cannot start).
std::size_t ThreadsAvailable();

// How many threads `count` items are worth: the machine's cores, at most 8,
// and one when there is too little to share.
std::size_t ThreadsFor(std::size_t count);

// Calls `work(i)` once for every i in [0, count) on `threads` threads (the
// caller's among them). `work` must be safe to call from several threads at
// once for different i, and should keep each result in a slot of its own so
// that the caller reads them back in index order: the outcome then never
// depends on the threads' timing. An exception thrown by `work` is rethrown
// here once every thread stopped.
void ForEachIndex(std::size_t count, std::size_t threads,
                  const std::function<void(std::size_t)>& work);

}  // namespace eds

#endif  // EDS_PARALLEL_H_
