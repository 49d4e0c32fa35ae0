#include "eds/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <stdexcept>
#include <vector>

namespace eds {
namespace {

TEST(ForEachIndexTest, CallsEveryIndexOnce) {
  for (const std::size_t count : {0u, 1u, 7u, 8u, 100u, 10000u}) {
    SCOPED_TRACE(count);
    std::vector<std::atomic<int>> calls(count);
    ForEachIndex(count, 4, [&](std::size_t i) { ++calls[i]; });
    for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(calls[i].load(), 1) << i;
  }
}

TEST(ForEachIndexTest, RethrowsAFailureAfterEveryThreadStopped) {
  std::atomic<int> done{0};
  EXPECT_THROW(ForEachIndex(1000, 4,
                            [&](std::size_t i) {
                              if (i == 500)
                                throw std::runtime_error("item 500");
                              ++done;
                            }),
               std::runtime_error);
  EXPECT_LT(done.load(), 1000);
}

TEST(ThreadsForTest, OneForLittleWorkAndNeverMoreThanEight) {
  EXPECT_EQ(ThreadsFor(0), 1u);
  EXPECT_EQ(ThreadsFor(7), 1u);
  EXPECT_GE(ThreadsFor(1000000), 1u);
  EXPECT_LE(ThreadsFor(1000000), 8u);
}

}  // namespace
}  // namespace eds
