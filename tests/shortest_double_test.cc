#include "shortest_double.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>

namespace eds {
namespace {

std::string ToChars(double value) {
  char buffer[64];
  const std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

TEST(ShortestDoubleTest, ChoosesFixedOrScientificLikeToChars) {
  const struct {
    double value;
    const char* text;
  } kCases[] = {
      {0.0, "0"},
      {-0.0, "-0"},
      {1.0, "1"},
      {2.5, "2.5"},
      {-0.125, "-0.125"},
      {0.1, "0.1"},
      {1.0 / 3, "0.3333333333333333"},
      {100.0, "100"},
      {1e5, "1e+05"},
      {123456.0, "123456"},
      {1e-05, "1e-05"},
      {0.0001, "1e-04"},
      {0.001, "0.001"},
      {1.5e300, "1.5e+300"},
      {5e-324, "5e-324"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(ShortestDoubleFromFmt(c.value), c.text) << c.text;
    EXPECT_EQ(ShortestDouble(c.value), c.text) << c.text;
  }
}

// The fallback the WebAssembly build uses gives std::to_chars' text for
// every kind of double: random bit patterns, scores (fractions of small
// integers) and decimals of few digits.
TEST(ShortestDoubleTest, FallbackAgreesWithToCharsOnAMillionValues) {
  std::mt19937_64 random(20241204);
  int checked = 0;
  for (int i = 0; i < 400000; ++i) {
    const std::uint64_t bits = random();
    double value;
    std::memcpy(&value, &bits, sizeof value);
    if (!std::isfinite(value)) continue;
    ASSERT_EQ(ShortestDoubleFromFmt(value), ToChars(value)) << bits;
    ++checked;
  }
  for (int q = 1; q <= 300; ++q) {
    for (int p = -q * 4; p <= q * 4; ++p) {
      const double value = static_cast<double>(p) / q;
      ASSERT_EQ(ShortestDoubleFromFmt(value), ToChars(value)) << p << "/" << q;
      ++checked;
    }
  }
  for (int digits = 0; digits < 50000; ++digits) {
    for (double scale : {1e-7, 1e-3, 1.0, 1e4, 1e12}) {
      const double value = digits * scale;
      ASSERT_EQ(ShortestDoubleFromFmt(value), ToChars(value)) << value;
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000000);
}

}  // namespace
}  // namespace eds
