#include "eds/rational.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>

namespace eds {
namespace {

TEST(RationalTest, ConstructionReducesToLowestTermsWithPositiveDenominator) {
  struct Case {
    std::int64_t num, den, want_num, want_den;
  };
  const Case cases[] = {
      {2, 4, 1, 2},   {6, 3, 2, 1},   {0, 5, 0, 1},   {0, -7, 0, 1},
      {1, -2, -1, 2}, {-3, -9, 1, 3}, {-4, 6, -2, 3}, {10, 1, 10, 1},
  };
  for (const Case& c : cases) {
    const Rational r(c.num, c.den);
    EXPECT_EQ(r.ToFraction(),
              std::to_string(c.want_num) + "/" + std::to_string(c.want_den))
        << c.num << "/" << c.den;
  }
}

TEST(RationalTest, DefaultIsZeroAndWholeNumbersConvertImplicitly) {
  EXPECT_EQ(Rational(), Rational(0, 1));
  const Rational seven = 7;
  EXPECT_EQ(seven.ToFraction(), "7/1");
  EXPECT_TRUE(seven.IsInteger());
  EXPECT_FALSE(Rational(7, 2).IsInteger());
}

TEST(RationalTest, ZeroDenominatorThrows) {
  EXPECT_THROW(Rational(1, 0), std::invalid_argument);
  EXPECT_THROW(Rational(1) / Rational(0), std::invalid_argument);
}

TEST(RationalTest, Arithmetic) {
  struct Case {
    Rational a, b;
    char op;
    Rational want;
  };
  const Case cases[] = {
      {Rational(1, 2), Rational(1, 3), '+', Rational(5, 6)},
      {Rational(1, 6), Rational(1, 3), '+', Rational(1, 2)},
      {Rational(-1, 2), Rational(1, 2), '+', Rational(0)},
      {Rational(15, 2), Rational(1, 2), '+', Rational(8)},
      {Rational(1, 2), Rational(1, 3), '-', Rational(1, 6)},
      {Rational(1, 3), Rational(1, 2), '-', Rational(-1, 6)},
      {Rational(22), Rational(43, 2), '-', Rational(1, 2)},
      {Rational(2, 3), Rational(3, 4), '*', Rational(1, 2)},
      {Rational(-2, 3), Rational(3), '*', Rational(-2)},
      {Rational(5), Rational(3), '/', Rational(5, 3)},
      {Rational(1, 2), Rational(-1, 4), '/', Rational(-2)},
      {Rational(0), Rational(7), '/', Rational(0)},
  };
  for (const Case& c : cases) {
    Rational got;
    switch (c.op) {
      case '+':
        got = c.a + c.b;
        break;
      case '-':
        got = c.a - c.b;
        break;
      case '*':
        got = c.a * c.b;
        break;
      default:
        got = c.a / c.b;
        break;
    }
    EXPECT_EQ(got, c.want) << c.a.ToString() << " " << c.op << " "
                           << c.b.ToString() << " gave " << got.ToFraction();
  }
}

TEST(RationalTest, PlusEqualsAccumulatesExactly) {
  Rational sum;
  sum += Rational(1);
  sum += Rational(2);
  sum += Rational(2);
  EXPECT_EQ(sum / Rational(3), Rational(5, 3));
}

TEST(RationalTest, Comparisons) {
  struct Case {
    Rational a, b;
    bool less, equal;
  };
  const Case cases[] = {
      {Rational(1, 3), Rational(1, 2), true, false},
      {Rational(43, 2), Rational(22), true, false},
      {Rational(22), Rational(43, 2), false, false},
      {Rational(2, 4), Rational(1, 2), false, true},
      {Rational(-1, 2), Rational(-1, 3), true, false},
      {Rational(-1), Rational(0), true, false},
      {Rational(0), Rational(0, -3), false, true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.a.ToString() + " vs " + c.b.ToString());
    EXPECT_EQ(c.a < c.b, c.less);
    EXPECT_EQ(c.a == c.b, c.equal);
    EXPECT_EQ(c.a != c.b, !c.equal);
    EXPECT_EQ(c.a <= c.b, c.less || c.equal);
    EXPECT_EQ(c.a > c.b, !c.less && !c.equal);
    EXPECT_EQ(c.a >= c.b, !c.less);
  }
}

TEST(RationalTest, FloorAndFloorToHalf) {
  struct Case {
    Rational value;
    std::int64_t floor;
    Rational floor_to_half;
  };
  const Case cases[] = {
      {Rational(0), 0, Rational(0)},
      {Rational(2), 2, Rational(2)},
      {Rational(5, 3), 1, Rational(3, 2)},
      {Rational(3, 2), 1, Rational(3, 2)},
      {Rational(7, 4), 1, Rational(3, 2)},
      {Rational(4, 3), 1, Rational(1)},
      {Rational(47, 6), 7, Rational(15, 2)},
      {Rational(1, 3), 0, Rational(0)},
      {Rational(-1, 3), -1, Rational(-1, 2)},
      {Rational(-1, 2), -1, Rational(-1, 2)},
      {Rational(-2, 3), -1, Rational(-1)},
      {Rational(-3), -3, Rational(-3)},
      {Rational(-7, 4), -2, Rational(-2)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.value.ToFraction());
    EXPECT_EQ(c.value.Floor(), c.floor);
    EXPECT_EQ(c.value.FloorToHalf(), c.floor_to_half);
  }
}

TEST(RationalTest, AbsAndToDouble) {
  EXPECT_EQ(Rational(-3, 2).Abs(), Rational(3, 2));
  EXPECT_EQ(Rational(3, 2).Abs(), Rational(3, 2));
  EXPECT_DOUBLE_EQ(Rational(15, 2).ToDouble(), 7.5);
  EXPECT_DOUBLE_EQ(Rational(-1, 4).ToDouble(), -0.25);
}

TEST(RationalTest, ToStringShowsAtMostTwoDecimalsRoundedHalfAwayFromZero) {
  struct Case {
    Rational value;
    const char* want;
  };
  const Case cases[] = {
      {Rational(22), "22"},       {Rational(0), "0"},
      {Rational(15, 2), "7.5"},   {Rational(5, 3), "1.67"},
      {Rational(2, 3), "0.67"},   {Rational(1, 8), "0.13"},
      {Rational(-1, 8), "-0.13"}, {Rational(1, 3), "0.33"},
      {Rational(1, 4), "0.25"},   {Rational(1, 200), "0.01"},
      {Rational(1, 201), "0"},    {Rational(-1, 1000), "0"},
      {Rational(199, 200), "1"},  {Rational(-15, 2), "-7.5"},
      {Rational(47, 6), "7.83"},  {Rational(101, 10), "10.1"},
      {Rational(-33), "-33"},     {Rational(1, 20), "0.05"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.value.ToString(), c.want) << c.value.ToFraction();
  }
}

// Means of means over panels of different sizes multiply denominators far
// beyond 64 bits; the arithmetic stays exact and comes back to 64-bit parts
// when the value allows.
TEST(RationalTest, ExactBeyondSixtyFourBits) {
  Rational sum;
  for (std::int64_t n = 1; n <= 60; ++n) sum += Rational(1, n);  // H(60)
  Rational back = sum;
  for (std::int64_t n = 60; n >= 1; --n) back = back - Rational(1, n);
  EXPECT_EQ(back, Rational(0));
  EXPECT_EQ(back.ToFraction(), "0/1");
  // H(60) = 4.6798704...; its denominator has 82 bits.
  EXPECT_EQ(sum.ToString(), "4.68");
  EXPECT_EQ(sum.Floor(), 4);
  EXPECT_EQ(sum.FloorToHalf(), Rational(9, 2));
  EXPECT_FALSE(sum.IsInteger());
  EXPECT_NEAR(sum.ToDouble(), 4.679870412951738, 1e-12);
  EXPECT_TRUE(Rational(4) < sum);
  EXPECT_TRUE(sum < Rational(5));
  EXPECT_FALSE(sum == Rational(4));
  EXPECT_EQ((sum - sum), Rational(0));
  EXPECT_EQ((sum * Rational(0)), Rational(0));
  EXPECT_EQ(sum / sum, Rational(1));
  EXPECT_EQ((Rational(0) - sum).Abs(), sum);
  EXPECT_EQ((Rational(0) - sum).Floor(), -5);
  EXPECT_EQ((Rational(0) - sum).ToString(), "-4.68");
}

TEST(RationalTest, PartsAtTheEdgeOfSixtyFourBits) {
  const std::int64_t max = INT64_MAX;
  const Rational big(max);
  EXPECT_EQ((big + Rational(1)) - Rational(1), big);
  EXPECT_EQ((big * big) / big, big);
  EXPECT_EQ(Rational(INT64_MIN) + Rational(1), Rational(-max));
  EXPECT_EQ(Rational(INT64_MIN).Abs().ToFraction(), "9223372036854775808/1");
  EXPECT_EQ(Rational(1, INT64_MIN).ToFraction(), "-1/9223372036854775808");
  EXPECT_EQ(Rational(max, max), Rational(1));
  EXPECT_EQ(big.ToString(), "9223372036854775807");
  EXPECT_EQ(Rational(-max).ToString(), "-9223372036854775807");
  EXPECT_TRUE(Rational(1, max) < Rational(1, max - 1));
  EXPECT_THROW((big * big).Floor(), std::overflow_error);
}

}  // namespace
}  // namespace eds
